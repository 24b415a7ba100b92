import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["build/**", "build-*/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // scoring/ is pure: it must not reach into the app or the database layer.
    files: ["scoring/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["~/*", "**/app/**", "**/db/**", "node:fs", "fs"] }],
    },
  },
  {
    // Migrations are frozen in time and typed against Kysely<any> on purpose (Kysely's advice).
    files: ["db/migrations/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["scoring/cli.ts"],
    rules: { "no-restricted-imports": "off" },
  },
);
