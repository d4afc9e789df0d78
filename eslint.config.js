import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", ".build/", "node_modules/", "coverage/"] },
  { files: ["scripts/**/*.mjs"], languageOptions: { globals: globals.node } },
  { files: ["**/*.cjs"], languageOptions: { sourceType: "commonjs", globals: globals.node } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@octokit/*", "probot"],
              allowTypeImports: true,
              message: "Only src/github (and the entry points) talk to GitHub.",
            },
          ],
        },
      ],
    },
  },
  {
    // Trust is decided in one place: a case block is read for acting on only through readTrustedCase.
    files: ["src/**/*.ts"],
    ignores: ["src/github/case-trust.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/case-record.js"],
              importNames: ["readCaseBlock"],
              message: "Read case blocks with readTrustedCase (src/github/case-trust.ts): only it knows whether the app wrote them.",
            },
          ],
        },
      ],
    },
  },
  {
    // Every GitHub call is made in src/github (docs/architecture.md).
    files: ["src/**/*.ts"],
    ignores: ["src/github/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name=/^(rest|paginate|graphql)$/]",
          message: "Only src/github calls GitHub: add a method to the gateway of that resource.",
        },
        {
          selector: "CallExpression > MemberExpression.callee[property.name='request']",
          message: "Only src/github calls GitHub: add a method to the gateway of that resource.",
        },
      ],
    },
  },
  {
    files: ["src/github/**", "src/server.ts", "src/cli/**", "test/**", "scripts/**", "bench/**", "demo/**"],
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
  },
);
