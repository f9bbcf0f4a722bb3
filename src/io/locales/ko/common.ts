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
  cancelled: "취소했습니다. 더 이상 바뀐 것은 없습니다.",
};
