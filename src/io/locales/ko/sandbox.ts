import type { Catalog, Translation } from "../../message-keys.js";

export default {
  description: "로컬 AWS 샌드박스(IoT, 섀도우, 작업 데이터 플레인, S3, IAM, STS)를 실행합니다",
  start: {
    description: "샌드박스를 백그라운드에서 시작합니다",
  },
  serve: {
    description: "샌드박스를 포그라운드에서 실행합니다(Ctrl-C로 중지)",
  },
  stop: {
    description: "샌드박스를 중지합니다",
  },
  status: {
    description: "샌드박스가 실행 중인지, 어디에서 실행 중인지 보여줍니다",
  },
  reset: {
    description: "샌드박스가 가진 모든 리소스를 삭제합니다",
  },
  env: {
    description: "AWS 도구가 샌드박스를 가리키도록 하는 셸 export를 출력합니다",
  },
  clock: {
    description: "샌드박스 시계를 앞으로 돌립니다(사물 유형 삭제처럼 기다려야 하는 규칙용)",
  },
  opt: {
    port: "인스턴스의 TCP 포트(기본 5566, 또는 IOTDM_SANDBOX_PORT)",
    dataDir: "인스턴스의 상태 디렉터리(기본값: ~/.iotdm/sandbox/<port>, 또는 IOTDM_SANDBOX_DIR)",
    host: "수신 대기할 주소",
    noAuth: "SigV4 서명을 검증하지 않고 요청을 받습니다",
    throttle: "요청 속도 제한: off, 또는 AWS 기본 할당량을 쓰는 aws",
    failRate: "내부 오류로 응답할 호출의 비율(0..1)",
    failMode:
      "주입한 실패를 언제 돌려줄지: 호출 실행 전(기본값), 실행하여 반영된 후(after), 또는 둘 중 무작위(both)",
    account: "12자리 계정 ID",
    region: "기본 리전",
    advance: "시계를 앞당길 초",
    typeDeletionDelay: "사물 유형을 사용 중단한 뒤 삭제할 수 있을 때까지의 초(AWS: 300)",
    indexBuildDelay: "새 인덱스나 동적 그룹이 BUILDING 상태로 있는 초(기본 0)",
    jobDeletionDelay: "삭제한 작업이 사라지기 전까지 DELETION_IN_PROGRESS 상태로 남는 초(기본 0)",
    showSecret: "--json 출력에 비밀 액세스 키를 포함합니다",
    mqttPort: "MQTT 브로커의 포트(기본값: HTTP 포트 + 1, 사용 중이면 비어 있는 포트, 0이면 아무 포트)",
  },
  started:
    "샌드박스가 http://{{host}}:{{port}}에서 실행 중입니다(pid {{pid}}). 상태는 {{dataDir}}에 있습니다. 멈추려면 `{{stop}}`을(를) 실행하세요",
  alreadyRunning: "샌드박스가 이미 http://{{host}}:{{port}}에서 실행 중입니다(pid {{pid}})",
  listening:
    "샌드박스가 http://{{host}}:{{port}}에서 수신 대기 중입니다. 상태는 {{dataDir}}. Ctrl-C로 중지합니다.",
  stopped: "포트 {{port}}의 샌드박스를 중지했습니다",
  notRunning: "포트 {{port}}에서 실행 중인 샌드박스가 없습니다(상태 디렉터리 {{dataDir}})",
  resetDone: "포트 {{port}}의 샌드박스를 비웠습니다",
  clockNow: "샌드박스 시계: {{now}}(오프셋 {{offset}}초)",
  startFailed: "샌드박스가 시작되지 않았습니다: {{message}}",
  statusLine:
    "샌드박스가 http://{{host}}:{{port}}에서 실행 중(pid {{pid}}), 계정 {{accountId}}, 리전 {{region}}, 인증 {{auth}}, 스로틀링 {{throttle}}, 상태는 {{dataDir}}",
  mqttLine:
    "MQTT 브로커 주소는 {{url}}입니다. 클라이언트는 {{caFile}}의 CA를 신뢰하고 iot:Connect를 허용하는 정책이 연결된 ACTIVE 상태의 디바이스 인증서로 접속합니다",
  mqttPlainLine:
    "MQTT 브로커 주소는 {{url}}입니다(인증이 꺼진 평문 MQTT로, 어떤 클라이언트든 접속할 수 있습니다)",
  badMqttPort: "--mqtt-port에는 0에서 65535 사이의 포트 번호를 지정하세요",
  badFailRate: "--fail-rate에는 0에서 1 사이의 숫자를 지정하세요",
  badFailMode: "--fail-mode에는 before, after, both 중 하나를 지정하세요",
  badThrottle: "--throttle에는 off 또는 aws를 지정하세요",
  badDelay: "지연에는 0 이상의 초를 지정하세요",
  badAdvance: "--advance에는 초 단위 숫자를 지정하세요(입력값: {{value}})",
  exposedHost:
    "경고: 샌드박스가 {{host}}에서 수신 대기 중이라 다른 컴퓨터에서도 접근할 수 있습니다. 자격 증명(iotdm sandbox env)을 아는 사람은 누구나 호출할 수 있으니 인증을 켜 둔 채로 두고, 신뢰할 수 없는 네트워크에는 포트를 열지 마세요.",
  noAuthExposed:
    "--host {{host}}와 --no-auth는 함께 쓸 수 없습니다: 서명을 확인하지 않는 샌드박스에 다른 컴퓨터가 접근할 수 있게 됩니다. 인증을 끄려면 127.0.0.1에서 수신 대기하세요.",
  logs: {
    description: "샌드박스가 응답한 API 호출을 보여 줍니다(-f는 Ctrl-C까지 새 호출을 계속 따라갑니다)",
    opt: {
      follow: "Ctrl-C를 누를 때까지 도착하는 호출을 계속 출력",
      lines: "처음에 보여 줄 최근 호출의 수(기본 100)",
    },
    column: {
      time: "시각",
      service: "서비스",
      operation: "작업",
      status: "상태",
      latency: "밀리초",
      error: "오류",
      requestId: "요청 ID",
    },
    badLines: "--lines에는 0 이상의 정수를 지정하세요",
  },
} satisfies Translation<Catalog["sandbox"]>;
