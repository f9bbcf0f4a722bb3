import type { Catalog, Translation } from "../../message-keys.js";

export default {
  opt: {
    aws: "実際の AWS に対して実行する(標準の認証情報チェーン: --profile、AWS_PROFILE、AWS_REGION など)",
    profile: "--aws または --endpoint-url で使う AWS プロファイル",
    region: "AWS リージョン",
    endpointUrl: "すべての呼び出しをこの AWS 互換エンドポイントに送る(標準の認証情報チェーン)",
    sandboxPort: "使うローカルサンドボックスのポート(既定 5566、または IOTDM_SANDBOX_PORT)",
    sandboxDir: "使うローカルサンドボックスの状態ディレクトリ(または IOTDM_SANDBOX_DIR)",
  },
  summary: "📍 接続先: {{target}}({{pacing}})| アカウント {{account}} | リージョン {{region}}",
  paced: "AWS の既定クォータに合わせて呼び出し速度を調整",
  unpaced: "呼び出し速度の調整なし",
  confirmChanges:
    "アカウント {{account}}、リージョン {{region}} のリソースを作成または削除します。続行しますか?",
  badPort: "{{value}} は TCP ポート番号(1〜65535)ではありません",
  conflict: "{{flags}} は同時に指定できません。接続先を 1 つ選んでください",
  sandboxStarted:
    "🟢 サンドボックスを {{endpoint}} で起動しました(状態は {{dataDir}})。`{{stop}}` で止めるまでバックグラウンドで動き続けます。",
  portBusy:
    "{{host}} のポート {{port}} は別のプログラム(iotdm のサンドボックスではないもの)が使っています。そのプログラムを止めるか、--sandbox-port で別のポートを選んでください。",
  unreachable:
    "{{target}} から応答がありません({{message}})。ネットワーク接続、エンドポイント、リージョンを確認してください。",
  noCredentials:
    "{{target}} への呼び出しに署名する AWS 認証情報が見つかりません({{message}})。`aws configure` を実行するか、AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY を設定するか、--profile を指定してください。",
  credentialsRejected:
    "{{target}} が認証情報を受け付けませんでした({{code}}: {{message}})。`aws sts get-caller-identity` で確かめるか、`aws configure` で設定し直してください。",
  aws: {
    noRegion:
      "--aws にはリージョンが必要です。--region(例: --region us-east-1)を指定するか、AWS_REGION を設定するか、`aws configure` でプロファイルにリージョンを設定してください",
    noProfile:
      "AWS プロファイル {{profile}} が {{files}} にありません。`aws configure --profile {{profile}}` で作成するか、--profile で別のプロファイルを選んでください",
    noCredentials:
      "--aws で使う AWS 認証情報が見つかりません。`aws configure` を実行するか、AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY を設定するか、--profile を指定してください({{message}})",
  },
} satisfies Translation<Catalog["target"]>;
