import type { Catalog, Translation } from "../../message-keys.js";

export default {
  create: {
    description: "사물 그룹에 OTA 펌웨어 작업(패키지 버전) 또는 사용자 지정 작업을 만듭니다",
    title: "🚀 iotdm create-job: 플릿에 작업 보내기",
    opt: {
      jobType: "ota(카탈로그의 패키지 버전) 또는 custom(직접 작성한 문서)",
      thingGroups: "대상 사물 그룹(이름 또는 목록 번호, 쉼표로 구분)",
      package: "OTA: 배포할 패키지",
      packageVersion: "OTA: 배포할 버전(게시됨 또는 사용 중단됨)",
      jobId: "작업 ID(영문자, 숫자, '_', '-', 최대 64자)",
      description: "작업 설명",
      document: "custom: 작업 문서(JSON)",
      documentFile: "custom: 작업 문서가 담긴 파일",
      operation: "custom: 템플릿 문서의 작업 이름",
      advanced: "고급 설정(롤아웃, 중단, 제한 시간, 재시도)을 묻기",
      targetSelection: "continuous(나중에 그룹에 들어온 디바이스도 받음) 또는 snapshot",
      maxPerMinute: "롤아웃: 분당 알림을 받는 디바이스 최대 수(1-1000)",
      exponentialBase: "지수 롤아웃: 처음 분당 알림 수(1-1000)",
      exponentialFactor: "지수 롤아웃: 단계마다 늘어나는 비율(1.1-5)",
      exponentialNotified: "지수 롤아웃: 이만큼 알림을 보낸 뒤 속도 증가",
      exponentialSucceeded: "지수 롤아웃: 이만큼 성공한 뒤 속도 증가",
      abortFailureType: "중단: 실패로 볼 결과(FAILED, REJECTED, TIMED_OUT, ALL)",
      abortThresholdPercent: "중단: 이 비율의 디바이스가 실패하면 작업 취소(0-100)",
      abortMinExecuted: "중단: 이만큼 끝난 뒤에 판단",
      timeoutMinutes: "시작한 디바이스가 실행을 끝내야 하는 시간(분, 1-10080)",
      retries: "실패 후 디바이스별 재시도 횟수(0-10)",
      retryFailureType: "재시도: 재시도할 결과(FAILED, TIMED_OUT, ALL)",
    },
    badChoice: "{{value}}은(는) {{values}} 중 하나가 아닙니다",
    range: {
      maxPerMinute: "1에서 1000 사이의 정수를 입력하세요(입력값 {{value}})",
      baseRatePerMinute: "1에서 1000 사이의 정수를 입력하세요(입력값 {{value}})",
      incrementFactor: "1.1에서 5 사이의 숫자를 입력하세요(입력값 {{value}})",
      notifiedThings: "1 이상의 정수를 입력하세요(입력값 {{value}})",
      succeededThings: "1 이상의 정수를 입력하세요(입력값 {{value}})",
      thresholdPercent: "0에서 100 사이의 백분율을 입력하세요(입력값 {{value}})",
      minExecuted: "1 이상의 정수를 입력하세요(입력값 {{value}})",
      timeoutMinutes: "1에서 10080 사이의 정수(분)를 입력하세요(입력값 {{value}})",
      retries: "0에서 10 사이의 정수를 입력하세요(입력값 {{value}})",
    },
    type: {
      prompt: "어떤 종류의 작업인가요?",
      ota: "OTA 펌웨어 업데이트(Software Package Catalog의 패키지 버전)",
      custom: "사용자 지정 작업(직접 작성한 JSON 문서)",
    },
    groups: {
      available: "🎯 사물 그룹({{count}}개):",
      prompt: "사물 그룹(번호 또는 이름, 쉼표로 구분, 예 1,3 또는 US_Fleet):",
      unknown: "그런 그룹이 없습니다: {{items}}(이름이나 1부터 {{count}}까지의 번호를 입력하세요)",
      none: "사물 그룹을 하나 이상 입력하세요",
    },
    package: {
      prompt: "배포할 패키지:",
      unknown: "패키지 {{name}}이(가) 없습니다: {{names}} 중에서 고르세요",
    },
    version: {
      line: "   • {{version}} - {{status}}(생성 {{created}})",
      prompt: "배포할 버전:",
      unknown: "패키지 {{package}}에 버전 {{version}}이(가) 없습니다(버전: {{versions}})",
      notDeployable:
        "버전 {{version}}은(는) {{status}} 상태입니다: 게시되었거나 사용 중단된 버전만 배포할 수 있습니다. 먼저 게시하세요",
    },
    document: {
      prompt: "작업 문서(JSON, Enter를 누르면 템플릿):",
      operation: "템플릿의 작업 이름:",
      notJson: "올바른 JSON이 아닙니다",
      notObject: "작업 문서는 JSON 객체({...})입니다",
      tooLong: "작업 문서는 최대 32,768자입니다",
      unreadable: "문서 파일 {{path}}을(를) 읽을 수 없습니다: {{message}}",
    },
    badJobId: "{{id}}은(는) 작업 ID로 쓸 수 없습니다: 영문자, 숫자, '_', '-'로 1-64자를 사용하세요",
    jobIdPrompt: "작업 ID:",
    descriptionTooLong: "설명은 최대 2,028자입니다",
    descriptionPrompt: "설명:",
    advanced: {
      prompt: "고급 설정(대상 선택, 롤아웃, 중단, 제한 시간, 재시도)을 구성할까요?",
      targetSelection: "대상 선택:",
      continuous: "CONTINUOUS: 나중에 그룹에 들어온 디바이스도 작업을 받습니다",
      snapshot: "SNAPSHOT: 지금 그룹에 있는 디바이스만. 모두 끝나면 작업이 완료됩니다",
      maxPerMinute: "롤아웃: 분당 알림 최대 수(1-1000, 비우면 제한 없음):",
      exponentialBase: "지수 롤아웃: 처음 분당 디바이스 수(1-1000, 비우면 없음):",
      exponentialFactor: "지수 롤아웃: 증가 비율(1.1-5):",
      exponentialNotified: "지수 롤아웃: 알림을 받은 디바이스가 이만큼이면 속도 증가(비우면 생략):",
      exponentialSucceeded: "지수 롤아웃: 성공한 디바이스가 이만큼이면 속도 증가(비우면 생략):",
      abortThreshold: "중단: 실패가 이 비율에 이르면 취소(0-100, 비우면 중단 없음):",
      abortMinExecuted: "중단: 이만큼 끝난 뒤에 판단:",
      abortFailureType: "중단: 어떤 결과를 실패로 볼까요?",
      timeoutMinutes: "제한 시간: 시작한 디바이스에 주어지는 시간(분, 1-10080, 비우면 없음):",
      retries: "디바이스별 재시도 횟수(0-10, 비우면 없음):",
      retryFailureType: "어떤 결과를 재시도할까요?",
    },
    noGroups: "대상으로 삼을 사물 그룹이 없습니다: 먼저 {{command}}(으)로 플릿을 만드세요",
    noPackages: "배포할 패키지가 없습니다: 먼저 {{command}}(으)로 만드세요",
    found: "📊 사물 그룹 {{groups}}개와 패키지 {{packages}}개를 찾았습니다",
    plan: {
      title: "🎯 만들 작업",
      summary: "   작업 ID: {{jobId}}\n   종류: {{kind}}\n   사물 그룹: {{groups}}\n   설명: {{description}}",
      package: "   패키지: {{package}} 버전 {{version}}",
      document: "📋 작업 문서(각 디바이스가 받는 내용. 자리 표시자는 디바이스마다 채워집니다):",
      config: "⚙️ 구성:",
    },
    done: "🎉 작업 {{jobId}}을(를) 만들었습니다({{arn}})",
    next: "다음으로 {{command}}(으)로 디바이스 역할을 해 보세요",
  },
  explore: {
    description: "작업 살펴보기: 목록, 작업의 설정·문서·실행, 취소, 삭제, 통계",
    title: "🔍 iotdm explore-jobs: 작업이 하고 있는 일 보기",
    opt: {
      action: "보거나 할 일: {{actions}}(생략하면 메뉴가 묻습니다)",
      jobId: "대상 작업",
      thingName: "execution: 실행을 볼 사물",
      executionNumber: "execution: 그 사물의 몇 번째 실행인지(재시도 후. 기본은 최신)",
      status: "executions: 이 상태의 실행만",
      force: "cancel: 진행 중인 실행도 취소. delete: 실행 중인 작업도 삭제",
      reasonCode: "cancel: 작업에 기록할 사유 코드",
      comment: "cancel: 작업에 기록할 설명",
    },
    badAction: "알 수 없는 동작 {{value}}: {{values}} 중 하나를 사용하세요",
    badStatus: "{{value}}은(는) 실행 상태가 아닙니다: {{values}} 중 하나를 사용하세요",
    badNumber: "1 이상의 실행 번호를 입력하세요(입력값 {{value}})",
    menu: {
      prompt: "무엇을 볼까요?",
      list: "모든 작업 목록",
      describe: "작업: 설정, 문서, 진행 상황",
      execution: "디바이스 하나의 작업 실행",
      executions: "작업의 모든 실행",
      cancel: "작업 취소",
      delete: "작업 삭제",
      stats: "작업의 통계와 상태",
    },
    list: {
      none: "아직 작업이 없습니다.",
      found: "📋 작업 {{count}}개:",
    },
    column: {
      jobId: "작업 ID",
      status: "상태",
      selection: "대상 선택",
      created: "생성",
      completed: "완료",
      thing: "사물",
      number: "실행 번호",
      queued: "대기열 추가",
      updated: "마지막 업데이트",
    },
    jobPrompt: "어떤 작업인가요?",
    jobIdRequired: "작업 ID가 필요합니다",
    thingPrompt: "사물 이름:",
    thingRequired: "사물 이름이 필요합니다",
    job:
      "📋 작업 {{jobId}}\n   상태: {{status}}\n   설명: {{description}}\n   대상 선택: {{selection}}\n" +
      "   생성: {{created}}\n   완료: {{completed}}\n   대상: {{targets}}",
    canceled: "   취소: 사유 {{reason}}, 설명 {{comment}}",
    document: "📄 작업 문서:",
    noDocument: "   (작업 문서를 읽을 수 없었습니다)",
    executions: "📊 실행:",
    noExecutions: "   아직 실행이 없습니다: 이 작업을 받은 디바이스가 없습니다.",
    count: "   {{status}}: {{count}}({{percent}}%)",
    execution:
      "📱 작업 {{jobId}}의 {{thing}}\n   상태: {{status}}\n   실행 번호: {{number}}(버전 {{version}})\n" +
      "   대기열 추가: {{queued}}\n   시작: {{started}}\n   마지막 업데이트: {{updated}}",
    executionsNone: "작업 {{jobId}}의 실행이 없습니다.",
    executionsFound: "📋 실행 {{count}}개:",
    stats: {
      title: "📊 {{jobId}}의 통계",
      summary:
        "   상태: {{status}}\n   실행: {{total}}\n   ✅ 성공: {{succeeded}}({{successRate}}%)\n" +
        "   ❌ 실패: {{failed}}({{failureRate}}%)\n   🔄 대기 중: {{pending}}",
    },
    health: {
      none: "🏥 상태: 아직 실행이 없어 평가할 수 없습니다",
      excellent: "🏥 상태: 매우 좋음(95% 이상 성공)",
      good: "🏥 상태: 좋음(80% 이상 성공): 실패를 살펴보세요",
      poor: "🏥 상태: 나쁨(성공 50%~80%): 많은 디바이스가 실패합니다",
      critical: "🏥 상태: 심각(성공 50% 미만): 대부분의 디바이스가 실패합니다",
    },
    advice: {
      noExecutions:
        "💡 이 작업을 받은 디바이스가 없습니다: 대상 그룹에 구성원이 있고 디바이스가 존재하는지 확인하세요.",
      canceledEarly:
        "💡 어떤 디바이스도 끝나기 전에 작업이 취소되었습니다: 사유는 작업 세부 정보에 있습니다.",
      devicesRemoved:
        "💡 끝나기 전에 디바이스가 작업의 그룹을 떠났거나 삭제되었습니다: 아직 존재하는지 확인하세요.",
      stillRunning:
        "💡 디바이스가 아직 작업 중입니다: 나중에 다시 보거나 simulate-jobs로 디바이스 역할을 해 보세요.",
      highFailure: "💡 20% 넘게 실패했습니다: 실패한 실행의 세부 정보로 원인을 확인하세요.",
      moderateFailure: "💡 10% 넘게 실패했습니다: 실패를 조사하고 계속 지켜보세요.",
      excellent: "💡 실패가 거의 없습니다: 이 버전은 잘 배포되고 있습니다.",
      good: "💡 대부분 성공했습니다: 실패에 공통 원인이 있는지 확인하세요.",
      mixed: "💡 결과가 엇갈립니다: 상태별로 실행을 살펴보세요.",
      considerCancel:
        "💡 아직 대기 중인 디바이스가 있습니다: 지금 취소하면 그 디바이스들로의 배포를 멈춥니다.",
    },
    cancelConfirm: "작업 {{jobId}}을(를) 취소하려면 {{token}}을(를) 입력하세요:",
    canceledDone: "✅ 작업 {{jobId}}은(는) {{status}} 상태입니다",
    deleteWarning:
      "⚠️ 작업 {{jobId}}을(를) 삭제하면 작업과 실행 {{executions}}개의 기록이 영구히 사라집니다.",
    deleteConfirm: "작업 {{jobId}}을(를) 삭제하려면 {{token}}을(를) 입력하세요:",
    deletedDone: "✅ 작업 {{jobId}}을(를) 삭제했습니다",
    kept: "바뀐 것이 없습니다: 작업 {{jobId}}은(는) 그대로입니다.",
    more: "다른 것도 살펴볼까요?",
  },
  simulate: {
    description: "작업의 디바이스 역할: 각 디바이스가 작업을 읽고 펌웨어를 다운로드한 뒤 결과를 보고합니다",
    title: "🤖 iotdm simulate-jobs: 플릿이 되어 보기",
    opt: {
      jobId: "디바이스 역할을 할 작업(기본: 진행 중인 작업에서 선택)",
      count: "실행할 대기 중 실행의 수, 또는 all(기본 all)",
      successRate: "성공하는 디바이스의 비율 0-100(기본 100)",
      random: "비율대로가 아니라 디바이스마다 결과를 무작위로 정함",
      verbose: "디바이스 단계마다 한 줄 표시",
    },
    noActive: "진행 중인 작업이 없습니다: {{command}}(으)로 만드세요",
    jobPrompt: "어떤 작업인가요?",
    noPending: "작업 {{jobId}}에 대기 중인 실행이 없습니다: 모든 디바이스가 이미 보고했습니다.",
    pending: "📊 작업 {{jobId}}의 대기 중인 실행 {{count}}개",
    countPrompt: "{{count}}개 중 몇 개를 실행할까요(숫자 또는 all)?",
    badCount: "0 이상의 숫자 또는 all을 입력하세요(입력값 {{value}})",
    ratePrompt: "성공률(퍼센트, 0-100):",
    badRate: "0에서 100 사이의 백분율을 입력하세요(입력값 {{value}})",
    plan: "🎯 디바이스 {{total}}대: {{succeed}}대 성공, {{fail}}대 실패({{rate}}%)",
    planRandom: "🎯 디바이스 {{total}}대, 각각 {{rate}}% 확률로 성공",
    confirm: "디바이스를 시작할까요?",
    summary:
      "🎉 디바이스 {{processed}}대를 {{seconds}}초에 처리({{rate}}/초): 성공 {{succeeded}}, 실패 {{failed}}, " +
      "보고 못 함 {{errors}}. 펌웨어 다운로드 {{downloads}}회, {{bytes}}바이트",
    failureLine: "   • {{thing}}: {{reason}} {{error}}",
    next: "다음으로 {{command}}(으)로 작업 결과를 확인하세요",
    progress: "📱 디바이스",
    downloaded: "   📦 {{thing}}: 펌웨어를 다운로드했습니다({{bytes}}바이트)",
    downloadFailed: "   ⚠️ {{thing}}: 펌웨어 다운로드에 실패했습니다(HTTP {{status}}, {{bytes}}바이트)",
    reported: "   {{thing}}: {{status}}을(를) 보고했습니다",
  },
  tour: {
    stop: "🚀 정류장: 펌웨어 {{package}} {{version}}을(를) {{group}}에 무선으로",
    created: "   작업 {{jobId}}: 그룹의 디바이스 {{devices}}대마다 실행 하나",
    stats: "   작업은 {{status}}: {{succeeded}}대 업데이트, {{failed}}대 실패({{seconds}}초)",
    indexed:
      "   🔍 이제 플릿 인덱스가 {{package}} {{version}}을(를) 보고하는 디바이스 {{count}}대를 찾습니다",
  },
  learn: {
    tour: {
      title: "진짜 무선 업데이트",
      body:
        "이제 플릿에 새 펌웨어가 갑니다: SNAPSHOT 작업이 버전 {{version}}을(를) 동적 그룹 {{group}}에 보냅니다.\n" +
        "iotdm이 차량 역할을 하여 각 차가 미리 서명된 URL로 파일을 다운로드하고 결과를 보고하며, 몇 대는 일부러 실패합니다.\n" +
        '성공은 디바이스의 $package 섀도우에 기록되므로, 플릿 인덱스가 곧바로 "{{version}}으로 달리는 차는?"에 답할 수 있습니다.',
    },
    simulateDiscovery: {
      title: "디바이스 역할 하기",
      body:
        "실제 디바이스는 AWS IoT에서 작업을 알게 되고, 실행을 가져와 일한 뒤 보고합니다. 여기서는 iotdm이 한 작업의\n" +
        "모든 디바이스를 동시에, 차량이 쓰는 것과 같은 디바이스 API(작업 데이터 플레인)로 연기합니다. 그래서 작업의 진행,\n" +
        "통계, 디바이스 섀도우가 실제 롤아웃과 똑같이 바뀝니다.",
    },
    simulateExecutions: {
      title: "대기 중인 것",
      body:
        "작업 {{jobId}}의 디바이스마다 실행이 있습니다. QUEUED는 아직 시작하지 않았고, IN_PROGRESS는 시작했지만\n" +
        "끝나지 않았습니다. 끝난 것(SUCCEEDED, FAILED 등)은 건드리지 않습니다: 디바이스는 실행마다 한 번만 보고합니다.",
    },
    simulation: {
      title: "무선 업데이트를 {{count}}번",
      body:
        "각 디바이스는 작업 문서와 함께 실행을 읽습니다. 문서에는 AWS IoT가 펌웨어의 미리 서명된 URL을 넣어 두었습니다.\n" +
        "IN_PROGRESS를 보고하고, 일반 HTTP로 파일을 다운로드하고(AWS 자격 증명 불필요: URL 자체가 권한이며 만료됩니다),\n" +
        "모든 바이트가 도착했는지 확인한 뒤 SUCCEEDED 또는 FAILED를 보고합니다({{rate}}% 성공).",
    },
    cancel: {
      title: "작업 취소",
      body:
        "취소하면 롤아웃이 멈춥니다: 아직 시작하지 않은(QUEUED) 디바이스는 시작하지 않고, 작업은 CANCELED로 끝납니다.\n" +
        "작업 중(IN_PROGRESS)인 디바이스는 끝까지 할 수 있습니다. 강제하면 그것들도 취소됩니다. 펌웨어를 쓰는 중인\n" +
        "디바이스가 있을 수 있어 기본으로는 강제하지 않습니다. 작업과 기록은 남습니다.",
    },
    delete: {
      title: "작업 삭제",
      body:
        "삭제하면 작업과 모든 실행 기록이 사라지며, 삭제가 끝나면 그 ID를 다시 쓸 수 있습니다.\n" +
        "완료되었거나 취소된 작업은 그대로 삭제되고, 실행 중인 작업은 강제가 필요하며 그 실행도 끝납니다.\n" +
        "멈추고 기록을 남기려면 취소, 기록이 더 필요 없으면 삭제입니다.",
    },
    discovery: {
      title: "작업이 닿는 곳",
      body:
        "작업은 대상에게 보내집니다. 개별 사물 또는 사물 그룹(모든 구성원과 하위 그룹의 구성원)입니다.\n" +
        "동적 그룹도 쓸 수 있습니다. 그 시점에 쿼리와 일치하는 디바이스가 구성원입니다. 그래서 작업 전에 플릿이 있습니다:\n" +
        "provision이 만든 그룹과 게시한 패키지입니다.",
    },
    jobType: {
      title: "두 가지 작업",
      body:
        "OTA 작업은 Software Package Catalog의 버전을 가리킵니다. 문서는 버전의 속성과 펌웨어 파일을 자리 표시자로 나타내고,\n" +
        "AWS IoT가 디바이스마다 채웁니다. 파일은 유효 기간이 짧은 미리 서명된 URL이 됩니다.\n" +
        "사용자 지정 작업은 어떤 JSON 문서든 담습니다: 재부팅, 인증서 교체, 로그 수집 등.",
    },
    targets: {
      title: "누가, 언제 받는가",
      body:
        "SNAPSHOT 작업은 지금 그룹에 있는 디바이스가 대상이며, 모두 끝나면 완료됩니다. CONTINUOUS 작업은 나중에\n" +
        "그룹에 들어온 디바이스에도 닿으므로 계속 실행됩니다. 롤아웃 설정은 알림 속도를, 중단 설정은 실패가 너무 많을 때의\n" +
        "취소를, 제한 시간은 멈춘 디바이스 실행의 종료를 정합니다.",
    },
    creation: {
      title: "작업에서 실행으로",
      body:
        "작업을 만들면 그룹 {{groups}}개가 디바이스마다 하나의 작업 실행(QUEUED)이 됩니다. 디바이스는 실행을 읽고\n" +
        "IN_PROGRESS로 바꿔 일한 뒤 SUCCEEDED 또는 FAILED를 보고합니다. 작업은 모든 결과를 세고, 패키지 구성이\n" +
        "켜져 있으면 성공 시 디바이스의 $package 섀도우에 새 버전을 기록하며, 플릿 인덱스(와 동적 그룹)가 이를 따라갑니다.",
    },
  },
} satisfies Translation<Catalog["jobs"]>;
