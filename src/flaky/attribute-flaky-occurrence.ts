import { createMatcher } from "../glob/match-globs.js";
import type { CheckAnnotationFact } from "../model/flaky-ci.js";

/**
 * Failing tests one occurrence is attributed to, at most. A run with more
 * failing tests than this broke as a whole (a crashed runner, a missing
 * service), so the occurrence goes to the check, not to each test.
 */
export const MAX_TESTS_PER_OCCURRENCE = 5;

/** Longest test name kept (characters); a longer title is cut with "…". */
const MAX_TEST_NAME_CHARS = 200;

/** A failing test named by an annotation. */
export interface FailingTest {
  /** The annotation's title (the name test reporters give), else `path:line`. */
  name: string;
  /** The test file, repository-relative. */
  path: string;
}

/**
 * The failing tests a failed run's annotations name (issue 14): annotations
 * at `failure` level on a file that matches the test globs (`tests.tests`),
 * as test reporters write them (Jest's and Vitest's GitHub Actions
 * reporters, JUnit report actions). GitHub Actions' own messages (on
 * `.github`, "Process completed with exit code 1") and findings on source
 * files are not tests. Each test is named by the annotation's title, or
 * `path:line` without one; names are kept once, in order.
 *
 * @param annotations the failed run's annotations
 * @param testGlobs `tests.tests`
 * @returns the tests, or an empty list when none is named or more than
 *   {@link MAX_TESTS_PER_OCCURRENCE} are (the occurrence is then the check's)
 */
export function attributeFlakyOccurrence(annotations: readonly CheckAnnotationFact[], testGlobs: readonly string[]): FailingTest[] {
  const isTest = createMatcher(testGlobs);
  const tests = new Map<string, FailingTest>();
  for (const annotation of annotations) {
    const path = annotation.path.replace(/^\.\//, "");
    if (annotation.level !== "failure" || !isTest(path)) continue;
    const title = oneLine(annotation.title ?? "");
    const name = title === "" ? `${path}:${annotation.startLine}` : title;
    if (!tests.has(name)) tests.set(name, { name, path });
  }
  return tests.size > MAX_TESTS_PER_OCCURRENCE ? [] : [...tests.values()];
}

/** Whitespace folded to single spaces, cut to {@link MAX_TEST_NAME_CHARS}. */
function oneLine(text: string): string {
  const folded = text.replace(/\s+/g, " ").trim();
  return folded.length > MAX_TEST_NAME_CHARS ? `${folded.slice(0, MAX_TEST_NAME_CHARS - 1)}…` : folded;
}
