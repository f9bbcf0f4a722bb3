export default {
  opt: {
    aws: "실제 AWS를 대상으로 실행합니다(표준 자격 증명 체인: --profile, AWS_PROFILE, AWS_REGION 등)",
    profile: "--aws 또는 --endpoint-url에서 쓸 AWS 프로필",
    region: "AWS 리전",
    endpointUrl: "모든 호출을 이 AWS 호환 엔드포인트로 보냅니다(표준 자격 증명 체인)",
    sandboxPort: "사용할 로컬 샌드박스의 포트(기본 5566)",
    sandboxDir: "사용할 로컬 샌드박스의 상태 디렉터리",
  },
  summary: "📍 대상: {{target}} | 계정 {{account}} | 리전 {{region}}",
  confirmChanges: "계정 {{account}}, 리전 {{region}}에서 리소스를 만들거나 삭제합니다. 계속할까요?",
  badPort: "--sandbox-port에는 TCP 포트 번호를 지정하세요",
  awsAndEndpoint: "--aws와 --endpoint-url은 함께 쓸 수 없습니다",
};
