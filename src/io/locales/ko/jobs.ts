import type { Catalog, Translation } from "../../message-keys.js";

export default {
  simulate: {
    progress: "📱 디바이스",
    downloaded: "   📦 {{thing}}: 펌웨어를 다운로드했습니다({{bytes}}바이트)",
    downloadFailed: "   ⚠️ {{thing}}: 펌웨어 다운로드에 실패했습니다(HTTP {{status}}, {{bytes}}바이트)",
    reported: "   {{thing}}: {{status}}을(를) 보고했습니다",
  },
} satisfies Translation<Catalog["jobs"]>;
