import type { Catalog, Translation } from "../../message-keys.js";

export default {
  chooseLanguage: "Language / 言語 / 언어",
  opt: {
    lang: "메시지 언어: en, ja, ko(또는 AWS_IOT_LANG)",
    json: "기계가 읽을 수 있는 결과를 표준 출력에 씁니다",
    yes: "무인 실행: 기본값을 쓰고 묻거나 멈추지 않습니다",
    debug: "모든 AWS 호출을 입력과 전체 응답과 함께 보여 주고 호출을 하나씩 실행합니다",
    version: "iotdm 버전을 보여 줍니다",
    help: "명령의 도움말을 보여 줍니다",
  },
  description: "AWS IoT Device Management를 배우고 운영합니다(로컬 샌드박스 또는 AWS에서)",
  usageError: "사용법 오류: {{message}}",
  failed: "실패했습니다: {{message}}",
  badLang: "{{lang}}은(는) 지원하지 않는 언어입니다. {{supported}} 중 하나를 지정하세요",
  badLangVariable:
    "⚠️ AWS_IOT_LANG={{lang}}은(는) 지원하지 않는 언어입니다({{supported}}). 이 값은 무시합니다.",
  languageRemembered: "언어 선택을 {{file}}에 저장했습니다(--lang과 AWS_IOT_LANG이 이보다 우선합니다).",
} satisfies Translation<Catalog["cli"]>;
