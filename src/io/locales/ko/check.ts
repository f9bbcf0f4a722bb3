import type { Catalog, Translation } from "../../message-keys.js";

export default {
  description: "프로젝트 자체 점검: 타입, lint, 포맷, 메시지 카탈로그",
  passed: "✅ {{name}}: 통과",
  failed: "❌ {{name}}: 문제가 있습니다",
  needsCheckout: "iotdm check는 개발 의존성을 설치한 iotdm 체크아웃에서 실행합니다(npm install)",
} satisfies Translation<Catalog["check"]>;
