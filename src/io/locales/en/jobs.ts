export default {
  simulate: {
    progress: "📱 Devices",
    downloaded: "   📦 {{thing}}: firmware downloaded ({{bytes}} bytes)",
    downloadFailed: "   ⚠️ {{thing}}: the firmware download failed (HTTP {{status}}, {{bytes}} bytes)",
    reported: "   {{thing}}: reported {{status}}",
  },
};
