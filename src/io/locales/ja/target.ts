export default {
  opt: {
    aws: "実際の AWS に対して実行する(標準の認証情報チェーン: --profile、AWS_PROFILE、AWS_REGION など)",
    profile: "--aws または --endpoint-url で使う AWS プロファイル",
    region: "AWS リージョン",
    endpointUrl: "すべての呼び出しをこの AWS 互換エンドポイントに送る(標準の認証情報チェーン)",
    sandboxPort: "使うローカルサンドボックスのポート(既定 5566)",
    sandboxDir: "使うローカルサンドボックスの状態ディレクトリ",
  },
  summary: "📍 接続先: {{target}} | アカウント {{account}} | リージョン {{region}}",
  confirmChanges:
    "アカウント {{account}}、リージョン {{region}} のリソースを作成または削除します。続行しますか?",
  badPort: "--sandbox-port には TCP ポート番号を指定してください",
  awsAndEndpoint: "--aws と --endpoint-url は同時に指定できません",
};
