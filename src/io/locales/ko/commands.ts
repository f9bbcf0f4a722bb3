import type { Catalog, Translation } from "../../message-keys.js";

export default {
  description: "AWS IoT 명령: 차량용 원격 작업을 만들고, 디바이스나 그룹에서 실행하고, 결과를 추적합니다",
  title: "🎮 iotdm commands: 커넥티드 차량을 위한 원격 작업",
  opt: {
    action: "수행할 작업: {{actions}} (생략하면 메뉴에서 고릅니다)",
    commandId: "명령 ID (영문자, 숫자, '_', '-', 최대 64자)",
    vehicle: "create: 차량 명령 중 하나({{ids}}) 또는 custom",
    description: "create: 사용자 지정 명령의 설명",
    payload: "create: 사용자 지정 명령의 페이로드 (JSON 객체)",
    thing: "실행할 디바이스(사물 이름), 또는 실행 기록을 볼 디바이스",
    thingGroup: "execute: 이 사물 그룹의 모든 멤버에서 실행",
    timeout: "execute: 디바이스가 응답할 때까지의 초 (1-43200, 기본값 60)",
    wait: "execute: 상태가 확정될 때까지 추적",
    simulate: "execute: 연결되지 않은 대상을 위해 시뮬레이션 차량을 시작 (생략하면 묻습니다)",
    noSimulate: "execute: 시뮬레이션 차량을 시작하지 않음",
    executionId: "status: 실행 ID",
    status: "history: 이 상태의 실행만 ({{values}})",
    since: "history: 이 시각 이후에 시작된 실행만 (예: 2026-01-31T08:00)",
    until: "history: 이 시각 이전에 시작된 실행만",
  },
  badAction: "알 수 없는 작업 {{value}}: {{values}} 중 하나를 사용하세요",
  menu: {
    prompt: "무엇을 하시겠습니까?",
    create: "명령 만들기",
    list: "명령 목록",
    describe: "명령 상세 보기",
    delete: "명령 삭제",
    execute: "디바이스 또는 그룹에서 명령 실행",
    status: "실행 상태 보기",
    history: "디바이스의 실행 기록 보기",
    debug: "디버그 모드 켜기/끄기",
    exit: "종료",
  },
  context: "리전 {{region}} · 계정 {{account}} · 디버그 {{debug}}",
  on: "켜짐",
  off: "꺼짐",
  debugOn: "✅ 디버그 모드를 켰습니다: 모든 AWS 호출과 응답을 표시합니다.",
  debugOff: "디버그 모드를 껐습니다.",
  create: {
    choose: "어떤 명령을 만드시겠습니까?",
    custom: "사용자 지정 명령 (ID, 설명, 페이로드를 직접 지정)",
    using: "✅ 차량 명령 {{id}}을(를) 사용합니다: {{description}}",
    payloadLine: "   페이로드: {{payload}}",
    idPrompt: "명령 ID (예: open-trunk):",
    descriptionPrompt: "이 명령은 무엇을 합니까?",
    payloadPrompt: "페이로드 JSON 객체 (Enter를 누르면 {{example}}):",
    payloadHint: "페이로드는 정적입니다: 이 명령을 실행하는 디바이스는 매번 똑같은 바이트를 받습니다.",
    done: "✅ 명령 {{id}}을(를) 만들었습니다",
    arn: "   ARN: {{arn}}",
    exists: "❌ {{id}}라는 명령이 이미 있습니다 (삭제 대기 중일 수도 있습니다): 다른 ID를 고르세요.",
    badVehicle: "{{value}}은(는) {{values}} 중 하나가 아닙니다",
    problem: {
      badId:
        "{{id}}은(는) 올바른 명령 ID가 아닙니다: 영문자나 숫자로 시작하고 영문자, 숫자, '_', '-'로 최대 64자",
      badDescription: "설명은 1~{{max}}자로 입력하세요",
      badPayload: '페이로드는 키가 하나 이상 있는 JSON 객체여야 합니다 (예: {"action": "lock"})',
      payloadTooLarge: "페이로드가 {{size}}바이트입니다. AWS IoT는 최대 {{max}}바이트까지 받습니다",
    },
  },
  vehicle: {
    lock: "차량의 모든 문을 원격으로 잠금",
    unlock: "차량의 모든 문을 원격으로 잠금 해제",
    startEngine: "엔진을 원격으로 시동",
    stopEngine: "엔진을 원격으로 정지",
    setClimate: "실내 공조 설정",
    horn: "경적 울리기",
  },
  list: {
    none: "ℹ️ 아직 명령이 없습니다. `iotdm commands create`로 만들 수 있습니다.",
    header: "명령",
    columns: {
      id: "명령",
      state: "상태",
      created: "생성 일시",
    },
    total: "명령 {{count}}개",
  },
  state: {
    ACTIVE: "사용 가능",
    DEPRECATED: "사용 중단",
    PENDING_DELETION: "삭제 대기",
  },
  pick: "어떤 명령입니까?",
  idRequired: "명령 ID를 입력하세요",
  notFound: "❌ 명령 {{id}}이(가) 없습니다. `iotdm commands list`로 있는 명령을 확인하세요.",
  describe: {
    title: "📋 명령 {{id}}",
    displayName: "   이름: {{value}}",
    descriptionLine: "   설명: {{value}}",
    namespace: "   네임스페이스: {{value}}",
    stateLine: "   상태: {{value}}",
    created: "   생성 일시: {{value}}",
    updated: "   마지막 업데이트: {{value}}",
    contentType: "   콘텐츠 유형: {{value}}",
    payload: "   페이로드:",
    noPayload: "   이 명령에는 페이로드가 없습니다.",
  },
  delete: {
    confirm: "명령 {{id}}을(를) 삭제하시겠습니까? 되돌릴 수 없습니다. 확인하려면 DELETE를 입력하세요:",
    kept: "명령 {{id}}을(를) 삭제하지 않았습니다.",
    deleted: "✅ 명령 {{id}}을(를) 삭제했습니다.",
    pending:
      "✅ 명령 {{id}}은(는) 이제 삭제 대기 중입니다: 12시간 제한 시간이 지나면 AWS가 삭제합니다. 더 이상 실행할 수\n" +
      "   없습니다. (12시간 이상 사용 중단 상태였던 명령은 바로 삭제됩니다.)",
  },
  execute: {
    targetKind: "실행 대상:",
    oneThing: "디바이스 한 대 (사물)",
    aGroup: "사물 그룹의 모든 디바이스",
    thingPrompt: "디바이스 (사물 이름):",
    groupPrompt: "사물 그룹 이름:",
    thingRequired: "사물 이름을 입력하세요",
    groupRequired: "사물 그룹 이름을 입력하세요",
    bothTargets: "--thing과 --thing-group 중 하나만 지정하세요",
    timeoutPrompt: "디바이스가 응답할 때까지의 초 (1-{{max}}, Enter를 누르면 {{default}}):",
    badTimeout: "1부터 {{max}}까지의 정수 초를 지정하세요 ({{value}}이(가) 지정됨)",
    notRunnable:
      "❌ 명령 {{id}}은(는) {{state}} 상태라 실행할 수 없습니다. 다시 사용 가능하게 하거나 다른 명령을 만드세요.",
    emptyGroup: "❌ 사물 그룹 {{group}}에 디바이스가 없습니다: 실행할 대상이 없습니다.",
    noGroup: "❌ 사물 그룹 {{group}}이(가) 없습니다.",
    noThing: "사물 {{thing}}이(가) 없습니다.",
    starting: "{{id}}을(를) 디바이스 {{count}}대에서 시작합니다...",
    started: "✅ {{thing}}: 실행 {{executionId}} (CREATED)",
    topic: "   📡 {{topic}}에 게시했습니다",
    failed: "❌ {{thing}}: {{error}}",
    summary: "실행 {{total}}개 중 {{started}}개를 시작했습니다.",
    noDevice:
      "⚠️ 대상 디바이스 중 {{count}}대({{thing}} 등)가 지금 연결되어 있지 않습니다: 명령은 대기열에 들어가지 않으므로 받지 못합니다.",
    waitPrompt: "상태가 확정될 때까지 추적하시겠습니까?",
    simulatePrompt:
      "지금 시뮬레이션 차량 {{count}}대를 시작하시겠습니까? 각자 자신의 인증서로 연결하고, 이 실행 동안 명령에 응답합니다.",
    simulating: "🚗 연결되지 않은 디바이스를 위해 시뮬레이션 차량 {{count}}대를 시작합니다...",
    respondHint:
      "디바이스는 {{topic}}에 응답합니다\n" +
      '   먼저 {"status": "IN_PROGRESS"}, 다음에 {"status": "SUCCEEDED"} (또는 FAILED, REJECTED와 statusReason).',
    followHint:
      "`iotdm commands status --execution-id {{executionId}} --thing {{thing}}`로 진행 상황을 확인하세요.",
    waiting: "⏳ 실행 {{count}}개가 끝나기를 기다립니다 (최대 {{seconds}}초)...",
    change: "   {{thing}}: {{status}}",
    stillOpen: "⏱️ 기다리기를 멈췄습니다: {{thing}}은(는) 아직 {{status}} 상태입니다.",
  },
  status: {
    executionPrompt: "실행 ID:",
    executionRequired: "실행 ID를 입력하세요",
    thingPrompt: "명령을 실행한 디바이스 (사물 이름):",
    notFound:
      "❌ {{thing}}에 실행 {{executionId}}이(가) 없습니다: ID와 디바이스를 확인하세요 (실행은 디바이스 한 대에 속합니다).",
    title: "📋 실행 {{executionId}}",
    command: "   명령: {{value}}",
    target: "   디바이스: {{value}}",
    statusLine: "   상태: {{value}}",
    inProgress: "   ⏳ 디바이스가 처리 중입니다...",
    reason: "   이유: {{code}}{{description}}",
    result: "   결과 {{name}}: {{value}}",
    created: "   생성 일시: {{value}}",
    updated: "   마지막 업데이트: {{value}}",
    started: "   시작: {{value}}",
    completed: "   완료: {{value}}",
    duration: "   소요 시간: {{value}}",
    seconds: "{{value}}초",
    minutes: "{{value}}분",
    hours: "{{value}}시간",
  },
  executionStatus: {
    CREATED: "생성됨",
    IN_PROGRESS: "진행 중",
    SUCCEEDED: "성공",
    FAILED: "실패",
    REJECTED: "거부됨",
    TIMED_OUT: "시간 초과",
  },
  history: {
    badStatus: "{{value}}은(는) {{values}} 중 하나가 아닙니다",
    badTime: "{{value}}은(는) 날짜와 시각으로 읽을 수 없습니다 (예: 2026-01-31T08:00, UTC로 해석)",
    badRange: "--since가 --until보다 뒤입니다: 그 사이에 들어가는 실행은 없습니다",
    statusPrompt: "이 상태의 실행만 (Enter를 누르면 전체):",
    sincePrompt: "이 시각 이후에 시작 (예: 2026-01-31T08:00, Enter를 누르면 최근 30일):",
    untilPrompt: "이 시각 이전에 시작 (Enter를 누르면 지금까지):",
    none: "ℹ️ 이 기간에 {{thing}}의 실행이 없습니다.",
    title: "📜 {{thing}}의 실행 ({{from}} → {{to}}{{status}})",
    beginning: "30일 전",
    now: "지금",
    columns: {
      command: "명령",
      status: "상태",
      created: "생성 일시",
      completed: "완료 일시",
      execution: "실행",
    },
    notYet: "—",
    total: "실행 {{count}}개",
  },
  learn: {
    whatAreCommands: {
      title: "명령이란?",
      body:
        "명령은 한 번 정의해 두면(문 잠금, 엔진 시동 등) 필요할 때마다 디바이스에서 실행할 수 있는 원격 작업입니다.\n" +
        "AWS IoT는 명령을 MQTT로 즉시 디바이스에 전달하고, 디바이스는 상태로 응답합니다. 작업(job)과 달리 명령은\n" +
        "지금 온라인인 디바이스 한 대를 위한 것이며 금방 만료됩니다.",
    },
    staticPayloads: {
      title: "정적 페이로드와 동적 페이로드",
      body:
        '여기서 만드는 명령은 정적 페이로드를 가집니다: 매번 같은 JSON 바이트(예: {"action": "lock"})가 전달됩니다.\n' +
        "동적 페이로드는 실행할 때 파라미터(온도, 시간 등)를 받습니다. AWS IoT에서는 페이로드 템플릿과\n" +
        "AWS IoT FleetWise의 필수 파라미터로 제공됩니다.",
    },
    compare: {
      title: "명령, 디바이스 섀도우, 작업의 차이",
      body:
        "섀도우: 디바이스가 가져야 할 상태. 오프라인 동안에도 보관되고 다시 연결되면 적용됩니다.\n" +
        "작업: 많은 디바이스를 위한 오래 걸리는 일(펌웨어 업데이트 등). 각 디바이스가 가져갈 때까지 대기합니다.\n" +
        "명령: 연결된 디바이스에 대한 즉각적인 작업. 몇 초 안에 응답이 오며 대기열에 들어가지 않습니다.",
    },
    topics: {
      title: "명령의 MQTT 토픽",
      body:
        "디바이스는 $aws/commands/things/<사물>/executions/+/request/json을 구독하고 거기서 페이로드를 받습니다.\n" +
        ".../executions/<ID>/response/json으로 상태를 보내면 AWS IoT가 .../response/accepted/json으로 확인하고,\n" +
        "받아들일 수 없으면 .../response/rejected/json으로 이유를 알려 줍니다.",
    },
    lifecycle: {
      title: "실행의 수명 주기",
      body:
        "시작하면 CREATED, 디바이스가 작업 중이라고 알리면 IN_PROGRESS, 그 뒤 디바이스의 보고에 따라 SUCCEEDED,\n" +
        "FAILED, REJECTED가 됩니다. 제한 시간 안에 최종 응답이 없으면 AWS IoT가 TIMED_OUT으로 표시합니다.\n" +
        "늦게 응답한 디바이스도 최종 상태를 기록할 수 있습니다.",
    },
    timedOut: {
      title: "아무도 응답하지 않았습니다",
      body:
        "실행 시간이 초과되었습니다: 완료했다고 AWS IoT에 알린 디바이스가 없습니다. 명령은 시작하는 순간에 연결되어\n" +
        "구독 중인 디바이스에만 전달되며, 나중을 위해 보관되지 않습니다. {{thing}}(으)로 연결해 요청 토픽을 구독하고\n" +
        "응답하는 디바이스를 준비한 뒤 명령을 다시 실행하세요.",
    },
    bestPractices: {
      title: "명령을 잘 쓰는 요령",
      body:
        "운전자가 기다리는 작업에는 짧은 제한 시간을 쓰세요. 디바이스는 IN_PROGRESS를 빨리 보내고, 실패나 거부할 때는\n" +
        "알기 쉬운 statusReason을 붙이세요. 삭제하기 전에 사용 중단으로 바꿔 사라지는 도중에 아무도 실행하지 않게 하세요.\n" +
        "오프라인 디바이스에도 전달해야 하는 일에는 명령이 아니라 작업을 쓰세요.",
    },
    console: {
      title: "콘솔에서 확인해 보세요",
      body:
        "AWS IoT 콘솔의 원격 작업 → 명령에서 만든 명령과 각 실행을 상태, 디바이스가 보낸 이유와 함께 볼 수 있습니다.\n" +
        "iotdm이 보여 주는 내용과 비교해 보세요.",
    },
  },
} satisfies Translation<Catalog["commands"]>;
