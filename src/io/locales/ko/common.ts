import type { Catalog, Translation } from "../../message-keys.js";

export default {
  learningMoment: "학습 포인트",
  pressEnter: "계속하려면 Enter 키를 누르세요...",
  yesWords: "y, yes, 예, 네",
  noWords: "n, no, 아니요, 아니",
  yesNoDefaultYes: "[Y/n]",
  yesNoDefaultNo: "[y/N]",
  answerYesOrNo: "예(y) 또는 아니요(n)로 답해 주세요.",
  promptNeedsTerminal:
    "이 입력을 물으려면 터미널이 필요합니다. {{flag}} 플래그를 주거나 기본값을 쓰는 --yes를 주세요",
  noDefault: "{{flag}}에는 기본값이 없습니다. --yes로 실행할 때는 지정하세요",
  progressLine: "{{label}}: {{done}}/{{total}}({{rate}}/초)",
  flagProblem: "{{flag}}: {{problem}}",
  usingDefault: "{{value}} 값을 사용합니다({{flag}})",
  stopped: {
    interrupted: {
      nothingChanged: "⛔ 중단했습니다. 바뀐 것은 없습니다. 시작하려면 같은 명령을 다시 실행하세요.",
      partial:
        "⛔ {{where}} 도중에 중단했습니다(변경 {{count}}건, AWS 호출 {{calls}}회). 이미 한 작업은 그대로 남아 있고, 같은 명령을 다시 실행하면 이어서 진행합니다.",
    },
    declined: {
      nothingChanged:
        "확인하지 않았으므로 아무것도 바꾸지 않았습니다. 진행하려면 같은 명령을 다시 실행하세요.",
      partial:
        "확인하지 않아 {{where}} 도중에 멈췄습니다(변경 {{count}}건, AWS 호출 {{calls}}회). 같은 명령을 다시 실행하면 이어서 진행합니다.",
    },
  },
} satisfies Translation<Catalog["common"]>;
