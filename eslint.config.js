import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", ".build/", "node_modules/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@octokit/*", "probot"], message: "Only src/github (and the entry points) talk to GitHub." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/github/**", "src/server.ts", "src/app.ts", "src/handlers/**", "src/cli/**", "test/**", "scripts/**", "bench/**"],
    rules: { "no-restricted-imports": "off" },
  },
);
