import type { Catalog, Translation } from "../../message-keys.js";

export default {
  description: "プロジェクトの自己チェック: 型、lint、フォーマット、メッセージカタログ",
  passed: "✅ {{name}}: 合格",
  failed: "❌ {{name}}: 問題があります",
  needsCheckout: "iotdm check は開発用依存関係を入れた iotdm のチェックアウトで実行します(npm install)",
} satisfies Translation<Catalog["check"]>;
