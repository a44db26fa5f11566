import type { Config } from "../config/schema.js";
import { createMatcher } from "../glob/match-globs.js";
import { generatedFileMatcher } from "../glob/generated-file-matcher.js";
import type { ChangedFile, PullRequestFacts } from "../model/pull-request-facts.js";
import type { RuleResult } from "../model/rule-result.js";
import { countOf } from "../text/count-of.js";
import type { Rule } from "./rule.js";

type SizeConfig = Config["size"];
type SizeVerdict = Omit<RuleResult, "id" | "agreement" | "level">;

/** How many of the biggest counted files a failing finding lists. */
export const BIGGEST_FILES_LISTED = 5;

/**
 * Small pull requests (rule id `size`, README `size`): a PR changes at most
 * `size.max_changed_lines` lines. Level `size.level` (default `notice`);
 * skipped by any label in `size.skip_labels`; bots skip (`evaluateRules`).
 */
export const sizeRule: Rule = {
  id: "size",
  agreement: "Small pull requests",
  level: (config) => config.size.level,
  skipLabels: (config) => config.size.skip_labels,
  evaluate: (facts, config) => evaluateSize(facts, config.size),
};

/** A PR's changed lines as the `size` rule counts them. */
export interface SizeCount {
  /** Additions plus deletions of the counted files. */
  lines: number;
  /** Files that count, biggest first (ties by path). */
  counted: ChangedFile[];
  /** Files left out: matching `size.ignore` or marked `linguist-generated` in `.gitattributes`. */
  leftOut: ChangedFile[];
}

/**
 * Count a PR's changed lines: additions plus deletions of every changed file
 * that matches no `size.ignore` glob and is not marked `linguist-generated`
 * in the root `.gitattributes` (`generatedFileMatcher`). Pure.
 *
 * @param files the PR's changed files
 * @param ignore `size.ignore` globs
 * @param gitAttributes the root `.gitattributes` text, or null/absent
 */
export function countChangedLines(
  files: readonly ChangedFile[],
  ignore: readonly string[],
  gitAttributes: string | null | undefined,
): SizeCount {
  const ignored = createMatcher(ignore);
  const generated = generatedFileMatcher(gitAttributes);
  const counted: ChangedFile[] = [];
  const leftOut: ChangedFile[] = [];
  for (const file of files) {
    if (ignored(file.filename) || generated(file.filename)) leftOut.push(file);
    else counted.push(file);
  }
  counted.sort((a, b) => changedLines(b) - changedLines(a) || (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0));
  return { lines: counted.reduce((sum, file) => sum + changedLines(file), 0), counted, leftOut };
}

/**
 * Judge one PR against the `size` agreement.
 *
 * - `skip` when no file changed, or when GitHub listed only part of the files
 *   (`filesTruncated`) and the part counted stays within the limit (the rest
 *   could change the answer).
 * - `pass` when the counted lines are at most `size.max_changed_lines`.
 * - `fail` above it, with one finding: the agreement, why it matters (review
 *   depth and turnaround), a question about splitting the change, the biggest
 *   counted files (at most {@link BIGGEST_FILES_LISTED}) and the first skip label.
 *
 * Output: status, a one-line table message (markdown) and findings. Pure.
 */
export function evaluateSize(facts: Pick<PullRequestFacts, "files" | "filesTruncated" | "gitAttributes">, size: SizeConfig): SizeVerdict {
  if (facts.files.length === 0) return { status: "skip", message: "No file changed.", findings: [] };
  const count = countChangedLines(facts.files, size.ignore, facts.gitAttributes);
  const limit = size.max_changed_lines;
  const leftOut = count.leftOut.length === 0 ? "" : `; ${countOf(count.leftOut.length, "generated or ignored file")} not counted`;
  const where = `${countOf(count.counted.length, "file")}${leftOut}`;

  if (count.lines <= limit) {
    if (facts.filesTruncated) {
      return {
        status: "skip",
        message: `GitHub listed only part of the files: ${countOf(count.lines, "changed line")} counted so far (limit: ${limit}).`,
        findings: [],
      };
    }
    return { status: "pass", message: `${countOf(count.lines, "changed line")} in ${where} (limit: ${limit}).`, findings: [] };
  }
  const atLeast = facts.filesTruncated ? "at least " : "";
  return {
    status: "fail",
    message: `${atLeast}${countOf(count.lines, "changed line")} in ${where}, above the limit of ${limit}.`,
    findings: [{ message: sizeFindingMessage(count, size, atLeast) }],
  };
}

function sizeFindingMessage(count: SizeCount, size: SizeConfig, atLeast: string): string {
  const biggest = count.counted.slice(0, BIGGEST_FILES_LISTED).map((file) => `- \`${file.filename}\`: ${countOf(changedLines(file), "line")}`);
  const more = count.counted.length - biggest.length;
  if (more > 0) biggest.push(`- and ${countOf(more, "more file")}`);
  const skipLabel = size.skip_labels[0];
  const escape =
    skipLabel === undefined
      ? "If this change cannot be split (a mechanical rename, say), a line in the description saying so helps reviewers plan their time."
      : `If this change cannot be split (a mechanical rename, say), add the \`${skipLabel}\` label and a line in the description saying why, so reviewers can plan their time.`;
  return [
    `This PR changes ${atLeast}${countOf(count.lines, "line")}; the team agreed to keep pull requests within ${countOf(size.max_changed_lines, "changed line")}. Small pull requests get reviewed sooner and more carefully: a reviewer can hold the whole change in mind, so feedback is deeper and turnaround shorter.`,
    "",
    "Could it be split, for example into a refactor PR and a behaviour PR? Which of the biggest files could go first on their own?",
    "",
    ...biggest,
    "",
    escape,
  ].join("\n");
}

function changedLines(file: ChangedFile): number {
  return file.additions + file.deletions;
}
