import type { Catalog, Translation } from "../../message-keys.js";

export default {
  description: "워크숍에서 만든 리소스만 삭제합니다(마지막 단계)",
  opt: {
    scope: "정리할 대상: all, things, groups 중 하나",
    thingsPrefix: "워크숍 사물 이름의 접두사(기본값 Vehicle-VIN-). provision에 준 것과 같아야 합니다",
    dryRun: "삭제될 항목과 각 리소스를 어떻게 식별했는지만 보여 주고 아무것도 바꾸지 않습니다",
  },
  title: "🧹 iotdm cleanup: 계정에서 워크숍을 정리합니다",
  goal:
    "📚 학습 목표: 비용을 남기지 않고, 내 것이 아닌 리소스는 건드리지 않기.\n" +
    "   정리는 세 가지 방법으로 워크숍 리소스를 알아봅니다. 태그를 달 수 있는 리소스는\n" +
    "   워크숍 태그로, 그다음 iotdm이 붙이는 정확한 이름으로, 마지막으로 이미 식별한 리소스와의\n" +
    "   연결(워크숍 사물의 섀도우와 인증서, 워크숍 패키지의 버전)로 알아봅니다.\n" +
    "   삭제 순서는 의존 관계가 정합니다. 사물보다 섀도우와 인증서가 먼저, 버킷보다 객체\n" +
    "   버전이 먼저이고, 사물 유형은 맨 마지막입니다. AWS는 사물 유형을 사용 중단한 뒤\n" +
    "   5분이 지나야 삭제할 수 있기 때문입니다.",
  scopePrompt: "무엇을 정리할까요?",
  scope: {
    all: "워크숍이 만든 모든 것(사물, 그룹, 유형, 패키지, 버킷, 역할, 설정)",
    things: "AWS IoT 사물만(섀도우와 인증서 포함)",
    groups: "AWS IoT 사물 그룹만(사물은 남습니다)",
  },
  badScope: "{{scope}}은(는) 범위로 쓸 수 없습니다. {{scopes}} 중 하나를 지정하세요",
  confirm: {
    warning:
      "⚠️  다음을 영구히 삭제합니다: {{what}}\n" +
      "   계정 {{account}}, 리전 {{region}}(사물 이름은 {{prefix}}###, 워크숍 것이 아닌 리소스는 남깁니다).",
    prompt: "계속하려면 {{token}}을(를) 입력하세요:",
  },
  dryRunBanner: "🔎 드라이런: 아무것도 바꾸지 않습니다. 각 줄에 무엇이 일어날지와 그 이유를 보여 줍니다.",
  scan: {
    found: "{{family}}: {{count}}개 찾음",
  },
  how: {
    tag: "태그 {{evidence}}",
    naming: "이름이 {{evidence}}와(과) 일치",
    association: "연결: {{detail}}",
  },
  association: {
    shadowOfThing: "워크숍 사물 {{evidence}}의 것",
    certificateOfThings: "워크숍 사물에만 연결됨: {{evidence}}",
    versionOfPackage: "워크숍 패키지 {{evidence}}의 것",
    objectInBucket: "워크숍 버킷 {{evidence}}에 저장됨",
    policyOfRole: "워크숍 역할 {{evidence}}의 인라인 정책",
    jobTargets: "모든 대상이 워크숍 사물 또는 그룹: {{evidence}}",
    executionOfCommand: "워크숍 명령 {{evidence}}의 실행",
    settingRole: "워크숍 역할 {{evidence}}(으)로 설정됨",
    settingWorkshopFound: "워크숍이 켠 설정. 이 계정에서 워크숍 리소스를 찾았습니다",
  },
  skip: {
    noMatch: "이름이 {{evidence}}와(과) 일치하지 않습니다",
    noTagNoMatch: "워크숍 태그가 없고 이름도 {{evidence}}와(과) 일치하지 않습니다",
    noTag: "워크숍 태그가 없습니다({{evidence}})",
    noTagNoTargets: "워크숍 태그가 없고, 대상이 모두 워크숍 사물이나 그룹인 것도 아닙니다",
    certificateShared: "남는 사물 {{evidence}}에 아직 연결되어 있습니다",
    policyInUse: "아직 {{evidence}}에 연결되어 있습니다",
    typeInUse: "남는 사물이 아직 사용 중입니다: {{evidence}}",
    dynamicGroupsRemain: "동적 사물 그룹 {{evidence}}이(가) 남아 있어 플릿 인덱싱이 필요합니다",
    foreignRole: "워크숍 역할이 아닌 {{evidence}}(으)로 설정되어 있습니다",
    noWorkshopFound: "여기서 워크숍 리소스를 찾지 못했으므로 이 설정은 다른 용도일 수 있습니다",
    beingDeleted: "이미 삭제 중입니다",
  },
  line: {
    deleted: "  ✓ {{name}}: 삭제함({{how}})",
    wouldDelete: "  • {{name}}: 삭제 예정({{how}})",
    turnedOff: "  ✓ {{name}}: 끔({{how}})",
    wouldTurnOff: "  • {{name}}: 끌 예정({{how}})",
    skipped: "  ✗ {{name}}: 건너뜀, {{why}}",
    failed: "  ✗ {{name}}: 삭제하지 못했습니다: {{error}}",
    dependent: "      ↳ {{family}} {{count}}개: {{names}}({{how}})",
    more: "  … 이와 같은 항목 {{count}}개 더(--dry-run 또는 --debug로 모두 표시)",
  },
  classicShadow: "클래식",
  family: {
    things: "AWS IoT 사물",
    shadows: "디바이스 섀도우",
    certificates: "인증서",
    policies: "AWS IoT 정책",
    thingGroups: "사물 그룹",
    commands: "명령",
    commandExecutions: "명령 실행",
    jobs: "작업",
    jobTemplates: "작업 템플릿",
    packages: "소프트웨어 패키지",
    packageVersions: "패키지 버전",
    buckets: "Amazon S3 버킷",
    objectVersions: "S3 객체 버전",
    settings: "계정 설정",
    roles: "IAM 역할",
    rolePolicies: "IAM 인라인 정책",
    thingTypes: "사물 유형",
  },
  unavailable: "{{family}}: 이 대상에서는 {{operation}}을(를) 쓸 수 없으므로 정리할 것이 없습니다.",
  things: {
    checking: "사물 확인 중",
    deleting: "사물 삭제 중",
  },
  thingTypes: {
    deprecated: "워크숍 사물 유형 {{count}}개({{names}})를 사용 중단했습니다. 5분 뒤에 삭제할 수 있습니다.",
    deleting: "사물 유형: 사용 중단한 {{count}}개를 5분 규칙이 허용하는 대로 삭제합니다",
    clockAdvanced:
      "⏩ 기다리는 대신 샌드박스 시계를 {{seconds}}초 앞당겼습니다(AWS는 사용 중단 5분 뒤에 사물 유형을 삭제할 수 있습니다).",
    countdown: "⏳ 5분 중 약 {{left}} 남았습니다. {{seconds}}초 뒤에 다시 시도합니다...",
  },
  buckets: {
    none: "이 계정에는 {{prefix}}-... 이름의 버킷이 없습니다.",
  },
  settings: {
    step: "계정 설정(패키지 구성, 플릿 인덱싱, 로깅)",
    alreadyOff: "  – {{name}}: 이미 꺼져 있습니다",
  },
  summary: {
    title: "정리 결과",
    titleDryRun: "드라이런 결과(아무것도 바꾸지 않았습니다)",
    nothing: "살펴볼 것을 찾지 못했습니다.",
    found: "찾음",
    deleted: "삭제",
    wouldDelete: "삭제 예정",
    skipped: "건너뜀",
    failed: "실패",
    total: "합계",
    calls: "API 호출: {{calls}}회(자동 재시도: {{retries}}회)",
    clock: "사물 유형 때문에 샌드박스 시계를 {{seconds}}초 앞당겼습니다.",
    waited: "AWS의 사물 유형 규칙 때문에 {{seconds}}초 기다렸습니다.",
    someFailed:
      "⚠️  리소스 {{count}}개를 삭제하지 못했습니다(위 참조). `{{command}}`을(를) 다시 실행하면 재시도합니다.",
    done: "🎉 정리를 마쳤습니다. 워크숍 리소스가 모두 사라졌습니다.",
    doneDryRun: "🎉 드라이런을 마쳤습니다. 위 항목을 삭제하려면 --dry-run 없이 실행하세요.",
    elapsed: "⏱️  총 시간: {{seconds}}초",
  },
} satisfies Translation<Catalog["cleanup"]>;
