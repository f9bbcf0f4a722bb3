import type { Catalog, Translation } from "../../message-keys.js";

export default {
  title: "🚀 워크숍 플릿을 프로비저닝합니다",
  description:
    "워크숍 플릿을 구축합니다: IoT 로깅, 사물 유형, 플릿 인덱싱, 펌웨어 버킷, 소프트웨어 패키지, IAM 역할, 국가별 그룹, shadow가 있는 사물",
  opt: {
    thingsPrefix: "사물 이름의 접두사 (기본값 Vehicle-VIN-, 영숫자와 - _ : 로 1~20자)",
    thingTypes: "쉼표로 구분한 사물 유형 (기본값 SedanVehicle,SUVVehicle,TruckVehicle)",
    versions: "쉼표로 구분한 패키지 버전, 첫 번째가 모든 디바이스의 초기 버전 (기본값 1.0.0,1.1.0)",
    continent: "대륙: 1~7 번호 또는 이름 (기본값 1, North America)",
    countries: "대륙의 앞에서부터 사용할 국가 수(기본값 북미 3, 그 외 2) 또는 US,CA,MX 같은 국가 코드",
    count: "생성할 디바이스 수 (기본값 100)",
  },
  prefix: {
    empty: "사물 접두사는 비워 둘 수 없습니다",
    tooLong: '"{{prefix}}"은(는) 20자를 넘습니다. 접두사는 1~20자여야 합니다',
    characters: '"{{prefix}}"에는 영문자, 숫자, 하이픈, 밑줄, 콜론만 사용할 수 있습니다',
  },
  input: {
    typesEmpty: "사물 유형을 하나 이상 지정하세요",
    typeInvalid:
      '"{{name}}"은(는) 사물 유형으로 사용할 수 없습니다. 영숫자, 하이픈, 밑줄로 1~128자를 사용하세요(소프트웨어 패키지 이름으로도 쓰입니다)',
    versionsEmpty: "버전을 하나 이상 지정하세요",
    versionInvalid: '"{{version}}"은(는) 버전 형식이 아닙니다. 1.0.0처럼 숫자를 점으로 구분하세요',
    continentInvalid: "대륙을 번호(1~7) 또는 Europe 같은 이름으로 선택하세요",
    countriesRange: "1에서 {{max}} 사이의 숫자를 고르세요({{continent}}의 국가 수)",
    countriesEmpty: "숫자 또는 국가 코드를 입력하세요",
    countriesUnknown: "{{continent}}에 없는 국가 코드: {{codes}}. 사용 가능한 코드: {{available}}",
    countInvalid: "디바이스 수는 1 이상의 정수여야 합니다",
    countTooLarge: "디바이스 수는 최대 {{max}}입니다",
  },
  prompt: {
    debugWarning:
      "디버그 모드는 모든 AWS 호출을 파라미터와 전체 응답(ARN, 계정 ID 포함)과 함께 출력하고, 호출을 하나씩 실행합니다.",
    debug: "디버그 모드를 켤까요?",
    thingTypes: "사물 유형(쉼표로 구분):",
    versions: "패키지 버전(쉼표로 구분):",
    continent: "대륙:",
    countriesHelp:
      "{{continent}}의 국가: {{available}}\n  앞에서부터 사용할 국가 수(1~{{max}}) 또는 US,CA 같은 국가 코드를 입력하세요",
    countries: "국가(1~{{max}} 또는 코드):",
    count: "디바이스 수:",
  },
  plan: {
    title: "🎯 프로비저닝 계획",
    thingTypes: "  사물 유형: {{types}}",
    versions: "  패키지 버전: {{versions}} (디바이스의 초기 버전 {{first}})",
    continent: "  대륙: {{continent}}",
    countries: "  국가: {{countries}} ({{total}}개국 중 {{count}}개국)",
    devices: "  디바이스: {{count}}대 (이름 {{prefix}}…)",
    typeChanges:
      "⚠️ 이 계획의 사물 {{count}}대가 다른 사물 유형으로 이미 있어 유형이 바뀝니다(예: {{examples}})",
    confirmTypeChanges: "계획대로 사물 유형을 바꿀까요?",
  },
  step: {
    logging: "📋 1단계: IoT Core 로깅",
    thingTypes: "📋 2단계: 사물 유형",
    indexing: "📋 3단계: 플릿 인덱싱",
    bucket: "📋 4단계: 펌웨어 버킷",
    firmware: "📋 5단계: 펌웨어 아카이브",
    packages: "📋 6단계: 소프트웨어 패키지",
    roles: "📋 7단계: IAM 역할",
    packageConfiguration: "📋 8단계: 패키지 구성",
    devices: "📋 9단계: 국가별 그룹과 디바이스",
  },
  learn: {
    logging: {
      title: "IoT Core 로깅: 서비스가 하는 일을 들여다보기",
      body: "AWS IoT Core는 계정에서 일어나는 일(연결, 규칙 작업, 작업 실행, 오류)을 Amazon CloudWatch Logs에\n기록할 수 있습니다. 기록할 때는 IoT가 맡을 수 있는 IAM 역할을 사용합니다. SetV2LoggingOptions로\n그 역할과 계정 전체의 기본 수준을 정합니다. 여기서는 INFO로 설정해 정상 동작과 문제를 모두 기록합니다.\nDEBUG는 더 자세하지만 비용도 더 듭니다. 디바이스에 문제가 생기면 먼저 AWSIotLogsV2 로그 그룹을 보세요.",
    },
    thingTypes: {
      title: "사물 유형: 디바이스 종류별 템플릿",
      body: "사물 유형은 디바이스의 종류를 나타내며, 검색용으로 인덱싱되는 속성을 최대 3개까지 지정합니다.\n여기서는 {{count}}개를 준비합니다: {{types}}\n모두 customerId, country, manufacturingDate를 검색 가능한 속성으로 두므로, 예를 들어 3월에\n제조된 차량을 모두 찾을 수 있습니다. 사물은 유형을 하나만 가질 수 있습니다. 유형은 사용 중단(새 사물에\n사용 불가)할 수 있고, 그 5분 뒤에 삭제할 수 있습니다.",
    },
    fleetIndexing: {
      title: "플릿 인덱싱: 플릿 전체에 질문하기",
      body: "플릿 인덱싱은 모든 사물의 레지스트리 정보, shadow, 연결 상태, Device Defender 위반을 검색 인덱스로\n유지합니다. 예를 들어\n  thingTypeName:SedanVehicle AND attributes.country:US\n같은 쿼리를 SearchIndex, 집계(개수, 통계), 그리고 쿼리로 멤버가 정해지는 동적 사물 그룹에서 쓸 수\n있습니다. $package 이름 있는 shadow도 인덱싱하므로 디바이스가 실행 중인 펌웨어 버전으로도 검색할 수 있습니다.",
    },
    s3Storage: {
      title: "Amazon S3: 펌웨어를 보관하는 곳",
      body: "펌웨어 이미지는 {{region}}의 S3 버킷에 저장합니다. 버전 관리를 켜면 같은 키에 올린 파일도 각각\n별도의 객체 버전이 되므로, 나중에 키를 덮어써도 패키지 버전은 테스트한 바로 그 데이터를 가리킵니다.\n디바이스에는 S3 자격 증명을 주지 않습니다. 작업이 유효 기간이 짧은 미리 서명된 URL을 전달합니다.",
    },
    firmware: {
      title: "펌웨어 아카이브: 유형과 버전마다 하나",
      body: "사물 유형과 버전 조합마다 하나씩, 모두 {{total}}개의 아카이브(임시 펌웨어 파일을 담은 작은 ZIP)를\n업로드합니다. 버킷에 이미 있는 아카이브는 그대로 쓰므로, provision을 다시 실행해도 기존 패키지\n버전이 가리키는 대상은 바뀌지 않습니다.",
    },
    packageCatalog: {
      title: "소프트웨어 패키지 카탈로그: 소프트웨어 대장",
      body: "패키지(여기서는 사물 유형마다 하나)는 한 종류의 디바이스가 실행하는 소프트웨어를 나타냅니다.\n각 버전에는 S3 아티팩트, 속성, 수명 주기(DRAFT, 작업으로 배포할 수 있는 PUBLISHED, DEPRECATED)가\n기록됩니다. 여기서는 모든 버전을 바로 게시합니다. 작업은 버전을 ARN으로 지정할 수 있고, 어떤\n디바이스가 어떤 버전을 실행하는지는 플릿 인덱싱으로 알 수 있습니다.",
    },
    iamRoles: {
      title: "IAM 역할: AWS IoT가 빌려 쓰는 권한",
      body: "AWS IoT는 신뢰 정책에서 iot.amazonaws.com이 맡도록 허용한 역할을 통해서만 사용자를 대신해\n동작합니다. 작업 역할은 펌웨어 다운로드용 미리 서명된 URL을 발급하는 데 쓰이고, 패키지 구성 역할은\n작업이 성공했을 때 각 디바이스의 $package shadow를 업데이트하는 데 쓰입니다. 두 역할 모두 그 용도에\n필요한 권한만, 이 리전으로 한정해 가집니다.",
    },
    packageConfiguration: {
      title: "패키지 구성: 배포를 따라가는 shadow",
      body: "작업에 의한 버전 업데이트를 켜면, 패키지 버전을 설치하는 작업이 성공할 때 이전 단계의 역할을 사용해\n디바이스의 예약된 $package 이름 있는 shadow에 새 버전이 기록됩니다. 디바이스가 직접 보고하지\n않아도 대장이 정확하게 유지됩니다.",
    },
    devices: {
      title: "사물과 사물 그룹: 플릿 그 자체",
      body: "사물은 디바이스 한 대의 레지스트리 항목으로, 이름, 유형, 속성을 가집니다. 여기서는 국가별 정적\n사물 그룹 {{groups}}개와 사물 {{devices}}개를 만들고, 각 사물을 자기 국가의 그룹에 넣습니다.\n그러면 작업 하나로 국가 전체에 도달할 수 있습니다. 각 사물에는 클래식 shadow(배터리 잔량)와\n초기 펌웨어 버전을 담은 $package shadow도 만듭니다. 사물에는 태그를 붙일 수 없으므로, 정리할 때는\n이름 접두사로 사물을 식별합니다.",
    },
  },
  waitingForIam: "  IAM이 아직 역할을 전파하는 중입니다(시도 {{attempt}}/{{max}}): {{message}}",
  role: {
    created: "✅ 역할 {{name}}을(를) 생성했습니다",
    existing: "♻️ 역할 {{name}}이(가) 이미 있어 재사용합니다",
    policy: "   {{name}}의 인라인 정책 {{policy}}을(를) 최신으로 맞췄습니다",
    failed: "❌ 역할 {{name}}: {{error}}",
  },
  logging: {
    enabled: "✅ IoT 로깅을 {{level}} 수준으로 켰습니다",
    failed: "❌ IoT 로깅을 켜지 못했습니다: {{error}}",
  },
  thingType: {
    created: "✅ 사물 유형 {{name}}을(를) 생성했습니다",
    existing: "♻️ 사물 유형 {{name}}이(가) 이미 있고 활성 상태입니다",
    undeprecated: "♻️ 사물 유형 {{name}}이(가) 사용 중단 상태여서 다시 활성화했습니다",
    failed: "❌ 사물 유형 {{name}}: {{error}}",
    summary: "📊 준비된 사물 유형: {{ok}}/{{total}}",
  },
  indexing: {
    done: "✅ 플릿 인덱싱을 켰습니다: 레지스트리, shadow($package 포함), 연결 상태, 위반, 사물 그룹",
    failed: "❌ 플릿 인덱싱을 구성하지 못했습니다: {{error}}",
  },
  bucket: {
    created: "✅ 버전 관리가 켜진 버킷 {{name}}을(를) 생성했습니다",
    existing: "♻️ 기존 버킷 {{name}}을(를) 사용합니다(버전 관리 켜짐)",
    failed: "❌ 펌웨어 버킷 {{name}}: {{error}}",
    skipped: "⚠️ 펌웨어 버킷이 없어 펌웨어 아카이브와 소프트웨어 패키지를 건너뜁니다",
  },
  firmware: {
    uploaded: "✅ {{key}}을(를) 업로드했습니다(버전 {{versionId}})",
    existing: "♻️ {{key}}이(가) 이미 버킷에 있습니다(버전 {{versionId}})",
    failed: "❌ 펌웨어 {{key}}: {{error}}",
  },
  package: {
    created: "✅ 패키지 {{name}}을(를) 생성했습니다",
    existing: "♻️ 패키지 {{name}}이(가) 이미 있어 재사용합니다",
    failed: "❌ 패키지 {{name}}: {{error}}",
    versionCreated: "   ✅ {{name}} {{version}}을(를) 생성하고 게시했습니다",
    versionExisting: "   ♻️ {{name}} {{version}}은(는) 이미 게시되어 있습니다",
    versionPublished: "   ✅ {{name}} {{version}}이(가) 이미 있어 게시했습니다",
    versionFailed: "   ❌ {{name}} {{version}}: {{error}}",
    summary: "📊 모든 버전이 준비된 패키지: {{ok}}/{{total}}",
  },
  packageConfiguration: {
    enabled: "✅ 역할 {{role}}(으)로 작업에 의한 버전 업데이트를 켰습니다",
    failed: "❌ 패키지 구성을 켜지 못했습니다: {{error}}",
  },
  group: {
    created: "✅ 사물 그룹 {{name}}을(를) 생성했습니다",
    existing: "♻️ 사물 그룹 {{name}}이(가) 이미 있어 재사용합니다",
    failed: "❌ 사물 그룹 {{name}}: {{error}}",
    summary: "📊 준비된 국가별 그룹: {{ok}}/{{total}}",
  },
  things: {
    progress: "🚗 디바이스",
    summary:
      "📊 준비된 디바이스: {{ok}}/{{total}}(새로 생성 {{created}}, 기존 항목 업데이트 {{updated}}), {{seconds}}초, 초당 {{rate}}대",
    failed: "❌ 디바이스 {{name}}: {{error}}",
  },
  tags: {
    failed: "⚠️ {{type}} {{name}}에 태그를 지정하지 못했습니다: {{error}}",
    summaryTitle: "⚠️ 워크숍 태그가 없는 리소스",
    summaryIntro: "다음 리소스는 생성되었지만 태그를 지정하지 못했습니다. 정리 시에는 이름으로 식별합니다.",
    summaryType: "{{type}}: {{count}}개",
    summaryTotal: "태그가 없는 리소스: {{count}}개",
  },
  summary: {
    done: "🎉 프로비저닝이 완료되었습니다",
    problems:
      "⚠️ 프로비저닝이 {{count}}개의 문제를 남기고 끝났습니다. 위의 메시지를 확인하세요. 다시 실행하면 재시도합니다.",
    devices:
      "📊 {{countries}}개국에 디바이스 {{count}}대({{first}} … {{last}}): 생성 {{created}}, 업데이트 {{updated}}, 실패 {{failed}}",
    resources:
      "📦 사물 유형 {{types}}개, 국가별 그룹 {{groups}}개, 패키지 {{packages}}개(버전 {{versions}}개), 버킷 {{bucket}}",
    time: "⏱️ 총 소요 시간 {{seconds}}초(디바이스 {{things}}초, 초당 {{rate}}대)",
    calls: "   AWS 호출: {{calls}}회, 재시도: {{retries}}회, 오류 응답: {{errors}}회",
    learnedTitle: "🎓 이 단계에서 만든 것",
    learned:
      "  • IoT가 맡는 역할을 통한 CloudWatch 로깅(SetV2LoggingOptions)\n  • 검색 가능한 속성이 있는 사물 유형(CreateThingType)\n  • 레지스트리, shadow, 그룹에 대한 플릿 인덱스(UpdateIndexingConfiguration)\n  • 펌웨어 아카이브를 담은 버전 관리 S3 버킷(CreateBucket, PutObject)\n  • 소프트웨어 패키지와 게시된 버전(CreatePackage, CreatePackageVersion)\n  • 작업과 패키지 구성을 위한 IAM 역할(CreateRole, PutRolePolicy)\n  • $package shadow 자동 업데이트(UpdatePackageConfiguration)\n  • 국가별 그룹과 shadow가 있는 사물(CreateThingGroup, CreateThing, UpdateThingShadow)",
    next: "🚀 다음 단계: 플릿을 검색하고 동적으로 그룹화한 다음, 작업으로 펌웨어를 배포해 보세요. 끝나면 `{{command}}`(으)로 모두 삭제할 수 있습니다.",
    retyped: "♻️ 기존 사물 {{count}}대의 사물 유형을 계획대로 바꿨습니다",
  },
} satisfies Translation<Catalog["provision"]>;
