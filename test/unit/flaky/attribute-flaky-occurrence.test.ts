import { describe, expect, it } from "vitest";
import { attributeFlakyOccurrence, MAX_TESTS_PER_OCCURRENCE } from "../../../src/flaky/attribute-flaky-occurrence.js";
import { isIgnoredCheck } from "../../../src/flaky/is-ignored-check.js";
import { DEFAULT_CONFIG } from "../../../src/config/schema.js";
import type { CheckAnnotationFact } from "../../../src/model/flaky-ci.js";

const TEST_GLOBS = DEFAULT_CONFIG.tests.tests;

function annotation(overrides: Partial<CheckAnnotationFact> = {}): CheckAnnotationFact {
  return { path: "test/widgets/cache.test.ts", startLine: 31, level: "failure", title: "cache › expires entries", ...overrides };
}

describe("attributeFlakyOccurrence", () => {
  it("names a failing test by the annotation's title, with its file", () => {
    expect(attributeFlakyOccurrence([annotation()], TEST_GLOBS)).toEqual([{ name: "cache › expires entries", path: "test/widgets/cache.test.ts" }]);
  });

  it("names a test without a title by path and line", () => {
    expect(attributeFlakyOccurrence([annotation({ title: null }), annotation({ path: "./spec/b_spec.rb", title: "  ", startLine: 4 })], [...TEST_GLOBS])).toEqual([
      { name: "test/widgets/cache.test.ts:31", path: "test/widgets/cache.test.ts" },
      { name: "spec/b_spec.rb:4", path: "spec/b_spec.rb" },
    ]);
  });

  it("leaves out GitHub Actions' own messages, warnings and notices, and findings on source files", () => {
    const annotations = [
      annotation({ path: ".github", title: "", startLine: 1 }), // "Process completed with exit code 1."
      annotation({ level: "warning" }),
      annotation({ level: "notice" }),
      annotation({ path: "src/widgets/cache.ts", title: "TypeError" }),
    ];
    expect(attributeFlakyOccurrence(annotations, TEST_GLOBS)).toEqual([]);
  });

  it("keeps each test once, in order, with whitespace folded and long names cut", () => {
    const long = `a${" very".repeat(60)} long name`;
    const tests = attributeFlakyOccurrence(
      [annotation({ title: "cache\n  › expires entries" }), annotation(), annotation({ title: long, path: "test/b.test.ts" })],
      TEST_GLOBS,
    );
    expect(tests.map((test) => test.name.length)).toEqual(["cache › expires entries".length, 200]);
    expect(tests[1]?.name.endsWith("…")).toBe(true);
  });

  it(`more than ${MAX_TESTS_PER_OCCURRENCE} failing tests: the run broke as a whole, so none is named`, () => {
    const many = Array.from({ length: MAX_TESTS_PER_OCCURRENCE + 1 }, (_, index) => annotation({ title: `test ${index}` }));
    expect(attributeFlakyOccurrence(many.slice(0, MAX_TESTS_PER_OCCURRENCE), TEST_GLOBS)).toHaveLength(MAX_TESTS_PER_OCCURRENCE);
    expect(attributeFlakyOccurrence(many, TEST_GLOBS)).toEqual([]);
  });
});

describe("isIgnoredCheck", () => {
  it.each([
    [[], "unit-tests", false],
    [["deploy*"], "deploy (staging)", true],
    [["deploy*"], "unit-tests", false],
    [["*windows*"], "CI / test (windows-latest)", true],
    [["CI / lint"], "CI / lint", true],
    [["CI / *", "!CI / unit"], "CI / unit", false],
  ])("%j matches %j: %s", (globs, name, ignored) => {
    expect(isIgnoredCheck(name, globs)).toBe(ignored);
  });
});
