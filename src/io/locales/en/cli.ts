export default {
  chooseLanguage: "Language / 言語 / 언어",
  opt: {
    lang: "language of messages: en, ja, ko (or AWS_IOT_LANG)",
    json: "machine-readable result on stdout",
    yes: "unattended: take defaults, no prompt, no pause",
    debug: "print every AWS call with its input and full response; run calls one at a time",
    version: "print the version of iotdm",
    help: "show help for the command",
  },
  description: "Learn and operate AWS IoT Device Management, on a local sandbox or on AWS",
  usageError: "Usage error: {{message}}",
  failed: "Failed: {{message}}",
  badLang: "{{lang}} is not a supported language: use one of {{supported}}",
  badLangVariable: "⚠️ AWS_IOT_LANG={{lang}} is not a supported language ({{supported}}); it is ignored.",
  languageRemembered: "Language saved in {{file}} (--lang and AWS_IOT_LANG override it).",
};
