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
  simulate: {
    progress: "📱 디바이스",
    downloaded: "   📦 {{thing}}: 펌웨어를 다운로드했습니다({{bytes}}바이트)",
    downloadFailed: "   ⚠️ {{thing}}: 펌웨어 다운로드에 실패했습니다(HTTP {{status}}, {{bytes}}바이트)",
    reported: "   {{thing}}: {{status}}을(를) 보고했습니다",
  },
  learn: {
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
