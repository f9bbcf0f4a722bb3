import type { Catalog, Translation } from "../../message-keys.js";

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
  flagProblem: "{{flag}}: {{problem}}",
  usingDefault: "{{value}} を使います({{flag}})",
  stopped: {
    interrupted: {
      nothingChanged:
        "⛔ 中断しました。何も変更していません。始めるには同じコマンドをもう一度実行してください。",
      partial:
        "⛔ {{where}} の途中で中断しました({{count}} 件の変更、AWS 呼び出し {{calls}} 回)。済んだ分はそのまま残ります。同じコマンドをもう一度実行すると続きから進みます。",
    },
    declined: {
      nothingChanged:
        "確認されなかったので、何も変更していません。進めるときは同じコマンドをもう一度実行してください。",
      partial:
        "確認されなかったため、{{where}} の途中で止めました({{count}} 件の変更、AWS 呼び出し {{calls}} 回)。同じコマンドをもう一度実行すると続きから進みます。",
    },
  },
} satisfies Translation<Catalog["common"]>;
