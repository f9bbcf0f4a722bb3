import type { Catalog, Translation } from "../../message-keys.js";

export default {
  description:
    "자체 인증서로 MQTT에 연결하는 시뮬레이션 차량: 명령에 응답하고, 작업을 실행하고, 배터리 잔량을 보고합니다",
  title: "🚗 iotdm device: MQTT로 연결되는 시뮬레이션 차량",
  opt: {
    things: "시뮬레이션할 사물(쉼표로 구분. --things-prefix와 --count 대신 사용)",
    thingsPrefix: "이 접두사 + 숫자 이름의 사물을 시뮬레이션",
    count: "그중 몇 대(이름순으로 앞에서부터)",
    commandOutcome: "명령 응답 방식: succeed(실행), fail(이유와 함께 거부), ignore(응답하지 않아 시간 초과)",
    successRate: "작업 설치에 성공하는 비율(0-100)",
    reportInterval: "클래식 섀도우에 배터리 잔량을 보고하는 간격(초. 0이면 보고 안 함. 기본값 30)",
    duration: "연결을 유지할 시간(초. 기본값: Ctrl-C를 누를 때까지)",
    verbose: "차량이 주고받는 모든 메시지를 출력(10대 이하이면 기본으로 출력)",
  },
  prefixPrompt: "어떤 사물을 사용할까요?(이름 접두사)",
  countPrompt: "몇 대의 차량을 연결할까요?",
  outcomePrompt: "차량이 명령에 어떻게 응답할까요?",
  ratePrompt: "작업의 몇 퍼센트를 성공시킬까요?",
  outcome: {
    succeed: "succeed: 명령을 실행",
    fail: "fail: 차량이 댈 법한 이유로 거부",
    ignore: "ignore: 응답하지 않음(실행은 시간 초과)",
  },
  badCount: "{{value}}은(는) 차량 대수가 아닙니다(1-100000)",
  badRate: "{{value}}은(는) 백분율이 아닙니다(0-100)",
  badSeconds: "{{value}}은(는) 초 단위 숫자가 아닙니다",
  badOutcome: "{{value}}은(는) 응답 방식이 아닙니다. {{values}} 중 하나를 사용하세요",
  badPrefix: "{{value}}은(는) 사물 접두사로 쓸 수 없습니다(영문자, 숫자, _ : -, 최대 20자)",
  noBroker: "{{target}}에는 연결할 MQTT 브로커가 없습니다",
  unknownThings: "존재하지 않는 사물이 있습니다: {{names}}",
  noThings:
    "일치하는 사물이 없습니다. 먼저 플릿을 프로비저닝하거나(iotdm provision) --things로 사물을 지정하세요",
  progress: {
    issuing: "디바이스 인증서 발급 중",
    connecting: "차량 연결 중",
  },
  connected_one: "✅ 차량 {{total}}대 중 {{count}}대가 {{url}}에 연결되었습니다",
  connected_other: "✅ 차량 {{total}}대 중 {{count}}대가 {{url}}에 연결되었습니다",
  runningFor: "차량은 {{seconds}}초 동안 연결을 유지합니다(더 일찍 멈추려면 Ctrl-C).",
  runningUntilStopped: "Ctrl-C를 누를 때까지 차량이 연결을 유지합니다.",
  event: {
    command: {
      succeeded: "📥 {{thing}}: 명령 {{action}}({{id}}) 실행 완료",
      failed: "📥 {{thing}}: 명령 {{action}}({{id}}) 거부",
      ignored: "📥 {{thing}}: 명령 {{action}}({{id}}) 수신, 응답하지 않음",
    },
    jobSucceeded: "📦 {{thing}}: 작업 {{job}} 설치 완료({{bytes}}바이트 다운로드)",
    jobFailed: "📦 {{thing}}: 작업 {{job}} 실패",
    battery: "🔋 {{thing}}: 배터리 잔량 {{level}}% 보고",
    problem: "⚠️ {{thing}}: {{what}}",
  },
  summary:
    "🏁 차량 {{devices}}대 중 {{connected}}대가 {{seconds}}초 동안 동작했습니다(연결 {{connectSeconds}}초, 새 인증서 {{issued}}개). " +
    "명령: 실행 {{commandsSucceeded}}, 거부 {{commandsFailed}}, 무응답 {{commandsIgnored}}. " +
    "작업: 성공 {{jobsSucceeded}}, 실패 {{jobsFailed}}. 배터리 보고: {{battery}}건.",
  problemLine: "   {{thing}}: {{what}}",
  next: "명령을 보내려면: {{command}}",
  tour: {
    step: "🚗 실제로 연결되는 차량과 명령",
    indexed_one: "🔎 플릿 인덱스에서 {{count}}대가 연결됨으로 보입니다(connectivity.connected:true)",
    indexed_other: "🔎 플릿 인덱스에서 {{count}}대가 연결됨으로 보입니다(connectivity.connected:true)",
    status: "   {{thing}}: {{status}}",
    notStarted: "   {{thing}}: 명령을 시작하지 못했습니다: {{error}}",
    disconnected: "🔌 차량이 오프라인이 되었습니다. 플릿 인덱스의 연결 수는 이제 {{count}}대입니다",
    learn: {
      title: "명령은 지금 도착하거나, 아예 도착하지 않는다",
      body:
        "작업은 디바이스가 돌아올 때까지 기다리지만 명령은 기다리지 않습니다. 이제 차량 몇 대가 각자의 인증서로 MQTT에\n" +
        "연결하고 명령 토픽을 구독합니다. 그다음 첫 번째 차량에 잠금 명령을 보냅니다. AWS IoT는 페이로드를\n" +
        "$aws/commands/things/<차량>/executions/<id>/request/json에 게시하고, 차량은 응답 토픽으로 답하며, 실행은\n" +
        "CREATED → SUCCEEDED로 진행됩니다. 나중에 iotdm device와 iotdm commands로 직접 해 보세요.",
    },
  },
  learn: {
    certificates: {
      title: "모든 차량에는 신원이 있다",
      body:
        "디바이스는 자신의 X.509 인증서로 신원을 증명합니다. iotdm은 이 컴퓨터에서 차량마다 키를 만들고, AWS IoT에\n" +
        "인증서 서명을 요청하며(CreateCertificateFromCsr: 개인 키는 밖으로 나가지 않습니다), 인증서를 사물에 연결합니다.\n" +
        "그리고 ${iot:Connection.Thing.ThingName} 변수로 각 차량이 자기 토픽만 쓸 수 있게 하는 정책 하나를 연결합니다.\n" +
        "차량은 사물 이름을 클라이언트 ID로 삼아 연결하고, AWS IoT는 그 차량을 해당 사물로 인식하며, 플릿 인덱스에는\n" +
        "연결됨으로 표시됩니다.",
    },
  },
} satisfies Translation<Catalog["device"]>;
