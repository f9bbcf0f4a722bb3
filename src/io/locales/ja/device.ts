import type { Catalog, Translation } from "../../message-keys.js";

export default {
  description:
    "自分の証明書で MQTT に接続するシミュレーション車両: コマンドに応答し、ジョブを実行し、バッテリー残量を報告します",
  title: "🚗 iotdm device: MQTT でつながるシミュレーション車両",
  opt: {
    things: "シミュレーションするモノ(カンマ区切り。--things-prefix と --count の代わり)",
    thingsPrefix: "このプレフィックス + 数字の名前のモノをシミュレーションする",
    count: "そのうち何台か(名前順で先頭から)",
    commandOutcome: "コマンドへの応答: succeed(実行)、fail(理由を付けて拒否)、ignore(応答せずタイムアウト)",
    successRate: "ジョブのインストールに成功する割合(0-100)",
    reportInterval: "クラシックシャドウにバッテリー残量を報告する間隔(秒。0 で報告しない。既定 30)",
    duration: "接続を続ける秒数(既定: Ctrl-C まで)",
    verbose: "車両が受信・送信するメッセージをすべて表示する(10 台以下では既定で表示)",
  },
  prefixPrompt: "どのモノを使いますか?(名前のプレフィックス)",
  countPrompt: "何台の車両を接続しますか?",
  outcomePrompt: "車両はコマンドにどう応答しますか?",
  ratePrompt: "ジョブの何パーセントを成功させますか?",
  outcome: {
    succeed: "succeed: コマンドを実行する",
    fail: "fail: 車が返しそうな理由で拒否する",
    ignore: "ignore: 応答しない(実行はタイムアウトする)",
  },
  badCount: "{{value}} は車両の台数ではありません(1-100000)",
  badRate: "{{value}} はパーセンテージではありません(0-100)",
  badSeconds: "{{value}} は秒数ではありません",
  badOutcome: "{{value}} は応答の種類ではありません。{{values}} のいずれかを指定してください",
  badPrefix: "{{value}} はモノのプレフィックスとして使えません(英数字と _ : -、20 文字まで)",
  noBroker: "{{target}} には接続できる MQTT ブローカーがありません",
  unknownThings: "存在しないモノがあります: {{names}}",
  noThings:
    "該当するモノがありません。先にフリートをプロビジョニングする(iotdm provision)か、--things でモノを指定してください",
  progress: {
    issuing: "デバイス証明書を発行中",
    connecting: "車両を接続中",
  },
  connected_one: "✅ {{total}} 台中 {{count}} 台の車両が {{url}} に接続しました",
  connected_other: "✅ {{total}} 台中 {{count}} 台の車両が {{url}} に接続しました",
  runningFor: "車両は {{seconds}} 秒間接続を続けます(早めに止めるには Ctrl-C)。",
  runningUntilStopped: "Ctrl-C を押すまで車両は接続を続けます。",
  event: {
    command: {
      succeeded: "📥 {{thing}}: コマンド {{action}}({{id}})を実行しました",
      failed: "📥 {{thing}}: コマンド {{action}}({{id}})を拒否しました",
      ignored: "📥 {{thing}}: コマンド {{action}}({{id}})を受信しましたが応答しません",
    },
    jobSucceeded: "📦 {{thing}}: ジョブ {{job}} をインストールしました({{bytes}} バイトをダウンロード)",
    jobFailed: "📦 {{thing}}: ジョブ {{job}} は失敗しました",
    battery: "🔋 {{thing}}: バッテリー残量 {{level}}% を報告しました",
    problem: "⚠️ {{thing}}: {{what}}",
  },
  summary:
    "🏁 {{devices}} 台中 {{connected}} 台が {{seconds}} 秒間動作しました(接続に {{connectSeconds}} 秒、新しい証明書 {{issued}} 件)。" +
    "コマンド: 実行 {{commandsSucceeded}}、拒否 {{commandsFailed}}、無応答 {{commandsIgnored}}。" +
    "ジョブ: 成功 {{jobsSucceeded}}、失敗 {{jobsFailed}}。バッテリー報告: {{battery}} 件。",
  problemLine: "   {{thing}}: {{what}}",
  next: "コマンドを送るには: {{command}}",
  tour: {
    step: "🚗 本当に接続する車と、コマンド",
    indexed_one: "🔎 フリートインデックスでは {{count}} 台が接続中です(connectivity.connected:true)",
    indexed_other: "🔎 フリートインデックスでは {{count}} 台が接続中です(connectivity.connected:true)",
    status: "   {{thing}}: {{status}}",
    notStarted: "   {{thing}}: コマンドを開始できませんでした: {{error}}",
    disconnected: "🔌 車がオフラインになりました。フリートインデックスの接続中は {{count}} 台です",
    learn: {
      title: "コマンドは今届くか、まったく届かないか",
      body:
        "ジョブはデバイスが戻ってくるのを待ちますが、コマンドは待ちません。ここでは数台の車がそれぞれ自分の証明書で\n" +
        "MQTT に接続し、コマンドのトピックをサブスクライブします。続いて先頭の車にロックコマンドを送ります。AWS IoT は\n" +
        "ペイロードを $aws/commands/things/<車>/executions/<id>/request/json に発行し、車はレスポンストピックで\n" +
        "応答し、実行は CREATED → SUCCEEDED と進みます。あとで iotdm device と iotdm commands で試してみてください。",
    },
  },
  learn: {
    certificates: {
      title: "どの車にも身元がある",
      body:
        "デバイスは自分の X.509 証明書で身元を証明します。iotdm はこのマシン上で車ごとに鍵を作り、AWS IoT に証明書への\n" +
        "署名を依頼し(CreateCertificateFromCsr: 秘密鍵は外に出ません)、証明書をモノにアタッチします。さらに変数\n" +
        "${iot:Connection.Thing.ThingName} を使って、各車が自分のトピックだけを使えるポリシーを 1 つアタッチします。\n" +
        "車はモノの名前をクライアント ID にして接続し、AWS IoT はそれをそのモノとして扱い、フリートインデックスには\n" +
        "接続中と表示されます。",
    },
  },
} satisfies Translation<Catalog["device"]>;
