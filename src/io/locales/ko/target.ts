import type { Catalog, Translation } from "../../message-keys.js";

export default {
  opt: {
    aws: "실제 AWS를 대상으로 실행합니다(표준 자격 증명 체인: --profile, AWS_PROFILE, AWS_REGION 등)",
    profile: "--aws 또는 --endpoint-url에서 쓸 AWS 프로필",
    region: "AWS 리전",
    endpointUrl: "모든 호출을 이 AWS 호환 엔드포인트로 보냅니다(표준 자격 증명 체인)",
    sandboxPort: "사용할 로컬 샌드박스의 포트(기본 5566, 또는 IOTDM_SANDBOX_PORT)",
    sandboxDir: "사용할 로컬 샌드박스의 상태 디렉터리(또는 IOTDM_SANDBOX_DIR)",
  },
  summary: "📍 대상: {{target}}({{pacing}}) | 계정 {{account}} | 리전 {{region}}",
  paced: "AWS 기본 할당량에 맞춰 호출 속도 조절",
  unpaced: "호출 속도 조절 없음",
  confirmChanges: "계정 {{account}}, 리전 {{region}}에서 리소스를 만들거나 삭제합니다. 계속할까요?",
  badPort: "{{value}}은(는) TCP 포트 번호(1~65535)가 아닙니다",
  conflict: "{{flags}}은(는) 함께 쓸 수 없습니다. 대상을 하나만 고르세요",
  sandboxStarted:
    "🟢 {{endpoint}}에서 샌드박스를 시작했습니다(상태는 {{dataDir}}). `{{stop}}`(으)로 멈출 때까지 백그라운드에서 계속 실행됩니다.",
  portBusy:
    "{{host}}의 포트 {{port}}을(를) 다른 프로그램(iotdm 샌드박스가 아닌 것)이 쓰고 있습니다. 그 프로그램을 멈추거나 --sandbox-port로 다른 포트를 고르세요.",
  unreachable: "{{target}}에서 응답이 없습니다({{message}}). 네트워크 연결, 엔드포인트, 리전을 확인하세요.",
  noCredentials:
    "{{target}}에 보낼 호출에 서명할 AWS 자격 증명을 찾지 못했습니다({{message}}). `aws configure`를 실행하거나, AWS_ACCESS_KEY_ID와 AWS_SECRET_ACCESS_KEY를 설정하거나, --profile을 주세요.",
  credentialsRejected:
    "{{target}}이(가) 자격 증명을 거부했습니다({{code}}: {{message}}). `aws sts get-caller-identity`로 확인하거나 `aws configure`로 다시 설정하세요.",
  aws: {
    noRegion:
      "--aws에는 리전이 필요합니다. --region(예: --region us-east-1)을 주거나, AWS_REGION을 설정하거나, `aws configure`로 프로필에 리전을 지정하세요",
    noProfile:
      "AWS 프로필 {{profile}}이(가) {{files}}에 없습니다. `aws configure --profile {{profile}}`로 만들거나 --profile로 다른 프로필을 고르세요",
    noCredentials:
      "--aws에 쓸 AWS 자격 증명을 찾지 못했습니다. `aws configure`를 실행하거나, AWS_ACCESS_KEY_ID와 AWS_SECRET_ACCESS_KEY를 설정하거나, --profile을 주세요({{message}})",
  },
} satisfies Translation<Catalog["target"]>;
