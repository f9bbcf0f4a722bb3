import type { Catalog, Translation } from "../../message-keys.js";

export default {
  create: {
    description:
      "モノグループに OTA ファームウェアジョブ(パッケージのバージョン)またはカスタムジョブを作成します",
    title: "🚀 iotdm create-job: フリートに作業を送る",
    opt: {
      jobType: "ota(カタログのパッケージバージョン)または custom(独自のドキュメント)",
      thingGroups: "対象のモノグループ(名前または一覧の番号、カンマ区切り)",
      package: "OTA: デプロイするパッケージ",
      packageVersion: "OTA: デプロイするバージョン(公開済みまたは非推奨)",
      jobId: "ジョブ ID(英数字、'_'、'-'、64 文字まで)",
      description: "ジョブの説明",
      document: "custom: ジョブドキュメント(JSON)",
      documentFile: "custom: ジョブドキュメントを含むファイル",
      operation: "custom: テンプレートドキュメントの操作名",
      advanced: "詳細設定(ロールアウト、中止、タイムアウト、再試行)を質問する",
      targetSelection: "continuous(後からグループに入ったデバイスにも届く)または snapshot",
      maxPerMinute: "ロールアウト: 1 分あたりに通知するデバイスの上限(1-1000)",
      exponentialBase: "指数ロールアウト: 最初の 1 分あたりの通知数(1-1000)",
      exponentialFactor: "指数ロールアウト: 段階ごとの増加率(1.1-5)",
      exponentialNotified: "指数ロールアウト: この台数に通知したら速度を上げる",
      exponentialSucceeded: "指数ロールアウト: この台数が成功したら速度を上げる",
      abortFailureType: "中止: 失敗とみなす結果(FAILED、REJECTED、TIMED_OUT、ALL)",
      abortThresholdPercent: "中止: この割合のデバイスが失敗したらジョブを取り消す(0-100)",
      abortMinExecuted: "中止: この台数が終わってから判定する",
      timeoutMinutes: "開始したデバイスが実行を終えるまでの時間(分、1-10080)",
      retries: "失敗後のデバイスごとの再試行回数(0-10)",
      retryFailureType: "再試行: 再試行する結果(FAILED、TIMED_OUT、ALL)",
    },
    badChoice: "{{value}} は {{values}} のいずれでもありません",
    range: {
      maxPerMinute: "1 から 1000 の整数を指定してください({{value}} が指定されました)",
      baseRatePerMinute: "1 から 1000 の整数を指定してください({{value}} が指定されました)",
      incrementFactor: "1.1 から 5 の数値を指定してください({{value}} が指定されました)",
      notifiedThings: "1 以上の整数を指定してください({{value}} が指定されました)",
      succeededThings: "1 以上の整数を指定してください({{value}} が指定されました)",
      thresholdPercent: "0 から 100 の割合を指定してください({{value}} が指定されました)",
      minExecuted: "1 以上の整数を指定してください({{value}} が指定されました)",
      timeoutMinutes: "1 から 10080 の整数(分)を指定してください({{value}} が指定されました)",
      retries: "0 から 10 の整数を指定してください({{value}} が指定されました)",
    },
    type: {
      prompt: "どの種類のジョブですか?",
      ota: "OTA ファームウェア更新(Software Package Catalog のパッケージバージョン)",
      custom: "カスタムジョブ(独自の JSON ドキュメント)",
    },
    groups: {
      available: "🎯 モノグループ({{count}} 件):",
      prompt: "モノグループ(番号または名前、カンマ区切り、例 1,3 または US_Fleet):",
      unknown: "そのグループはありません: {{items}}(名前か 1 から {{count}} の番号を指定してください)",
      none: "モノグループを 1 つ以上指定してください",
    },
    package: {
      prompt: "デプロイするパッケージ:",
      unknown: "パッケージ {{name}} はありません: {{names}} から選んでください",
    },
    version: {
      line: "   • {{version}} - {{status}}(作成 {{created}})",
      prompt: "デプロイするバージョン:",
      unknown: "パッケージ {{package}} にバージョン {{version}} はありません(バージョン: {{versions}})",
      notDeployable:
        "バージョン {{version}} は {{status}} です: デプロイできるのは公開済みまたは非推奨のバージョンだけです。先に公開してください",
    },
    document: {
      prompt: "ジョブドキュメント(JSON、Enter でテンプレート):",
      operation: "テンプレートの操作名:",
      notJson: "有効な JSON ではありません",
      notObject: "ジョブドキュメントは JSON オブジェクト({...})です",
      tooLong: "ジョブドキュメントは 32,768 文字までです",
      unreadable: "ドキュメントファイル {{path}} を読めません: {{message}}",
    },
    badJobId: "{{id}} はジョブ ID として使えません: 英数字、'_'、'-' で 1-64 文字にしてください",
    jobIdPrompt: "ジョブ ID:",
    descriptionTooLong: "説明は 2,028 文字までです",
    descriptionPrompt: "説明:",
    advanced: {
      prompt: "詳細設定(ターゲット選択、ロールアウト、中止、タイムアウト、再試行)を行いますか?",
      targetSelection: "ターゲット選択:",
      continuous: "CONTINUOUS: 後からグループに入ったデバイスにもジョブが届きます",
      snapshot: "SNAPSHOT: 今グループにいるデバイスだけ。全台が終わるとジョブは完了します",
      maxPerMinute: "ロールアウト: 1 分あたりの通知数の上限(1-1000、空欄で制限なし):",
      exponentialBase: "指数ロールアウト: 最初の 1 分あたりの台数(1-1000、空欄でなし):",
      exponentialFactor: "指数ロールアウト: 増加率(1.1-5):",
      exponentialNotified: "指数ロールアウト: 通知した台数がこれに達したら速度を上げる(空欄で省略):",
      exponentialSucceeded: "指数ロールアウト: 成功した台数がこれに達したら速度を上げる(空欄で省略):",
      abortThreshold: "中止: 失敗がこの割合に達したら取り消す(0-100、空欄で中止なし):",
      abortMinExecuted: "中止: この台数が終わってから判定:",
      abortFailureType: "中止: 失敗とみなす結果は?",
      timeoutMinutes: "タイムアウト: 開始したデバイスの持ち時間(分、1-10080、空欄でなし):",
      retries: "デバイスごとの再試行回数(0-10、空欄でなし):",
      retryFailureType: "どの結果を再試行しますか?",
    },
    noGroups: "対象にできるモノグループがありません: まず {{command}} でフリートを作成してください",
    noPackages: "デプロイできるパッケージがありません: まず {{command}} で作成してください",
    found: "📊 モノグループ {{groups}} 件、パッケージ {{packages}} 件が見つかりました",
    plan: {
      title: "🎯 作成するジョブ",
      summary:
        "   ジョブ ID: {{jobId}}\n   種類: {{kind}}\n   モノグループ: {{groups}}\n   説明: {{description}}",
      package: "   パッケージ: {{package}} バージョン {{version}}",
      document:
        "📋 ジョブドキュメント(各デバイスが受け取る内容。プレースホルダーはデバイスごとに解決されます):",
      config: "⚙️ 設定:",
    },
    done: "🎉 ジョブ {{jobId}} を作成しました({{arn}})",
    next: "次に {{command}} でデバイスを演じましょう",
  },
  explore: {
    description: "ジョブを探索: 一覧、ジョブの設定・ドキュメント・実行、取り消し、削除、統計",
    title: "🔍 iotdm explore-jobs: ジョブの状況を見る",
    opt: {
      action: "表示または実行する操作: {{actions}}(省略するとメニューで選びます)",
      jobId: "対象のジョブ",
      thingName: "execution: 実行を表示するモノ",
      executionNumber: "execution: そのモノの何回目の実行か(再試行後。既定は最新)",
      status: "executions: このステータスの実行だけ",
      force: "cancel: 実行中の実行も取り消す。delete: 実行中のジョブも削除する",
      reasonCode: "cancel: ジョブに記録する理由コード",
      comment: "cancel: ジョブに記録するコメント",
    },
    badAction: "不明な操作 {{value}}: {{values}} のいずれかを指定してください",
    badStatus: "{{value}} は実行ステータスではありません: {{values}} のいずれかを指定してください",
    badNumber: "1 以上の実行番号を指定してください({{value}} が指定されました)",
    menu: {
      prompt: "何を表示しますか?",
      list: "すべてのジョブを一覧表示",
      describe: "ジョブ: 設定、ドキュメント、進捗",
      execution: "1 台のデバイスのジョブ実行",
      executions: "ジョブのすべての実行",
      cancel: "ジョブを取り消す",
      delete: "ジョブを削除する",
      stats: "ジョブの統計と健全性",
    },
    list: {
      none: "ジョブはまだありません。",
      found: "📋 ジョブ {{count}} 件:",
    },
    column: {
      jobId: "ジョブ ID",
      status: "ステータス",
      selection: "ターゲット選択",
      created: "作成",
      completed: "完了",
      thing: "モノ",
      number: "実行番号",
      queued: "キュー投入",
      updated: "最終更新",
    },
    jobPrompt: "どのジョブですか?",
    jobIdRequired: "ジョブ ID が必要です",
    thingPrompt: "モノの名前:",
    thingRequired: "モノの名前が必要です",
    job:
      "📋 ジョブ {{jobId}}\n   ステータス: {{status}}\n   説明: {{description}}\n   ターゲット選択: {{selection}}\n" +
      "   作成: {{created}}\n   完了: {{completed}}\n   ターゲット: {{targets}}",
    canceled: "   取り消し: 理由 {{reason}}、コメント {{comment}}",
    document: "📄 ジョブドキュメント:",
    noDocument: "   (ジョブドキュメントを読めませんでした)",
    executions: "📊 実行:",
    noExecutions: "   実行はまだありません: このジョブを受け取ったデバイスはありません。",
    count: "   {{status}}: {{count}}({{percent}}%)",
    execution:
      "📱 ジョブ {{jobId}} の {{thing}}\n   ステータス: {{status}}\n   実行番号: {{number}}(バージョン {{version}})\n" +
      "   キュー投入: {{queued}}\n   開始: {{started}}\n   最終更新: {{updated}}",
    executionsNone: "ジョブ {{jobId}} の実行はありません。",
    executionsFound: "📋 実行 {{count}} 件:",
    stats: {
      title: "📊 {{jobId}} の統計",
      summary:
        "   ステータス: {{status}}\n   実行: {{total}}\n   ✅ 成功: {{succeeded}}({{successRate}}%)\n" +
        "   ❌ 失敗: {{failed}}({{failureRate}}%)\n   🔄 保留中: {{pending}}",
    },
    health: {
      none: "🏥 健全性: 実行がまだないため評価できません",
      excellent: "🏥 健全性: 非常に良好(95% 以上が成功)",
      good: "🏥 健全性: 良好(80% 以上が成功): 失敗を確認してください",
      poor: "🏥 健全性: 不良(成功 50%〜80%): 多くのデバイスが失敗しています",
      critical: "🏥 健全性: 危険(成功 50% 未満): ほとんどのデバイスが失敗しています",
    },
    advice: {
      noExecutions:
        "💡 このジョブを受け取ったデバイスがありません: 対象グループにメンバーがいて、デバイスが存在するか確認してください。",
      canceledEarly: "💡 どのデバイスも終わる前にジョブが取り消されました: 理由はジョブの詳細にあります。",
      devicesRemoved:
        "💡 終わる前にデバイスがジョブのグループを離れた(または削除された)ようです: まだ存在するか確認してください。",
      stillRunning: "💡 デバイスがまだ作業中です: 後で確認するか、simulate-jobs でデバイスを演じてください。",
      highFailure: "💡 20% を超えて失敗しています: 失敗した実行の詳細で原因を確認してください。",
      moderateFailure: "💡 10% を超えて失敗しています: 失敗を調べ、注視を続けてください。",
      excellent: "💡 失敗はごくわずかです: このバージョンは順調に展開されています。",
      good: "💡 ほぼ成功しています: 失敗に共通の原因がないか確認してください。",
      mixed: "💡 結果がまちまちです: ステータスごとに実行を確認してください。",
      considerCancel: "💡 保留中のデバイスがあります: 今取り消せば、それらへの展開を止められます。",
    },
    cancelConfirm: "ジョブ {{jobId}} を取り消すには {{token}} と入力してください:",
    canceledDone: "✅ ジョブ {{jobId}} は {{status}} です",
    deleteWarning: "⚠️ ジョブ {{jobId}} を削除すると、ジョブと {{executions}} 件の実行履歴が完全に消えます。",
    deleteConfirm: "ジョブ {{jobId}} を削除するには {{token}} と入力してください:",
    deletedDone: "✅ ジョブ {{jobId}} を削除しました",
    kept: "何も変更していません: ジョブ {{jobId}} はそのままです。",
    more: "ほかに探索しますか?",
  },
  simulate: {
    description:
      "ジョブのデバイスを演じます: 各デバイスがジョブを読み、ファームウェアをダウンロードし、結果を報告します",
    title: "🤖 iotdm simulate-jobs: フリートになる",
    opt: {
      jobId: "デバイスを演じるジョブ(既定: 実行中のジョブから選ぶ)",
      count: "実行する保留中の実行の数、または all(既定 all)",
      successRate: "成功するデバイスの割合 0-100(既定 100)",
      random: "割合どおりではなく、デバイスごとに結果をランダムに決める",
      verbose: "デバイスの手順ごとに 1 行表示",
    },
    noActive: "実行中のジョブがありません: {{command}} で作成してください",
    jobPrompt: "どのジョブですか?",
    noPending: "ジョブ {{jobId}} に保留中の実行はありません: すべてのデバイスが報告済みです。",
    pending: "📊 ジョブ {{jobId}} の保留中の実行 {{count}} 件",
    countPrompt: "{{count}} 件のうちいくつ実行しますか(数値、または all)?",
    badCount: "0 以上の数値または all を指定してください({{value}} が指定されました)",
    ratePrompt: "成功率(パーセント、0-100):",
    badRate: "0 から 100 の割合を指定してください({{value}} が指定されました)",
    plan: "🎯 デバイス {{total}} 台: {{succeed}} 台が成功、{{fail}} 台が失敗({{rate}}%)",
    planRandom: "🎯 デバイス {{total}} 台、それぞれ {{rate}}% の確率で成功",
    confirm: "デバイスを開始しますか?",
    summary:
      "🎉 デバイス {{processed}} 台を {{seconds}} 秒で処理({{rate}}/秒): 成功 {{succeeded}}、失敗 {{failed}}、" +
      "報告できず {{errors}}。ファームウェアのダウンロード {{downloads}} 回、{{bytes}} バイト",
    failureLine: "   • {{thing}}: {{reason}} {{error}}",
    next: "次に {{command}} でジョブの結果を確認しましょう",
    progress: "📱 デバイス",
    downloaded: "   📦 {{thing}}: ファームウェアをダウンロードしました({{bytes}} バイト)",
    downloadFailed:
      "   ⚠️ {{thing}}: ファームウェアのダウンロードに失敗しました(HTTP {{status}}、{{bytes}} バイト)",
    reported: "   {{thing}}: {{status}} を報告しました",
  },
  tour: {
    stop: "🚀 寄り道: ファームウェア {{package}} {{version}} を {{group}} に無線配信",
    created: "   ジョブ {{jobId}}: グループ内の {{devices}} 台それぞれに実行を 1 つ",
    stats: "   ジョブは {{status}}: {{succeeded}} 台が更新、{{failed}} 台が失敗({{seconds}} 秒)",
    indexed:
      "   🔍 フリートインデックスは {{package}} {{version}} を報告するデバイスを {{count}} 台見つけます",
  },
  learn: {
    tour: {
      title: "本当に無線で",
      body:
        "フリートに新しいファームウェアを届けます: SNAPSHOT ジョブがバージョン {{version}} を動的グループ {{group}} に送ります。\n" +
        "iotdm が車両を演じ、各車が署名付き URL でファイルをダウンロードして結果を報告します。いくつかはわざと失敗します。\n" +
        "成功はデバイスの $package シャドウに書き込まれるので、フリートインデックスはすぐに「{{version}} で動く車は?」に答えられます。",
    },
    simulateDiscovery: {
      title: "デバイスを演じる",
      body:
        "実際のデバイスは AWS IoT からジョブを知り、実行を取得し、作業して報告します。ここでは iotdm が 1 つのジョブの\n" +
        "全デバイスを同時に、車両が使うのと同じデバイス API(ジョブのデータプレーン)で演じます。そのためジョブの進捗、\n" +
        "統計、デバイスのシャドウは実際のロールアウトとまったく同じように変わります。",
    },
    simulateExecutions: {
      title: "保留中のもの",
      body:
        "ジョブ {{jobId}} の各デバイスには実行があります。QUEUED はまだ始まっておらず、IN_PROGRESS は始まって\n" +
        "終わっていません。終わったもの(SUCCEEDED、FAILED など)には触れません: デバイスは各実行を 1 回だけ報告します。",
    },
    simulation: {
      title: "無線アップデートを {{count}} 回",
      body:
        "各デバイスはジョブドキュメント付きで実行を読みます。そこには AWS IoT がファームウェアの署名付き URL を入れています。\n" +
        "IN_PROGRESS を報告し、普通の HTTP でファイルをダウンロードし(AWS の認証情報は不要: URL そのものが許可で、期限があります)、\n" +
        "全バイトが届いたか確かめてから SUCCEEDED か FAILED を報告します({{rate}}% が成功)。",
    },
    cancel: {
      title: "ジョブの取り消し",
      body:
        "取り消すとロールアウトが止まります: まだ始めていない(QUEUED)デバイスは始めず、ジョブは CANCELED で終わります。\n" +
        "作業中(IN_PROGRESS)のデバイスは最後まで続けられます。強制すると、それらも取り消されます。ファームウェアを書き込み中の\n" +
        "デバイスがあるため、既定では強制しません。ジョブと履歴は残ります。",
    },
    delete: {
      title: "ジョブの削除",
      body:
        "削除するとジョブとすべての実行履歴が消え、削除が終わればその ID を再び使えます。\n" +
        "完了または取り消し済みのジョブはそのまま削除でき、実行中のジョブには強制が必要で、その実行も終わります。\n" +
        "止めて記録を残したいときは取り消し、記録が不要になったら削除です。",
    },
    discovery: {
      title: "ジョブが届く相手",
      body:
        "ジョブはターゲットに送られます。個々のモノ、またはモノグループ(メンバー全員とサブグループのメンバー)です。\n" +
        "動的グループも使えます。その時点でクエリに一致するデバイスがメンバーです。つまりジョブの前にフリートがあります:\n" +
        "provision が作ったグループと、公開したパッケージです。",
    },
    jobType: {
      title: "2 種類の作業",
      body:
        "OTA ジョブは Software Package Catalog のバージョンを指します。ドキュメントはバージョンの属性とファームウェアファイルを\n" +
        "プレースホルダーで示し、AWS IoT がデバイスごとに埋めます。ファイルは有効期限の短い署名付き URL になります。\n" +
        "カスタムジョブは任意の JSON ドキュメントを運びます: 再起動、証明書の更新、ログ収集など。",
    },
    targets: {
      title: "誰に、いつ届くか",
      body:
        "SNAPSHOT ジョブは今グループにいるデバイスが対象で、全台が終わると完了します。CONTINUOUS ジョブは後から\n" +
        "グループに入ったデバイスにも届くため、動き続けます。ロールアウト設定は通知の速さを、中止設定は失敗が多すぎる\n" +
        "ときの取り消しを、タイムアウトは止まったデバイスの実行の終了を決めます。",
    },
    creation: {
      title: "ジョブから実行へ",
      body:
        "ジョブを作成すると {{groups}} 個のグループがデバイスごとのジョブ実行(QUEUED)になります。デバイスは実行を読み、\n" +
        "IN_PROGRESS にして作業し、SUCCEEDED か FAILED を報告します。ジョブはすべての結果を数え、パッケージ設定が\n" +
        "有効なら成功時にデバイスの $package シャドウへ新しいバージョンを記録し、フリートインデックス(と動的グループ)が追従します。",
    },
  },
} satisfies Translation<Catalog["jobs"]>;
