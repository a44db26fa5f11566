import { defineConfig } from "vitest/config";

// Unit tests are pure (plain data in, plain data out), so they share one module
// graph in worker threads: the suite's time goes to tests, not to starting
// processes and importing Probot again per file. Integration tests start
// servers, child processes and nock scopes, so each file keeps its own process.
export default defineConfig({
  test: {
    setupFiles: ["test/helpers/setup.ts"],
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"], pool: "threads", isolate: false } },
      { extends: true, test: { name: "integration", include: ["test/integration/**/*.test.ts", "test/fuzz/**/*.test.ts"], pool: "forks" } },
    ],
  },
});
