import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../src/config/schema.js";
import { extractTestReferences } from "../../../src/flaky/extract-test-references.js";

const globs = DEFAULT_CONFIG.tests.tests;

describe("extractTestReferences: paths", () => {
  it.each([
    ["a bare path", "cache fails in test/widgets/cache.test.ts sometimes", ["test/widgets/cache.test.ts"]],
    ["a backticked path", "Flaky: `test/widgets/cache.test.ts`", ["test/widgets/cache.test.ts"]],
    ["a path with line and column", "at test/widgets/cache.test.ts:42:7", ["test/widgets/cache.test.ts"]],
    ["a path ending a sentence", "It is test/widgets/cache.test.ts.", ["test/widgets/cache.test.ts"]],
    ["a leading ./", "see ./spec/models/user_spec.rb", ["spec/models/user_spec.rb"]],
    ["a Go test", "pkg/cache/cache_test.go flakes", ["pkg/cache/cache_test.go"]],
    ["a __tests__ path", "src/__tests__/cache.ts fails", ["src/__tests__/cache.ts"]],
    ["a dot directory (dot: true)", "`.github/scripts/check.test.js`", [".github/scripts/check.test.js"]],
    ["a bare file name matching **/*.test.*", "cache.test.ts is flaky", ["cache.test.ts"]],
    [
      "a GitHub blob URL with a line anchor",
      "https://github.com/acme/widgets/blob/main/test/widgets/cache.test.ts#L10",
      ["test/widgets/cache.test.ts"],
    ],
    [
      "a blob URL at a commit SHA, inside a markdown link",
      "[here](https://github.com/acme/widgets/blob/0123456789abcdef0123456789abcdef01234567/test/x.test.ts?plain=1#L3-L9)",
      ["test/x.test.ts"],
    ],
    [
      "a blob URL on a branch with a slash",
      "https://github.com/acme/widgets/blob/feature/cache/test/x.test.ts",
      ["test/x.test.ts"],
    ],
    ["a percent-encoded blob URL", "https://github.com/acme/widgets/blob/main/test/my%20cache.test.ts", ["test/my cache.test.ts"]],
    [
      "a path inside a fenced stack trace",
      "```\nFAIL test/widgets/cache.test.ts > cache > expires entries\n```",
      ["test/widgets/cache.test.ts"],
    ],
  ])("finds %s", (_case, text, paths) => {
    expect(extractTestReferences(text, globs).paths).toEqual(paths);
  });

  it.each([
    ["source files", "The bug is in src/widgets/cache.ts"],
    ["a CI run URL", "https://github.com/acme/widgets/actions/runs/123456/job/789"],
    ["a blob URL to a source file", "https://github.com/acme/widgets/blob/main/src/cache.ts#L4"],
    ["a test directory without a file", "everything under test/widgets/ flakes"],
    ["plain prose", "The cache test fails about once a day."],
    ["empty text", ""],
  ])("finds no path in %s", (_case, text) => {
    expect(extractTestReferences(text, globs).paths).toEqual([]);
  });

  it("deduplicates and keeps the order of first appearance across forms", () => {
    const text = [
      "Flaky: `test/b.test.ts`",
      "Also https://github.com/acme/widgets/blob/main/test/a.test.ts#L1 and test/b.test.ts:3",
      "[test/a.test.ts](https://github.com/acme/widgets/blob/main/test/a.test.ts)",
    ].join("\n");
    expect(extractTestReferences(text, globs).paths).toEqual(["test/b.test.ts", "test/a.test.ts"]);
  });

  it("keeps an absolute CI path as found: it cannot be told apart from a repository path", () => {
    const text = "at (/home/runner/work/widgets/widgets/test/x.test.ts:31:5)";
    expect(extractTestReferences(text, globs).paths).toEqual(["home/runner/work/widgets/widgets/test/x.test.ts"]);
  });

  it("uses the configured globs, not the defaults", () => {
    const text = "e2e/login.cy.ts and test/unit/login.test.ts";
    expect(extractTestReferences(text, ["e2e/**"]).paths).toEqual(["e2e/login.cy.ts"]);
  });
});

describe("extractTestReferences: names", () => {
  it.each([
    ["a backticked name", "`expires entries` fails on CI", ["expires entries"]],
    ["a quoted name after ›", 'test/widgets/cache.test.ts › "expires entries"', ["expires entries"]],
    ["curly quotes after ›", "cache › “expires entries”", ["expires entries"]],
    ["a nested describe chain", 'cache › "ttl" › "expires entries"', ["ttl", "expires entries"]],
    ["a backticked identifier", "`CacheSpec#expiresEntries` flakes", ["CacheSpec#expiresEntries"]],
  ])("finds %s", (_case, text, names) => {
    expect(extractTestReferences(text, globs).names).toEqual(names);
  });

  it.each([
    ["a backticked test path", "`test/widgets/cache.test.ts`"],
    ["a backticked source path", "`src/widgets/cache.ts`"],
    ["a backticked file name", "`package.json`"],
    ["a backticked path with a line", "`test/x.test.ts:12`"],
    ["a backticked URL", "`https://github.com/acme/widgets/actions/runs/1`"],
    ["code in a fenced block", "```js\nit(`expires entries`, () => {});\n```"],
    ["a quoted word without ›", 'it says "expires entries"'],
    ["no backticks at all", "The cache test is flaky."],
  ])("finds no name in %s", (_case, text) => {
    expect(extractTestReferences(text, globs).names).toEqual([]);
  });

  it("reads a realistic issue: title, body with a run link, a stack trace and a name", () => {
    const title = "Flaky: cache › `expires entries`";
    const body = [
      "Fails about 1 in 20 runs: https://github.com/acme/widgets/actions/runs/42",
      "",
      "```",
      "FAIL  test/widgets/cache.test.ts",
      "  ● cache › expires entries",
      "    at Object.<anonymous> (test/widgets/cache.test.ts:31:5)",
      "```",
      "",
      "Maybe related to `useFakeTimers`, see also test/widgets/store.test.ts.",
    ].join("\n");
    expect(extractTestReferences(`${title}\n${body}`, globs)).toEqual({
      paths: ["test/widgets/cache.test.ts", "test/widgets/store.test.ts"],
      names: ["expires entries", "useFakeTimers"],
    });
  });
});
