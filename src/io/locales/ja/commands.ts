import type { Catalog, Translation } from "../../message-keys.js";

export default {
  description:
    "AWS IoT コマンド: 車両へのリモート操作を作成し、デバイスやグループで実行して、結果を追跡します",
  title: "🎮 iotdm commands: コネクテッドカーへのリモート操作",
  opt: {
    action: "実行する操作: {{actions}}(省略するとメニューで選びます)",
    commandId: "コマンド ID(英数字、'_'、'-'、64 文字まで)",
    vehicle: "create: 車両コマンドのいずれか({{ids}})、または custom",
    description: "create: カスタムコマンドの説明",
    payload: "create: カスタムコマンドのペイロード(JSON オブジェクト)",
    thing: "実行先のデバイス(モノの名前)、または実行履歴を見るデバイス",
    thingGroup: "execute: このモノグループのすべてのメンバーで実行",
    timeout: "execute: デバイスが応答するまでの秒数(1〜43200、既定 60)",
    wait: "execute: ステータスが確定するまで追跡する",
    simulate: "execute: 接続していない対象のためにシミュレートした車を起動する(省略時は確認します)",
    noSimulate: "execute: シミュレートした車を起動しない",
    executionId: "status: 実行 ID",
    status: "history: このステータスの実行だけ({{values}})",
    since: "history: この時刻以降に開始された実行だけ(例: 2026-01-31T08:00)",
    until: "history: この時刻以前に開始された実行だけ",
  },
  badAction: "不明な操作 {{value}}: {{values}} のいずれかを指定してください",
  menu: {
    prompt: "何をしますか?",
    create: "コマンドを作成",
    list: "コマンドの一覧",
    describe: "コマンドの詳細を見る",
    delete: "コマンドを削除",
    execute: "デバイスまたはグループでコマンドを実行",
    status: "実行のステータスを見る",
    history: "デバイスの実行履歴を見る",
    debug: "デバッグモードの切り替え",
    exit: "終了",
  },
  context: "リージョン {{region}} · アカウント {{account}} · デバッグ {{debug}}",
  on: "オン",
  off: "オフ",
  debugOn: "✅ デバッグモードをオンにしました: すべての AWS 呼び出しとその応答を表示します。",
  debugOff: "デバッグモードをオフにしました。",
  create: {
    choose: "どのコマンドを作成しますか?",
    custom: "カスタムコマンド(ID、説明、ペイロードを自分で指定)",
    using: "✅ 車両コマンド {{id}} を使います: {{description}}",
    payloadLine: "   ペイロード: {{payload}}",
    idPrompt: "コマンド ID(例: open-trunk):",
    descriptionPrompt: "このコマンドは何をしますか?",
    payloadPrompt: "ペイロード(JSON オブジェクト、Enter で {{example}}):",
    payloadHint:
      "ペイロードは静的です: このコマンドを実行するデバイスは毎回まったく同じバイト列を受け取ります。",
    done: "✅ コマンド {{id}} を作成しました",
    arn: "   ARN: {{arn}}",
    exists:
      "❌ {{id}} という名前のコマンドはすでにあります(削除待ちの可能性もあります): 別の ID を選んでください。",
    badVehicle: "{{value}} は {{values}} のいずれでもありません",
    problem: {
      badId: "{{id}} はコマンド ID として使えません: 英数字で始め、英数字、'_'、'-' を 64 文字まで使えます",
      badDescription: "説明は 1〜{{max}} 文字で入力してください",
      badPayload: 'ペイロードはキーを 1 つ以上持つ JSON オブジェクトにしてください(例: {"action": "lock"})',
      payloadTooLarge:
        "ペイロードが {{size}} バイトあります。AWS IoT が受け付けるのは {{max}} バイトまでです",
    },
  },
  vehicle: {
    lock: "車両のドアをすべてリモートでロック",
    unlock: "車両のドアをすべてリモートでロック解除",
    startEngine: "エンジンをリモートで始動",
    stopEngine: "エンジンをリモートで停止",
    setClimate: "車内のエアコンを設定",
    horn: "クラクションを鳴らす",
  },
  list: {
    none: "ℹ️ コマンドはまだありません。`iotdm commands create` で作成できます。",
    header: "コマンド",
    columns: {
      id: "コマンド",
      state: "状態",
      created: "作成日時",
    },
    total: "コマンド {{count}} 件",
  },
  state: {
    ACTIVE: "有効",
    DEPRECATED: "非推奨",
    PENDING_DELETION: "削除待ち",
  },
  pick: "どのコマンドですか?",
  idRequired: "コマンド ID を入力してください",
  notFound: "❌ コマンド {{id}} はありません。`iotdm commands list` で存在するコマンドを確認できます。",
  describe: {
    title: "📋 コマンド {{id}}",
    displayName: "   名前: {{value}}",
    descriptionLine: "   説明: {{value}}",
    namespace: "   名前空間: {{value}}",
    stateLine: "   状態: {{value}}",
    created: "   作成日時: {{value}}",
    updated: "   最終更新: {{value}}",
    contentType: "   コンテンツタイプ: {{value}}",
    payload: "   ペイロード:",
    noPayload: "   このコマンドにはペイロードがありません。",
  },
  delete: {
    confirm: "コマンド {{id}} を削除しますか? 元に戻せません。確認のため DELETE と入力してください:",
    kept: "コマンド {{id}} は削除しませんでした。",
    deleted: "✅ コマンド {{id}} を削除しました。",
    pending:
      "✅ コマンド {{id}} は削除待ちになりました: 12 時間のタイムアウト後に AWS が削除します。もう実行はできません。\n" +
      "   (12 時間以上非推奨だったコマンドはすぐに削除されます。)",
  },
  execute: {
    targetKind: "実行先:",
    oneThing: "1 台のデバイス(モノ)",
    aGroup: "モノグループのすべてのデバイス",
    thingPrompt: "デバイス(モノの名前):",
    groupPrompt: "モノグループ名:",
    thingRequired: "モノの名前を入力してください",
    groupRequired: "モノグループ名を入力してください",
    bothTargets: "--thing と --thing-group はどちらか一方だけを指定してください",
    timeoutPrompt: "デバイスが応答するまでの秒数(1〜{{max}}、Enter で {{default}}):",
    badTimeout: "1〜{{max}} の整数の秒数を指定してください({{value}} が指定されました)",
    notRunnable:
      "❌ コマンド {{id}} は{{state}}のため実行できません。再び有効にするか、別のコマンドを作成してください。",
    emptyGroup: "❌ モノグループ {{group}} にはデバイスがありません: 実行する対象がありません。",
    noGroup: "❌ モノグループ {{group}} はありません。",
    noThing: "モノ {{thing}} はありません。",
    starting: "{{id}} を {{count}} 台のデバイスで開始します...",
    started: "✅ {{thing}}: 実行 {{executionId}}(CREATED)",
    topic: "   📡 {{topic}} に発行しました",
    failed: "❌ {{thing}}: {{error}}",
    summary: "{{total}} 件中 {{started}} 件の実行を開始しました。",
    noDevice:
      "⚠️ 対象のデバイスのうち {{count}} 台({{thing}} など)は今接続していません: コマンドはキューに入らないため、受け取られません。",
    waitPrompt: "ステータスが確定するまで追跡しますか?",
    simulatePrompt:
      "今すぐ {{count}} 台のシミュレートした車を起動しますか? それぞれ自分の証明書で接続し、この実行中にコマンドに応答します。",
    simulating: "🚗 接続していないデバイスのために {{count}} 台のシミュレートした車を起動します...",
    respondHint:
      "デバイスは {{topic}} に応答します\n" +
      '   まず {"status": "IN_PROGRESS"}、次に {"status": "SUCCEEDED"}(または FAILED、REJECTED と statusReason)。',
    followHint:
      "`iotdm commands status --execution-id {{executionId}} --thing {{thing}}` で状況を確認できます。",
    waiting: "⏳ {{count}} 件の実行が終わるのを待っています(最大 {{seconds}} 秒)...",
    change: "   {{thing}}: {{status}}",
    stillOpen: "⏱️ 待機を終了しました: {{thing}} はまだ {{status}} です。",
  },
  status: {
    executionPrompt: "実行 ID:",
    executionRequired: "実行 ID を入力してください",
    thingPrompt: "コマンドを実行したデバイス(モノの名前):",
    notFound:
      "❌ {{thing}} に実行 {{executionId}} はありません: ID とデバイスを確認してください(実行は 1 台のデバイスに属します)。",
    title: "📋 実行 {{executionId}}",
    command: "   コマンド: {{value}}",
    target: "   デバイス: {{value}}",
    statusLine: "   ステータス: {{value}}",
    inProgress: "   ⏳ デバイスが処理中です...",
    reason: "   理由: {{code}}{{description}}",
    result: "   結果 {{name}}: {{value}}",
    created: "   作成日時: {{value}}",
    updated: "   最終更新: {{value}}",
    started: "   開始: {{value}}",
    completed: "   完了: {{value}}",
    duration: "   所要時間: {{value}}",
    seconds: "{{value}} 秒",
    minutes: "{{value}} 分",
    hours: "{{value}} 時間",
  },
  executionStatus: {
    CREATED: "作成済み",
    IN_PROGRESS: "実行中",
    SUCCEEDED: "成功",
    FAILED: "失敗",
    REJECTED: "拒否",
    TIMED_OUT: "タイムアウト",
  },
  history: {
    badStatus: "{{value}} は {{values}} のいずれでもありません",
    badTime: "{{value}} は日時として読めません(例: 2026-01-31T08:00、UTC として扱います)",
    badRange: "--since が --until より後です: その間に入る実行はありません",
    statusPrompt: "このステータスの実行だけ(Enter ですべて):",
    sincePrompt: "この時刻以降に開始(例: 2026-01-31T08:00、Enter で過去 30 日):",
    untilPrompt: "この時刻以前に開始(Enter で現在まで):",
    none: "ℹ️ この期間に {{thing}} の実行はありません。",
    title: "📜 {{thing}} の実行({{from}} → {{to}}{{status}})",
    beginning: "30 日前",
    now: "現在",
    columns: {
      command: "コマンド",
      status: "ステータス",
      created: "作成日時",
      completed: "完了日時",
      execution: "実行",
    },
    notYet: "—",
    total: "実行 {{count}} 件",
  },
  learn: {
    whatAreCommands: {
      title: "コマンドとは",
      body:
        "コマンドは一度定義しておけば(ドアのロック、エンジン始動など)、必要なときにいつでもデバイスで実行できる\n" +
        "リモート操作です。AWS IoT はコマンドを MQTT ですぐにデバイスへ届け、デバイスはステータスで応答します。\n" +
        "ジョブと違い、コマンドは今オンラインの 1 台のデバイス向けで、短時間で期限切れになります。",
    },
    staticPayloads: {
      title: "静的ペイロードと動的ペイロード",
      body:
        'ここで作るコマンドのペイロードは静的です: 毎回同じ JSON のバイト列(例: {"action": "lock"})が届きます。\n' +
        "動的ペイロードは実行時にパラメータ(温度や時間など)を受け取ります。AWS IoT ではペイロードテンプレートや、\n" +
        "AWS IoT FleetWise の必須パラメータとして提供されています。",
    },
    compare: {
      title: "コマンド、デバイスシャドウ、ジョブの違い",
      body:
        "シャドウ: デバイスのあるべき状態。オフラインの間も保持され、再接続したときに反映されます。\n" +
        "ジョブ: 多数のデバイス向けの時間のかかる作業(ファームウェア更新など)。各デバイスが受け取るまで待機します。\n" +
        "コマンド: 接続中のデバイスへの即時の操作。数秒で応答があり、キューには入りません。",
    },
    topics: {
      title: "コマンドの MQTT トピック",
      body:
        "デバイスは $aws/commands/things/<モノ>/executions/+/request/json を購読し、そこでペイロードを受け取ります。\n" +
        ".../executions/<ID>/response/json にステータスを返すと、AWS IoT は .../response/accepted/json で確認し、\n" +
        "受け付けられない場合は .../response/rejected/json で理由を返します。",
    },
    lifecycle: {
      title: "実行のライフサイクル",
      body:
        "開始すると CREATED、デバイスが作業中と伝えると IN_PROGRESS、その後デバイスの報告に応じて SUCCEEDED、\n" +
        "FAILED、REJECTED になります。タイムアウトまでに最終的な応答がなければ AWS IoT が TIMED_OUT にします。\n" +
        "遅れて応答したデバイスも最終ステータスを記録できます。",
    },
    timedOut: {
      title: "誰も応答しませんでした",
      body:
        "実行はタイムアウトしました: 完了を AWS IoT に伝えたデバイスはありませんでした。コマンドは開始した瞬間に\n" +
        "接続して購読しているデバイスにしか届かず、後から届けるために保存されることはありません。{{thing}} として\n" +
        "接続し、リクエストトピックを購読して応答するデバイスを用意してから、もう一度実行してください。",
    },
    bestPractices: {
      title: "コマンドを使うときのコツ",
      body:
        "運転者が待つ操作にはタイムアウトを短く。デバイスはすぐに IN_PROGRESS を返し、失敗や拒否のときは分かりやすい\n" +
        "statusReason を付けましょう。削除の前に非推奨にして、消える途中で誰も実行しないようにします。オフラインの\n" +
        "デバイスにも届ける必要がある作業には、コマンドではなくジョブを使いましょう。",
    },
    console: {
      title: "コンソールで確認しましょう",
      body:
        "AWS IoT コンソールの「リモートアクション」→「コマンド」に、作成したコマンドとそれぞれの実行が、ステータスや\n" +
        "デバイスが返した理由とともに表示されます。iotdm の表示と見比べてみてください。",
    },
  },
} satisfies Translation<Catalog["commands"]>;
