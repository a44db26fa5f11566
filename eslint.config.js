// @ts-check
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

/**
 * The layers of src/, lowest first (README, "How it works"). A folder may
 * import from folders before it in its own list, never from one after it:
 * that keeps the pure core free of GitHub and makes a cycle between folders
 * impossible. Within a folder, import-x/no-cycle catches file-level cycles.
 *
 * - core: plain data and pure functions (rules, metrics, renderers, clocks);
 *   no Octokit, no Probot, no network, no clock of its own.
 * - github: adapters that READ GitHub into model types.
 * - publish: every WRITE to GitHub.
 * - pipelines: named stages (gather -> evaluate -> render -> publish).
 * - shell: scheduling, the server's process concerns, the CLI and the entry points.
 */
const CORE = ["model", "text", "glob", "cache", "time", "config", "review", "flaky", "rules", "check-run", "report", "backtest"];
const LAYERS = [...CORE, "github", "publish", "pipelines", "queue", "server", "schedule", "cli", "action"];
const ENTRY_POINTS = ["./src/index.ts", "./src/cli.ts", "./src/action.ts"];

/** One no-restricted-paths zone per folder: nothing from the folders above it, or from the entry points. */
const layerZones = LAYERS.map((folder, index) => ({
  target: `./src/${folder}`,
  from: [...LAYERS.slice(index + 1).map((above) => `./src/${above}`), ...ENTRY_POINTS],
  message: `src/${folder} may only import from the layers below it (${LAYERS.slice(0, index).join(", ") || "none"}); see README "How it works".`,
}));

/** HTTP methods that change something at GitHub: only src/publish/ sends them. */
const WRITE_ROUTE = "/^(POST|PATCH|PUT|DELETE) \\//";

export default tseslint.config(
  { ignores: ["lib/**", "build/**", "coverage/**", "node_modules/**", "schema/**", "dist/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly", URL: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": ["error", { allow: ["error"] }],
    },
  },
  {
    files: ["src/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      // No-cycle parses the files it follows: it must know .ts files and the TypeScript parser.
      "import-x/extensions": [".ts", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": ["error", { zones: layerZones }],
      "max-lines": ["error", { max: 300, skipBlankLines: false, skipComments: false }],
      "no-restricted-syntax": [
        "error",
        {
          selector: `Literal[value=${WRITE_ROUTE}]`,
          message: "Only src/publish/ writes to GitHub: move this request into a publisher.",
        },
      ],
    },
  },
  {
    files: CORE.map((folder) => `src/${folder}/**/*.ts`),
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["probot", "probot/*", "@octokit/*", "ioredis", "bullmq", "node:http", "node:https", "node:net"], message: "The pure core never talks to GitHub or the network: take plain data instead." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/publish/**/*.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["src/cli.ts", "src/cli/**", "bench/**", "tools/**"],
    rules: { "no-console": "off" },
  },
);
