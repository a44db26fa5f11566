import type { ChangedFile, FlakyIssue } from "../model/pull-request-facts.js";
import { extractTestReferences } from "./extract-test-references.js";

/** A test file a PR changes that one or more open flaky issues mention. */
export interface FlakyTestChange {
  /** The file's path after the PR. */
  filename: string;
  /** The path before a rename, when the PR renamed the file. */
  previousFilename?: string;
  /** True when the PR deletes the file (it has no line to annotate). */
  removed: boolean;
  /** Open flaky issues that mention the file (by its path before or after the PR), ascending. */
  issues: number[];
}

/**
 * Which of a PR's changed files open flaky issues report as flaky.
 *
 * Each issue's title and body go through {@link extractTestReferences} with
 * `testGlobs`; a changed file matches when its path, or its path before a
 * rename, equals one of the extracted paths exactly (a bare file name such as
 * `cache.test.ts` in an issue does not match `test/cache.test.ts`).
 *
 * @param files the PR's changed files
 * @param issues open flaky issues (`facts.flakyIssues`)
 * @param testGlobs `config.tests.tests`
 * @returns one entry per matching file, in the order of `files`
 */
export function detectFlakyTestsChanged(files: ChangedFile[], issues: FlakyIssue[], testGlobs: string[]): FlakyTestChange[] {
  const mentions = issues.map((issue) => ({
    number: issue.number,
    paths: new Set(extractTestReferences(`${issue.title}\n${issue.body}`, testGlobs).paths),
  }));
  const changes: FlakyTestChange[] = [];
  for (const file of files) {
    const matching = mentions
      .filter(({ paths }) => paths.has(file.filename) || (file.previousFilename !== undefined && paths.has(file.previousFilename)))
      .map(({ number }) => number)
      .sort((a, b) => a - b);
    if (matching.length === 0) continue;
    changes.push({
      filename: file.filename,
      ...(file.previousFilename !== undefined && file.previousFilename !== file.filename
        ? { previousFilename: file.previousFilename }
        : {}),
      removed: file.status === "removed",
      issues: [...new Set(matching)],
    });
  }
  return changes;
}
