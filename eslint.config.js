import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "build-*/**",
      "node_modules/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      ".cache/**",
    ],
  },
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
    // app/domain/ holds the award's rules and is pure like scoring/: no database, no files, no server,
    // lib or route modules (they import the domain, never the reverse). Row types of db/schema may be
    // named with `import type`.
    files: ["app/domain/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: ["node:fs", "fs", "node:fs/promises", "fs/promises"],
          patterns: [
            {
              group: ["**/db/**"],
              allowTypeImports: true,
              message: "app/domain is pure: only types (import type) from db/.",
            },
            {
              group: [
                "*.server",
                "*.server.*",
                "~/lib/**",
                "~/routes/**",
                "~/components/**",
                "**/app/lib/**",
                "**/app/routes/**",
                "../lib/**",
                "../routes/**",
              ],
              message: "app/domain is pure: lib, routes and server modules import it, never the reverse.",
            },
          ],
        },
      ],
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
