export default {
  chooseLanguage: "Language / 言語 / 언어",
  opt: {
    lang: "メッセージの言語: en、ja、ko(または AWS_IOT_LANG)",
    json: "機械可読の結果を標準出力に出す",
    yes: "無人実行: 既定値を使い、質問も一時停止もしない",
    debug: "すべての AWS 呼び出しを入力と完全な応答つきで表示し、呼び出しを 1 つずつ実行する",
  },
  description: "AWS IoT Device Management を学び、運用する(ローカルのサンドボックスまたは AWS 上で)",
  usageError: "使い方の誤り: {{message}}",
  failed: "失敗しました: {{message}}",
};
