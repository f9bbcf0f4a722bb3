import type { Catalog, Translation } from "../../message-keys.js";

export default {
  description: "ローカルの AWS サンドボックス(IoT、シャドウ、ジョブデータプレーン、S3、IAM、STS)を動かす",
  start: {
    description: "サンドボックスをバックグラウンドで起動する",
  },
  serve: {
    description: "サンドボックスをフォアグラウンドで動かす(Ctrl-C で停止)",
  },
  stop: {
    description: "サンドボックスを停止する",
  },
  status: {
    description: "サンドボックスが動いているか、どこで動いているかを表示する",
  },
  reset: {
    description: "サンドボックスが持つすべてのリソースを削除する",
  },
  env: {
    description: "AWS ツールをサンドボックスに向けるシェルの export を表示する",
  },
  clock: {
    description: "サンドボックスの時計を進める(モノのタイプの削除など、待ち時間のあるルールのため)",
  },
  opt: {
    port: "インスタンスの TCP ポート(既定 5566、または IOTDM_SANDBOX_PORT)",
    dataDir: "インスタンスの状態ディレクトリ(既定: ~/.iotdm/sandbox/<port>、または IOTDM_SANDBOX_DIR)",
    host: "待ち受けるアドレス",
    noAuth: "SigV4 署名を検証せずにリクエストを受け付ける",
    throttle: "リクエストレート制限: off、または AWS の既定クォータを使う aws",
    failRate: "内部エラーで応答する呼び出しの割合(0..1)",
    failMode:
      "注入した失敗をいつ返すか: 呼び出しの実行前(既定)、実行して確定した後(after)、またはその両方をランダムに(both)",
    account: "12 桁のアカウント ID",
    region: "既定のリージョン",
    advance: "時計を進める秒数",
    typeDeletionDelay: "モノのタイプを非推奨にしてから削除できるまでの秒数(AWS: 300)",
    indexBuildDelay: "新しいインデックスや動的グループが BUILDING のままである秒数(既定 0)",
    jobDeletionDelay: "削除したジョブが消えるまで DELETION_IN_PROGRESS のままでいる秒数(既定 0)",
    showSecret: "--json の出力にシークレットアクセスキーを含める",
    mqttPort: "MQTT ブローカーのポート(既定: HTTP ポート + 1、使用中なら空いているポート。0 なら任意)",
  },
  started:
    "サンドボックスが http://{{host}}:{{port}} で動作中です(pid {{pid}})。状態は {{dataDir}} にあります。止めるには `{{stop}}` を実行してください",
  alreadyRunning: "サンドボックスはすでに http://{{host}}:{{port}} で動作中です(pid {{pid}})",
  listening:
    "サンドボックスが http://{{host}}:{{port}} で待ち受けています。状態は {{dataDir}}。Ctrl-C で停止します。",
  stopped: "ポート {{port}} のサンドボックスを停止しました",
  notRunning: "ポート {{port}} で動いているサンドボックスはありません(状態ディレクトリ {{dataDir}})",
  resetDone: "ポート {{port}} のサンドボックスを空にしました",
  clockNow: "サンドボックスの時計: {{now}}(オフセット {{offset}} 秒)",
  startFailed: "サンドボックスが起動しませんでした: {{message}}",
  statusLine:
    "サンドボックスが http://{{host}}:{{port}} で動作中(pid {{pid}})、アカウント {{accountId}}、リージョン {{region}}、認証 {{auth}}、スロットリング {{throttle}}、状態は {{dataDir}}",
  mqttLine:
    "MQTT ブローカーは {{url}} です。クライアントは {{caFile}} の CA を信頼し、iot:Connect を許可するポリシーが付いた ACTIVE なデバイス証明書で接続します",
  mqttPlainLine: "MQTT ブローカーは {{url}} です(認証なしの平文 MQTT で、どのクライアントも接続できます)",
  badMqttPort: "--mqtt-port には 0 から 65535 のポート番号を指定してください",
  badFailRate: "--fail-rate には 0 から 1 の数値を指定してください",
  badFailMode: "--fail-mode には before、after、both のいずれかを指定してください",
  badThrottle: "--throttle には off または aws を指定してください",
  badDelay: "遅延には 0 以上の秒数を指定してください",
  badAdvance: "--advance には秒数を指定してください(指定値: {{value}})",
  exposedHost:
    "警告: サンドボックスは {{host}} で待ち受けており、ほかのマシンからも届きます。認証情報(iotdm sandbox env)を知っていれば誰でも呼び出せるので、認証は有効のままにし、信頼できないネットワークにはポートを開けないでください。",
  noAuthExposed:
    "--host {{host}} と --no-auth は同時に使えません: 署名を確認しないサンドボックスにほかのマシンから届いてしまいます。認証を切るときは 127.0.0.1 で待ち受けてください。",
  logs: {
    description:
      "サンドボックスが応答した API 呼び出しを表示する(-f で Ctrl-C まで新しい呼び出しを追い続ける)",
    opt: {
      follow: "Ctrl-C を押すまで、届いた呼び出しを表示し続ける",
      lines: "最初に表示する直近の呼び出しの数(既定 100)",
    },
    column: {
      time: "時刻",
      service: "サービス",
      operation: "オペレーション",
      status: "ステータス",
      latency: "ミリ秒",
      error: "エラー",
      requestId: "リクエスト ID",
    },
    badLines: "--lines には 0 以上の整数を指定してください",
  },
} satisfies Translation<Catalog["sandbox"]>;
