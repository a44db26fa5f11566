import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../src/config/schema.js";
import { createMatcher } from "../../../src/glob/match-globs.js";

describe("createMatcher", () => {
  it.each([
    { globs: ["src/**"], path: "src/billing/invoice.ts", expected: true },
    { globs: ["src/**"], path: "lib/billing/invoice.ts", expected: false },
    { globs: ["src/**"], path: "src/.hidden/config.ts", expected: true },
    { globs: [".github/**"], path: ".github/workflows/ci.yml", expected: true },
    { globs: ["**/*.md"], path: "README.md", expected: true },
    { globs: ["**/*.md"], path: "docs/guide/setup.md", expected: true },
    { globs: ["**/*.test.*"], path: "src/a.test.ts", expected: true },
    { globs: ["**/*.test.*"], path: "src/attest.ts", expected: false },
    { globs: ["**/test_*.*"], path: "test_invoice.py", expected: true },
    { globs: ["**/*_test.*"], path: "pkg/billing/invoice_test.go", expected: true },
    { globs: ["**/__tests__/**"], path: "src/__tests__/invoice.ts", expected: true },
    { globs: ["src/**", "!src/generated/**"], path: "src/generated/api.ts", expected: false },
    { globs: ["src/**", "!src/generated/**"], path: "src/api.ts", expected: true },
    { globs: ["!src/generated/**"], path: "src/api.ts", expected: false },
    { globs: [], path: "src/api.ts", expected: false },
  ])("$globs on $path → $expected", ({ globs, path, expected }) => {
    expect(createMatcher(globs)(path)).toBe(expected);
  });

  it("matches the default test globs against typical test paths and nothing else", () => {
    const isTest = createMatcher(DEFAULT_CONFIG.tests.tests);
    const paths = [
      "test/unit/a.ts",
      "tests/test_a.py",
      "spec/a_spec.rb",
      "src/a.spec.ts",
      "app/x/__tests__/a.js",
      "src/a.ts",
      "src/latest.ts",
      "contest/a.ts",
    ];
    expect(paths.filter((path) => isTest(path))).toEqual([
      "test/unit/a.ts",
      "tests/test_a.py",
      "spec/a_spec.rb",
      "src/a.spec.ts",
      "app/x/__tests__/a.js",
    ]);
  });
});
