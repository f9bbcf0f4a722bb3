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
  simulate: {
    progress: "📱 デバイス",
    downloaded: "   📦 {{thing}}: ファームウェアをダウンロードしました({{bytes}} バイト)",
    downloadFailed:
      "   ⚠️ {{thing}}: ファームウェアのダウンロードに失敗しました(HTTP {{status}}、{{bytes}} バイト)",
    reported: "   {{thing}}: {{status}} を報告しました",
  },
  learn: {
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
