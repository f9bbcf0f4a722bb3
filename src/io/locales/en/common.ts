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
  flagProblem: "{{flag}}: {{problem}}",
  usingDefault: "Using {{value}} ({{flag}})",
  stopped: {
    interrupted: {
      nothingChanged: "⛔ Interrupted: nothing was changed. Run the same command again to start.",
      partial_one:
        "⛔ Interrupted during {{where}}, after {{count}} change ({{calls}} AWS calls). What was done stays; running the same command again continues from there.",
      partial_other:
        "⛔ Interrupted during {{where}}, after {{count}} changes ({{calls}} AWS calls). What was done stays; running the same command again continues from there.",
    },
    declined: {
      nothingChanged:
        "Not confirmed: nothing was changed. Run the same command again when you want to go ahead.",
      partial_one:
        "Not confirmed: stopped during {{where}} after {{count}} change ({{calls}} AWS calls). Running the same command again continues from there.",
      partial_other:
        "Not confirmed: stopped during {{where}} after {{count}} changes ({{calls}} AWS calls). Running the same command again continues from there.",
    },
  },
};
