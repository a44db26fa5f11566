import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type Config } from "../../../src/config/schema.js";
import { suggestTestPath } from "../../../src/rules/suggest-test-path.js";

const defaults = DEFAULT_CONFIG.tests;

function globs(overrides: Partial<Pick<Config["tests"], "source" | "tests" | "ignore">>) {
  return { source: defaults.source, tests: defaults.tests, ignore: defaults.ignore, ...overrides };
}

describe("suggestTestPath", () => {
  it.each([
    { name: "TypeScript under src/", source: "src/billing/invoice.ts", config: defaults, expected: "test/billing/invoice.test.ts" },
    { name: "a file at the source root", source: "src/index.ts", config: defaults, expected: "test/index.test.ts" },
    { name: "Go beside the package", source: "internal/db/pool.go", config: defaults, expected: "internal/db/pool_test.go" },
    { name: "Python in tests/", source: "app/billing/invoice.py", config: defaults, expected: "tests/billing/test_invoice.py" },
    { name: "Ruby in spec/", source: "lib/billing/invoice.rb", config: defaults, expected: "spec/billing/invoice_spec.rb" },
    {
      name: "Java in the Maven layout when the globs count it",
      source: "src/main/java/com/acme/Invoice.java",
      config: globs({ tests: ["src/test/**"] }),
      expected: "src/test/java/com/acme/InvoiceTest.java",
    },
    {
      name: ".spec beside the source when only *.spec.* is a test",
      source: "src/billing/invoice.ts",
      config: globs({ tests: ["**/*.spec.ts"] }),
      expected: "src/billing/invoice.spec.ts",
    },
    {
      name: "__tests__ beside the source when only that folder is a test",
      source: "src/billing/invoice.ts",
      config: globs({ tests: ["**/__tests__/**"] }),
      expected: "src/billing/__tests__/invoice.test.ts",
    },
    {
      name: "Python beside the source when only test_*.py is a test",
      source: "app/billing/invoice.py",
      config: globs({ tests: ["**/test_*.py"] }),
      expected: "app/billing/test_invoice.py",
    },
    {
      name: "a source glob with no static folder keeps the whole path",
      source: "billing/invoice.ts",
      config: globs({ source: ["**/*.ts"] }),
      expected: "test/billing/invoice.test.ts",
    },
    {
      name: "no candidate is a test",
      source: "src/a.ts",
      config: globs({ tests: ["checks/**/*.check.ts"] }),
      expected: undefined,
    },
    {
      name: "candidates in ignored folders are left out",
      source: "src/a.ts",
      config: globs({ tests: ["test/**", "**/*.spec.*"], ignore: ["test/**"] }),
      expected: "src/a.spec.ts",
    },
  ])("$name: $source → $expected", ({ source, config, expected }) => {
    expect(suggestTestPath(source, config)).toBe(expected);
  });
});
