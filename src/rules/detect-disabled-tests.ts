import type { Config } from "../config/schema.js";
import type { PullRequestFacts } from "../model/pull-request-facts.js";
import { addedLines } from "./added-lines.js";
import { detectDisabledTestMarker, type DisabledTestMarker } from "./detect-disabled-test-marker.js";
import { parseIssueReferences } from "./parse-issue-references.js";
import { createMatcher } from "../glob/match-globs.js";

/** A test-disabling marker on an added line of the PR. */
export interface DisabledTest {
  path: string;
  /** 1-based line in the file after the change. */
  line: number;
  marker: DisabledTestMarker;
  /**
   * Issue numbers referenced on the line, on the added line just above it
   * (unless that line is a marker itself), then in the description; no duplicates.
   */
  references: number[];
  /** The first reference that is an open flaky-test issue, if any. */
  trackedBy?: number;
}

/**
 * Find the tests a PR disables and whether each is tracked.
 *
 * Scans the added lines of every changed file with a patch, except files
 * matching `tests.ignore` (Markdown, docs), for markers
 * ({@link detectDisabledTestMarker}). A marker is tracked when `#N`,
 * `owner/repo#N` or an issue URL of this repository appears on its line, on
 * the added line just above it (unless that line disables a test too), or in
 * the PR description, and N is one of `facts.flakyIssues` (the open issues
 * with `flaky.label`); `trackedBy` is the first such N.
 *
 * Input: the PR's files, body, repository and open flaky issues; the config's
 * `tests.ignore`.
 * Output: markers in file order, then line order. Pure.
 */
export function detectDisabledTests(
  facts: Pick<PullRequestFacts, "files" | "body" | "owner" | "repo" | "htmlUrl" | "flakyIssues">,
  tests: Pick<Config["tests"], "ignore">,
): DisabledTest[] {
  const isIgnored = createMatcher(tests.ignore);
  const open = new Set(facts.flakyIssues.map((issue) => issue.number));
  const bodyReferences = parseIssueReferences(facts.body, facts);
  const found: DisabledTest[] = [];
  for (const file of facts.files) {
    if (file.patch === undefined || isIgnored(file.filename)) continue;
    const lines = addedLines(file.patch);
    const textAt = new Map(lines.map((added) => [added.line, added.text]));
    for (const added of lines) {
      const marker = detectDisabledTestMarker(added.text);
      if (marker === undefined) continue;
      // The line above speaks for this marker only when it is not a marker itself
      // (`xit(...) // #12` followed by `xit(...)` tracks just the first).
      const aboveText = textAt.get(added.line - 1) ?? "";
      const above = detectDisabledTestMarker(aboveText) === undefined ? aboveText : "";
      const references = [
        ...new Set([
          ...parseIssueReferences(added.text, facts),
          ...parseIssueReferences(above, facts),
          ...bodyReferences,
        ]),
      ];
      const trackedBy = references.find((number) => open.has(number));
      found.push({
        path: file.filename,
        line: added.line,
        marker,
        references,
        ...(trackedBy === undefined ? {} : { trackedBy }),
      });
    }
  }
  return found;
}
