export default {
  learningMoment: "学びのポイント",
  pressEnter: "Enter キーで続行します...",
  yesWords: "y, yes, はい",
  noWords: "n, no, いいえ",
  yesNoDefaultYes: "[Y/n]",
  yesNoDefaultNo: "[y/N]",
  answerYesOrNo: "はい(y)かいいえ(n)で答えてください。",
  promptNeedsTerminal:
    "この入力を尋ねるには端末が必要です。フラグ {{flag}} を指定するか、既定値を使う --yes を指定してください",
  noDefault: "{{flag}} には既定値がありません。--yes で実行するときは指定してください",
  progressLine: "{{label}}: {{done}}/{{total}}({{rate}}/秒)",
  cancelled: "キャンセルしました。これ以上の変更はありません。",
};
