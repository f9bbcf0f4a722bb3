export default {
  learningMoment: "LEARNING MOMENT",
  pressEnter: "Press Enter to continue...",
  yesWords: "y, yes",
  noWords: "n, no",
  yesNoDefaultYes: "[Y/n]",
  yesNoDefaultNo: "[y/N]",
  answerYesOrNo: "Please answer yes or no.",
  promptNeedsTerminal:
    "this input needs a terminal to ask it, or the flag {{flag}} (or --yes for the default)",
  noDefault: "there is no default for {{flag}}: pass it when running with --yes",
  progressLine: "{{label}}: {{done}}/{{total}} ({{rate}}/s)",
  cancelled: "Cancelled. Nothing more was changed.",
};
