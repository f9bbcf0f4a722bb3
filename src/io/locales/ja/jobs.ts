import type { Catalog, Translation } from "../../message-keys.js";

export default {
  simulate: {
    progress: "📱 デバイス",
    downloaded: "   📦 {{thing}}: ファームウェアをダウンロードしました({{bytes}} バイト)",
    downloadFailed:
      "   ⚠️ {{thing}}: ファームウェアのダウンロードに失敗しました(HTTP {{status}}、{{bytes}} バイト)",
    reported: "   {{thing}}: {{status}} を報告しました",
  },
} satisfies Translation<Catalog["jobs"]>;
