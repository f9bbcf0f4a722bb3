import type { Catalog, Translation } from "../../message-keys.js";

export default {
  description: "동적 사물 그룹: 플릿 인덱싱 쿼리와 일치하는 디바이스가 멤버가 되는 그룹",
  opt: {
    action: "수행할 작업: {{actions}} (생략하면 메뉴에서 선택)",
    name: "동적 사물 그룹의 이름",
    query: "플릿 인덱싱 쿼리 (사용자 지정 쿼리로 생성하거나 쿼리를 테스트)",
    countries: "마법사: 국가, 쉼표로 구분 (예: US,CA)",
    thingTypes: "마법사: 사물 유형, 쉼표로 구분 (예: SedanVehicle)",
    versions: "마법사: 패키지 버전, 쉼표로 구분 (--thing-types 필요)",
    batteryBelow: "마법사: 배터리가 이 퍼센트 이하",
    batteryAbove: "마법사: 배터리가 이 퍼센트 이상",
  },
  title: "🔍 iotdm dynamic-groups: 스스로 최신 상태를 유지하는 디바이스 그룹",
  badAction: "알 수 없는 작업 {{value}}: {{values}} 중 하나를 사용하세요",
  menu: {
    prompt: "무엇을 하시겠습니까?",
    create: "동적 그룹 만들기 (안내 마법사 또는 사용자 지정 쿼리)",
    list: "동적 그룹을 멤버 수와 쿼리와 함께 나열",
    describe: "동적 그룹 하나와 그 디바이스 보기",
    delete: "동적 그룹 삭제",
    test: "플릿 인덱싱 쿼리 테스트",
  },
  badPercent: "0부터 100까지의 정수를 지정하세요 (입력값: {{value}})",
  badName: "{{name}}은(는) 올바른 그룹 이름이 아닙니다: 영문자, 숫자, '_', '-', ':'를 1~128자로 사용하세요",
  namePrompt: "동적 그룹의 이름:",
  wizard: {
    countries: "국가를 쉼표로 구분해 입력 (예: US,CA), 제한하지 않으려면 비워 두세요:",
    thingTypes: "사물 유형을 쉼표로 구분해 입력 (예: SedanVehicle), 제한하지 않으려면 비워 두세요:",
    versions: "패키지 버전을 쉼표로 구분해 입력 (예: 1.1.0), 제한하지 않으려면 비워 두세요:",
    batteryBelow: "배터리가 이 값(퍼센트) 이하인 디바이스만, 없으면 비워 두세요:",
    batteryAbove: "배터리가 이 값(퍼센트) 이상인 디바이스만, 없으면 비워 두세요:",
  },
  criteria: {
    none: "조건을 하나 이상 지정하세요: --countries, --thing-types, --versions, --battery-below 또는 --battery-above",
    versionsNeedType:
      "패키지 버전은 사물 유형의 패키지에 속합니다: --versions와 함께 --thing-types를 지정하세요",
    batteryRange: "--battery-above가 --battery-below보다 커서 둘 다 만족하는 배터리 수준이 없습니다",
  },
  mode: {
    prompt: "그룹의 쿼리를 어떻게 만들까요?",
    wizard: "안내 마법사 (국가, 사물 유형, 버전, 배터리)",
    custom: "직접 작성한 플릿 인덱싱 쿼리",
  },
  examples:
    "쿼리 예:\n" +
    "   thingTypeName:SedanVehicle AND attributes.country:US\n" +
    "   shadow.reported.batteryStatus:[* TO 30]\n" +
    "   shadow.name.$package.reported.SUVVehicle.version:1.1.0",
  queryPrompt: "플릿 인덱싱 쿼리:",
  emptyQuery: "쿼리는 비워 둘 수 없습니다",
  preview: {
    query: "🔍 쿼리: {{query}}",
    none: "지금은 이 쿼리와 일치하는 디바이스가 없습니다.",
    found: "✅ 디바이스 {{count}}대가 이 쿼리와 일치합니다. 예:",
    more: "   ... 외 {{count}}대",
  },
  create: {
    refused:
      "{{name}}을(를) 만들지 않습니다: 쿼리와 일치하는 디바이스가 없습니다. 처음부터 비어 있는 그룹은 대개 쿼리의\n" +
      "오타 때문입니다. 먼저 `{{command}}`(으)로 확인하세요.",
    exists: "{{name}}이라는 사물 그룹이 이미 있습니다. 다른 이름을 선택하세요.",
    done: "✅ 동적 그룹 {{name}}을(를) 멤버 {{count}}대로 만들었습니다: {{arn}}",
  },
  list: {
    none: "아직 동적 사물 그룹이 없습니다.",
    found: "동적 사물 그룹 {{count}}개:",
    line: "   • {{name}}: 멤버 {{members}}대 | 생성 {{created}}\n     쿼리: {{query}}",
  },
  describe: {
    head: "{{name}} ({{status}})\n   쿼리: {{query}}\n   생성: {{created}}\n   멤버: {{members}}",
  },
  delete: {
    warning: "⚠️  동적 그룹 {{name}}을(를) 삭제합니다 (디바이스는 그대로 두고 그룹만 없어집니다).",
    confirm: "삭제할까요?",
    kept: "{{name}}을(를) 삭제하지 않았습니다.",
    done: "✅ 동적 그룹 {{name}}을(를) 삭제했습니다.",
  },
  error: {
    invalidQuery: "쿼리 {{query}}는 올바른 플릿 인덱싱 구문이 아닙니다: {{message}}",
    indexing:
      "플릿 인덱싱이 응답하지 않습니다. 켜져 있나요? (먼저 `iotdm provision`을 실행하세요): {{message}}",
    notFound: "{{name}}이라는 사물 그룹이 없습니다",
    notDynamic: "{{name}}은(는) 정적 사물 그룹이며 동적 그룹이 아닙니다",
  },
  learn: {
    dynamic: {
      title: "목록이 아니라 조건으로 정해지는 그룹",
      body:
        "정적 그룹에는 누군가 넣은 디바이스가 들어 있습니다. 동적 그룹은 대신 플릿 인덱싱 쿼리를 가지고 있고,\n" +
        "AWS IoT가 멤버를 플릿 상태에 맞춰 갱신합니다. 배터리가 범위 안으로 떨어진 차량은 들어오고, 새 버전으로\n" +
        "업데이트된 차량은 빠집니다. 동적 그룹을 대상으로 한 작업은 새로 조건에 맞게 된 디바이스에도 전달되므로,\n" +
        "'미국의 배터리가 부족한 세단' 같은 그룹을 아무도 관리하지 않아도 정확하게 유지할 수 있습니다.",
    },
  },
  tour: {
    stop: "🔍 잠깐 들러 보기: 투어에서 {{country}}에 있는 {{type}} 디바이스를 모은 동적 그룹",
    members: "   • {{name}}: 멤버 {{members}}대 (쿼리 {{query}})",
  },
} satisfies Translation<Catalog["dynamicGroups"]>;
