import type { Catalog, Translation } from "../../message-keys.js";

export default {
  chooseLanguage: "Language / 言語 / 언어",
  opt: {
    lang: "メッセージの言語: en、ja、ko(または AWS_IOT_LANG)",
    json: "機械可読の結果を標準出力に出す",
    yes: "無人実行: 既定値を使い、質問も一時停止もしない",
    debug: "すべての AWS 呼び出しを入力と完全な応答つきで表示し、呼び出しを 1 つずつ実行する",
    version: "iotdm のバージョンを表示する",
    help: "コマンドのヘルプを表示する",
  },
  description: "AWS IoT Device Management を学び、運用する(ローカルのサンドボックスまたは AWS 上で)",
  usageError: "使い方の誤り: {{message}}",
  failed: "失敗しました: {{message}}",
  badLang: "{{lang}} は対応していない言語です。{{supported}} のいずれかを指定してください",
  badLangVariable: "⚠️ AWS_IOT_LANG={{lang}} は対応していない言語です({{supported}})。この設定は無視します。",
  languageRemembered: "言語の選択を {{file}} に保存しました(--lang と AWS_IOT_LANG がこれより優先されます)。",
} satisfies Translation<Catalog["cli"]>;
