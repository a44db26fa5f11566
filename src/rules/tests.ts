import type { Config } from "../config/schema.js";
import type { ChangedFile } from "../model/pull-request-facts.js";
import { addedLines } from "./added-lines.js";
import { annotationLevelFor } from "./annotation-level-for.js";
import { hasTestCounterpart } from "./has-test-counterpart.js";
import { createMatcher } from "../glob/match-globs.js";
import type { Rule } from "./rule.js";
import type { Annotation, Finding, RuleResult } from "../model/rule-result.js";
import { suggestTestPath } from "./suggest-test-path.js";
import { countOf } from "../text/count-of.js";

type TestsConfig = Config["tests"];
type TestsVerdict = Omit<RuleResult, "id" | "agreement" | "level">;

/** Title of the annotation on a source file changed without a test. */
export const CHANGED_WITHOUT_TEST_TITLE = "Changed without a test";

/**
 * The "Tests accompany code" agreement (README, `tests` config section).
 * Level `tests.level`; skipped by any label in `tests.skip_labels`.
 */
export const testsRule: Rule = {
  id: "tests",
  agreement: "Tests accompany code",
  level: (config) => config.tests.level,
  skipLabels: (config) => config.tests.skip_labels,
  evaluate: (facts, config) => evaluateTests(facts.files, config.tests, { filesTruncated: facts.filesTruncated }),
};

/** The changed files the `tests` rule judges, split by role. */
export interface ClassifiedFiles {
  /** Match `tests.source`, not `tests.ignore`, not `tests.tests`. In PR order. */
  source: ChangedFile[];
  /** Match `tests.tests`, not `tests.ignore`. In PR order. */
  tests: ChangedFile[];
}

/**
 * Split changed files into source and test files by the configured globs.
 * A test file under a source folder (`src/a.test.ts`) is a test, not source;
 * ignored files (`tests.ignore`, e.g. Markdown) are neither. Pure.
 */
export function classifyChangedFiles(
  files: readonly ChangedFile[],
  tests: Pick<TestsConfig, "source" | "tests" | "ignore">,
): ClassifiedFiles {
  const isSource = createMatcher(tests.source);
  const isTest = createMatcher(tests.tests);
  const isIgnored = createMatcher(tests.ignore);
  const result: ClassifiedFiles = { source: [], tests: [] };
  for (const file of files) {
    if (isIgnored(file.filename)) continue;
    if (isTest(file.filename)) result.tests.push(file);
    else if (isSource(file.filename)) result.source.push(file);
  }
  return result;
}

/**
 * Judge one PR's changed files against the `tests` agreement.
 *
 * - `skip` when source additions plus deletions (lines, summed over source
 *   files) stay below `tests.min_changed_lines`, or no source file changed.
 * - `pass` when any test file changed.
 * - `fail` otherwise. The first finding states the agreement, suggests a test
 *   for the most-changed source file that is not removed ({@link suggestTestPath})
 *   and names the first skip label. Every changed source file that is not
 *   removed and has no test counterpart ({@link hasTestCounterpart}) gets one
 *   annotation (level mapped from `tests.level`) at its first added line
 *   (line 1 when the patch is unknown): the suggested file's annotation rides
 *   on the first finding, each other file gets a one-line finding
 *   ("Also changed without a test: `path` (N lines).") carrying its own.
 *
 * Input: the PR's changed files, the `tests` config section, and whether
 * GitHub truncated the files list (3,000-file cap), which the finding mentions.
 * Output: status, one-line table message (markdown), findings. Pure.
 */
export function evaluateTests(
  files: readonly ChangedFile[],
  tests: TestsConfig,
  options: { filesTruncated?: boolean } = {},
): TestsVerdict {
  const classified = classifyChangedFiles(files, tests);
  const source = [...classified.source].sort(
    (a, b) => changedLines(b) - changedLines(a) || compareStrings(a.filename, b.filename),
  );
  const sourceLines = source.reduce((sum, file) => sum + changedLines(file), 0);
  const threshold = tests.min_changed_lines;

  if (source.length === 0 || sourceLines < threshold) {
    const detail =
      source.length === 0
        ? "no source file changed"
        : `${countOf(sourceLines, "line")} changed in ${countOf(source.length, "file")}`;
    return {
      status: "skip",
      message: `No source change reaches ${countOf(threshold, "changed line")} (${detail}).`,
      findings: [],
    };
  }

  const testFiles = classified.tests;
  if (testFiles.length > 0) {
    return {
      status: "pass",
      message: `${summarizePaths(source)} changed with tests (${summarizePaths(testFiles)}).`,
      findings: [],
    };
  }

  return {
    status: "fail",
    message: `${summarizePaths(source)} changed by ${countOf(sourceLines, "line")} with no test change.`,
    findings: failureFindings(source, testFiles, tests, options.filesTruncated === true),
  };
}

function failureFindings(
  source: readonly ChangedFile[],
  testFiles: readonly ChangedFile[],
  tests: TestsConfig,
  filesTruncated: boolean,
): Finding[] {
  const testPaths = testFiles.map((file) => file.filename);
  const level = annotationLevelFor(tests.level);
  const annotated = source.filter((file) => file.status !== "removed" && !hasTestCounterpart(file.filename, testPaths));
  const focus = source.find((file) => file.status !== "removed");

  const parts = ["The team agreed that code changes come with tests, so the next change here is safe to make."];
  if (focus) {
    const suggestion = suggestTestPath(focus.filename, tests);
    parts.push(
      suggestion === undefined
        ? `Could a test cover what changed in \`${focus.filename}\`?`
        : `Could a test in \`${suggestion}\` cover what changed in \`${focus.filename}\`?`,
    );
  } else {
    parts.push("Do the tests that covered the removed code need to change with it?");
  }
  const skipLabel = tests.skip_labels[0];
  parts.push(
    skipLabel === undefined
      ? "If this change needs no test (a pure refactor covered elsewhere, say), a line in the description saying why lets reviewers see the reasoning."
      : `If this change needs no test (a pure refactor covered elsewhere, say), add the \`${skipLabel}\` label and a line in the description saying why, so reviewers see the reasoning.`,
  );
  if (filesTruncated) {
    parts.push("GitHub listed only part of this PR's files, so a test change may be among the rest.");
  }

  const main: Finding = { message: parts.join(" ") };
  const findings: Finding[] = [main];
  for (const file of annotated) {
    const annotation = changedWithoutTestAnnotation(file, level);
    if (file === focus) main.annotation = annotation;
    else {
      findings.push({
        message: `Also changed without a test: \`${file.filename}\` (${countOf(changedLines(file), "line")}).`,
        annotation,
      });
    }
  }
  return findings;
}

function changedWithoutTestAnnotation(file: ChangedFile, level: Annotation["level"]): Annotation {
  const line = addedLines(file.patch)[0]?.line ?? 1;
  return {
    path: file.filename,
    startLine: line,
    endLine: line,
    level,
    title: CHANGED_WITHOUT_TEST_TITLE,
    message: "Changed without a test. Which test would fail if this change broke?",
  };
}

/** Code-unit order, the same on every machine (unlike `localeCompare`). */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function changedLines(file: ChangedFile): number {
  return file.additions + file.deletions;
}

/** "`a`", "`a` and `b`", "`a` and 2 more". */
function summarizePaths(files: readonly ChangedFile[]): string {
  const [first, second] = files;
  if (first === undefined) return "no file";
  if (files.length === 1) return `\`${first.filename}\``;
  if (files.length === 2 && second !== undefined) return `\`${first.filename}\` and \`${second.filename}\``;
  return `\`${first.filename}\` and ${files.length - 1} more`;
}

