import type { Catalog, Translation } from "../../message-keys.js";

export default {
  description:
    "소프트웨어 패키지 카탈로그를 관리합니다: 패키지와 버전, 패키지 구성, 디바이스가 보고하는 버전, 플릿 롤백",
  title: "📦 iotdm packages: 펌웨어 카탈로그와 플릿 버전",
  opt: {
    action: "할 일: {{actions}} (생략하면 메뉴)",
    mode: "config 전용: show, enable 또는 disable",
    package: "패키지",
    packageVersion: "패키지 버전",
    description: "create, create-version: 설명",
    tags: "create: 패키지 태그 (key=value,key=value)",
    file: "create-version: 아티팩트로 업로드할 파일 (기본값: 생성한 펌웨어 아카이브)",
    attributes: "create-version: 버전 속성 (key=value,key=value)",
    draft: "create-version: 게시하지 않고 초안으로 둡니다",
    thing: "device-version: $package 섀도를 볼 사물",
    thingType: "revert: 롤백할 디바이스의 사물 유형",
    viaJob: "revert: $package 섀도를 다시 쓰는 대신 디바이스가 설치하는 OTA 작업을 만듭니다",
  },
  badAction: "알 수 없는 동작 {{value}}: {{values}} 중 하나를 사용하세요",
  menu: {
    prompt: "무엇을 하시겠습니까?",
    more: "패키지로 다른 작업을 하시겠습니까?",
    list: "패키지 목록",
    describe: "패키지와 그 버전 보기",
    describeVersion: "패키지 버전 보기",
    create: "패키지 만들기",
    createVersion: "패키지 버전 만들기 (아티팩트 업로드)",
    publish: "버전 게시",
    deprecate: "버전 사용 중단",
    setDefault: "버전을 패키지 기본값으로 지정",
    deleteVersion: "버전 삭제",
    delete: "패키지 삭제",
    config: "패키지 구성 (작업에 의한 버전 업데이트)",
    deviceVersion: "디바이스 한 대가 보고하는 버전 보기",
    revert: "플릿을 한 버전으로 되돌리기",
  },
  column: {
    package: "패키지",
    default: "기본값",
    version: "버전",
    status: "상태",
    created: "생성 시각",
    modified: "수정 시각",
  },
  input: {
    packagePrompt: "어느 패키지입니까?",
    versionPrompt: "어느 버전입니까?",
    newPackagePrompt: "새 패키지 이름:",
    newVersionPrompt: "새 버전 이름 (예: 2.0.0):",
    descriptionPrompt: "설명 (비우면 없음):",
    tagsPrompt: "태그 key=value,key=value (비우면 워크숍 태그만):",
    filePrompt: "아티팩트로 업로드할 파일 (비우면 생성한 펌웨어 아카이브):",
    attributesPrompt: "속성 key=value,key=value (비우면 없음):",
    thingPrompt: "어느 사물입니까?",
    thingRequired: "사물 이름을 입력하세요",
    thingTypePrompt: "어느 사물 유형입니까?",
    thingTypeRequired: "사물 유형을 입력하세요",
    badPackage: "{{value}}은(는) 패키지 이름이 될 수 없습니다: 영문자, 숫자, '-', '_', '.'로 1~{{max}}자",
    badVersion: "{{value}}은(는) 버전 이름이 될 수 없습니다: 영문자, 숫자, '-', '_', '.'로 1~{{max}}자",
    badPairs: "{{value}}은(는) key=value 형식이 아닙니다 (또는 키가 두 번 나왔습니다)",
    tooLong: "최대 1024자입니다",
  },
  list: {
    none: "아직 패키지가 없습니다.",
    noneToPick: "고를 패키지가 없습니다. 먼저 만드세요: {{command}}",
    found: "📋 패키지 {{count}}개:",
  },
  describe: {
    title: "📦 패키지 {{name}}",
    summary:
      "  ARN:          {{arn}}\n  설명:         {{description}}\n  기본값:       {{default}}\n  생성 시각:    {{created}}\n  수정 시각:    {{modified}}",
    versions: "  버전 {{count}}개 (* 기본값):",
    noVersions: "이 패키지에는 버전이 없습니다.",
  },
  version: {
    title: "📦 {{name}} 버전 {{version}}",
    summary:
      "  ARN:          {{arn}}\n  상태:         {{status}}\n  설명:         {{description}}\n  아티팩트:     {{artifact}}\n  생성 시각:    {{created}}\n  수정 시각:    {{modified}}",
    attributes: "  속성 {{count}}개:",
    sbom: "  SBOM:         {{location}} (검증: {{status}})",
    noSbom: "  SBOM:         없음",
    recipe: "  레시피:       {{recipe}}",
    error: "  오류:         {{reason}}",
  },
  create: {
    created: "✅ 패키지 {{name}}을(를) 만들었습니다 (정리용 태그 포함)",
    existing: "ℹ️ 패키지 {{name}}이(가) 이미 있습니다: 그대로 두었습니다",
  },
  createVersion: {
    bucket: "✅ 펌웨어 버킷 {{bucket}}을(를) 만들었습니다 (버전 관리 사용, 정리용 태그 포함)",
    uploaded: "✅ {{location}} 업로드 완료: S3 객체 버전 {{s3Version}}, {{bytes}}바이트",
    created: "✅ {{name}} 버전 {{version}}을(를) 등록했습니다: {{status}}",
    existing:
      "ℹ️ {{name}} 버전 {{version}}이(가) 이미 있습니다 ({{status}}): 그대로 두었고 아무것도 업로드하지 않았습니다",
  },
  lifecycle: {
    deleteConfirm: "{{what}}을(를) 삭제하려면 {{token}}을(를) 입력하세요:",
    kept: "바뀐 것이 없습니다: {{what}}은(는) 그대로입니다.",
    done: {
      publish: "✅ {{name}} {{version}}을(를) 게시했습니다",
      deprecate: "✅ {{name}} {{version}}의 사용을 중단했습니다",
      setDefault: "✅ 이제 {{version}}이(가) {{name}}의 기본 버전입니다",
      deleteVersion: "✅ {{name}} {{version}}을(를) 삭제했습니다",
      delete: "✅ 패키지 {{name}}을(를) 삭제했습니다",
    },
    hint: {
      delete: "버전이 남아 있는 패키지는 삭제할 수 없습니다: 먼저 버전을 삭제하세요 (delete-version).",
      deleteVersion:
        "패키지의 기본 버전은 삭제할 수 없습니다: 먼저 다른 버전을 기본값으로 지정하세요 (set-default).",
      setDefault: "게시되었거나 사용 중단된 버전만 기본값이 될 수 있습니다: 먼저 게시하세요.",
      deprecate: "게시된 버전만 사용 중단할 수 있습니다: 초안은 게시하거나 삭제합니다.",
    },
  },
  config: {
    prompt: "패키지 구성:",
    badMode: "알 수 없는 모드 {{value}}: {{values}} 중 하나를 사용하세요",
    mode: {
      show: "보기",
      enable: "작업에 의한 버전 업데이트 켜기",
      disable: "작업에 의한 버전 업데이트 끄기",
    },
    on: "✅ 작업에 의한 버전 업데이트: 켜짐 (역할 {{role}})",
    off: "⚠️ 작업에 의한 버전 업데이트: 꺼짐 (저장된 역할: {{role}})",
  },
  device: {
    title: "📱 {{thing}}: $package 섀도 (버전 {{version}}, {{read}}에 읽음)",
    line: "  • {{package}} {{version}} ({{reported}}에 보고됨)",
    lineUndated: "  • {{package}} {{version}}",
    empty: "섀도가 보고하는 패키지가 없습니다.",
    none: "{{thing}}에는 $package 섀도가 없습니다: 소프트웨어 버전을 보고하지 않습니다.",
  },
  revert: {
    progress: "$package 섀도 다시 쓰는 중",
    noThingTypes: "사물 유형이 없어서 되돌릴 플릿이 없습니다. 먼저 프로비저닝하세요: {{command}}",
    howPrompt: "플릿을 어떻게 되돌리시겠습니까?",
    how: {
      shadow: "인벤토리($package 섀도) 다시 쓰기: 즉시 끝나지만 디바이스의 펌웨어는 그대로입니다",
      job: "그 버전의 OTA 작업 만들기: 디바이스가 실제로 설치합니다",
    },
    notDeployable:
      "버전 {{version}}은(는) {{status}} 상태입니다: 작업은 게시되었거나 사용 중단된 버전만 배포합니다.",
    finding: "🔎 {{package}} 버전이 {{version}}이(가) 아닌 {{thingType}} 디바이스를 찾는 중 (플릿 인덱스)",
    nothing:
      "✅ 모든 {{thingType}} 디바이스가 이미 {{package}} {{version}}을(를) 보고합니다: 되돌릴 것이 없습니다.",
    preview: "{{version}}이(가) 아닌 버전을 보고하는 디바이스 {{count}}대:",
    more: "   … 외 {{count}}대",
    confirm: "디바이스 {{count}}대의 $package 섀도를 {{version}}(으)로 바꾸려면 {{token}}을(를) 입력하세요:",
    confirmJob: "디바이스 {{count}}대에 {{version}} OTA 작업을 만들려면 {{token}}을(를) 입력하세요:",
    kept: "바뀐 것이 없습니다: 섀도를 다시 쓰지 않았고 작업도 만들지 않았습니다.",
    done: "✅ $package 섀도 {{total}}개 중 {{updated}}개가 이제 그 버전을 보고합니다 ({{seconds}}초, 초당 {{rate}}대)",
    failedLine: "  ❌ {{thing}}: {{error}}",
    inventoryOnly:
      "⚠️ 바뀐 것은 인벤토리뿐이고 디바이스는 여전히 이전 펌웨어로 동작합니다. 실제로 되돌리려면: {{command}}",
    configOff:
      "⚠️ 작업에 의한 버전 업데이트가 꺼져 있습니다: 디바이스는 버전을 설치하지만 $package 섀도는 따라오지 않습니다. 켜려면: {{command}}",
    jobCreated: "✅ 디바이스 {{count}}대를 위한 작업 {{jobId}}을(를) 만들었습니다 (사물 그룹 {{group}})",
    simulate: "디바이스를 실행하려면: {{command}}",
  },
  tour: {
    before: "📱 업데이트 전: {{thing}}의 $package 섀도에는 {{package}} {{version}}이(가) 기록되어 있습니다.",
    after: "📱 업데이트 후: {{thing}}은(는) {{package}} {{version}}을(를) 보고합니다.",
    rollback: "⏪ 마지막 정류장: 투어의 {{package}} 디바이스를 {{version}}(으)로 되돌립니다",
    nothing: "투어의 모든 디바이스가 이미 {{version}}을(를) 보고합니다: 되돌릴 것이 없습니다.",
    job: "다른 버전인 디바이스 {{count}}대에 작업 {{jobId}}을(를) 만들었습니다. 이제 디바이스가 설치합니다.",
    done: "✅ {{succeeded}}대가 {{version}}을(를) 다시 설치했습니다. 여전히 다른 버전인 디바이스: {{remaining}}대.",
  },
  learn: {
    tourRollback: {
      title: "차량까지 닿는 롤백",
      body:
        "새 펌웨어에 문제가 있다고 해 봅시다. 플릿 인덱스로 {{version}}이(가) 아닌 버전을 보고하는 투어 차량을 찾고,\n" +
        "그 차량에만 {{version}} 작업을 보냅니다. 차량이 설치하고 성공할 때마다 $package 섀도가 다시 쓰입니다.\n" +
        "`iotdm packages revert --via-job`은 어떤 플릿에든 같은 일을 합니다. --via-job 없이는 기록만 고치므로\n" +
        "빠르지만 차량은 그대로입니다.",
    },
    catalog: {
      title: "패키지: 소프트웨어 계열에 붙이는 이름",
      body:
        "소프트웨어 패키지 카탈로그의 패키지는 디바이스에서 실행되는 소프트웨어, 예를 들어 한 차종의 펌웨어를\n" +
        "가리킵니다. 패키지는 버전을 가지며 그중 하나를 기본값으로 지정할 수 있습니다. 패키지에 붙인 태그는 나중에\n" +
        "찾을 때 도움이 되고, `iotdm cleanup`이 워크숍에서 만든 것을 알아보는 근거가 됩니다.",
    },
    versions: {
      title: "버전은 정확한 바이트를 가리킵니다",
      body:
        "버전은 아티팩트를 버킷, 키, S3 객체 버전으로 지정합니다. 같은 키에 새 파일을 올려도 새 객체 버전이 생길 뿐\n" +
        "이전 것은 남아 있으므로, 버전은 언제나 같은 내용을 뜻합니다. 새 버전은 초안으로 시작하며 작업으로 배포할 수\n" +
        "없습니다. 게시하면 배포할 수 있게 됩니다. 속성(최대 3KB)은 작업 문서와 디바이스의 $package 섀도로 전달됩니다.",
    },
    lifecycle: {
      title: "초안, 게시, 사용 중단",
      body:
        "초안은 고치거나 게시할 수 있습니다. 게시된 버전을 사용 중단하면 아무것도 깨뜨리지 않고 다른 버전으로 옮기라는\n" +
        "신호가 되며, 사용 중단된 버전은 다시 게시할 수 있습니다. AWS가 지키는 규칙은 두 가지입니다: 패키지의 기본\n" +
        "버전은 삭제할 수 없고, 버전이 남아 있는 패키지도 삭제할 수 없습니다.",
    },
    configuration: {
      title: "인벤토리는 누가 쓰는가",
      body:
        "작업에 의한 버전 업데이트를 켜면, 패키지 버전을 설치하는 작업 실행이 성공할 때마다 그 버전이 디바이스의\n" +
        "$package 섀도에 기록됩니다. AWS IoT는 그 섀도만 읽고 쓸 수 있는 IAM 역할로 기록합니다. 꺼도 역할은\n" +
        "기록에 남아 나중에 다시 쓸 수 있습니다.",
    },
    deviceVersion: {
      title: "$package 섀도가 인벤토리입니다",
      body:
        "디바이스마다 예약된 이름 있는 섀도 $package가 있고, 패키지마다 버전과 속성을 담습니다. 작업이(패키지 구성이\n" +
        "켜져 있으면) 갱신하고, 디바이스가 직접 보고하기도 하며, 플릿 인덱스로 플릿 전체에서 검색할 수 있습니다.\n" +
        "섀도의 메타데이터를 보면 각 값이 언제 보고되었는지 알 수 있습니다.",
    },
    revert: {
      title: "{{version}}(으)로 롤백",
      body:
        "플릿 인덱스로 $package 섀도에 다른 버전이 적힌 해당 유형의 디바이스를 모두 찾습니다. 섀도 다시 쓰기는 즉시\n" +
        "끝나지만 인벤토리의 기록만 바뀌고 차량의 펌웨어는 그대로입니다. 진짜 롤백은 작업입니다: 디바이스가\n" +
        "{{version}}을(를) 내려받아 설치하고 성공을 보고하면 인벤토리도 저절로 따라옵니다. 기록을 고칠 때는 다시 쓰기,\n" +
        "디바이스를 바꿀 때는 작업을 쓰세요.",
    },
  },
} satisfies Translation<Catalog["packages"]>;
