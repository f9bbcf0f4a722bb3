export default {
  description: "Self-check of the project: types, lint, formatting, message catalogs",
  passed: "✅ {{name}}: passed",
  failed: "❌ {{name}}: problems found",
  needsCheckout: "iotdm check runs in a checkout of iotdm with its dev dependencies (npm install)",
};
