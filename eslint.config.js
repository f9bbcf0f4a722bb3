// Lint: ESLint's and typescript-eslint's recommended rules (pure JS tools: they install from
// any npm registry mirror, unlike linters that ship per-platform binaries).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-control-regex": "off",
    },
  },
  // Layering (README "Architecture"): dependencies point down, cli -> workshop -> aws -> io and
  // common; src/aws reaches a sandbox only through its public control API (sandbox/control.ts);
  // the sandbox (protocol -> services -> storage) imports nothing of the client side.
  layer("src/sandbox/**", ["**/aws/**", "**/cli/**", "**/workshop/**", "**/io/**"]),
  layer("src/aws/**", ["**/cli/**", "**/workshop/**", "**/sandbox/**", "!**/sandbox/control.js"]),
  layer("src/workshop/**", ["**/cli/**", "**/sandbox/**"]),
  layer("src/io/**", ["**/cli/**", "**/workshop/**", "**/aws/**", "**/sandbox/**"]),
  layer("src/common/**", ["**/cli/**", "**/workshop/**", "**/aws/**", "**/sandbox/**", "**/io/**"]),
);

function layer(files, forbidden) {
  return {
    files: [files],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: forbidden, message: "this import points up or across the layers" }] },
      ],
    },
  };
}
