import { hiddenMarker } from "../text/hidden-marker.js";
import type { Config } from "../config/schema.js";
import { formatDays } from "../text/format-figures.js";
import type { FlakySummary } from "./summarize-flaky-issues.js";
import { joinWords } from "../text/join-words.js";

/**
 * Hidden marker in the checklist comment: the handler looks for it before
 * posting, so an issue gets the checklist once, whatever the redeliveries.
 */
export const FLAKY_CHECKLIST_MARKER = hiddenMarker("flaky-checklist");

/** What the checklist comment is rendered from. */
export interface FlakyChecklistInput {
  /** Open flaky issues in the repository, this one included (`summarizeFlakyIssues`). */
  summary: FlakySummary;
  /** The `flaky` config; `max_open` and `max_age_days` are quoted. */
  flaky: Config["flaky"];
  /** Test files the issue mentions that exist on the default branch, repository-relative. */
  existingTestFiles: string[];
  /** The repository's web address, e.g. `https://github.com/acme/widgets`. */
  repoUrl: string;
  /** The default branch, e.g. `main`; file links point there. */
  defaultBranch: string;
}

/**
 * The comment posted when an issue gets `flaky.label` (issue 4; voice from
 * the shared examples, "Comment when an issue is labelled flaky-test"):
 * thanks, a checklist of what makes a flaky test fixable (name and file, a
 * failing run and how often, a suspected cause, who will look), a link to
 * each test file the issue already names, the repository's open count and
 * oldest age against the team's limits, and {@link FLAKY_CHECKLIST_MARKER}
 * as the last line.
 *
 * @returns markdown for an issue comment
 */
export function renderFlakyChecklist(input: FlakyChecklistInput): string {
  const { summary, flaky } = input;
  const lines = [
    "Thanks for flagging this flaky test: a trusted build is worth it. To make it quick to fix, could you add:",
    `- [ ] the test's name and file (for example \`test/widgets/cache.test.ts\` › "expires entries")`,
    "- [ ] a link to a failing run, and roughly how often it fails",
    "- [ ] a suspected cause, if there is one (timing, ordering, shared state, network)",
    "- [ ] who will take a look (assign them)",
  ];
  if (input.existingTestFiles.length > 0) {
    lines.push("", mentionedFiles(input));
  }
  const standing = repositoryStanding(summary, flaky);
  if (standing !== "") lines.push("", standing);
  lines.push(FLAKY_CHECKLIST_MARKER);
  return lines.join("\n");
}

/** "This issue mentions `a` ([view](…)) and `b` ([view](…))." */
function mentionedFiles(input: FlakyChecklistInput): string {
  const base = input.repoUrl.replace(/\/+$/, "");
  const links = input.existingTestFiles.map(
    (path) => `\`${path}\` ([view](${base}/blob/${encodePath(input.defaultBranch)}/${encodePath(path)}))`,
  );
  const list = joinWords(links);
  return `This issue mentions ${list}.`;
}

/** The repository's open flaky tests and the oldest one against the team's limits; "" when none is open. */
function repositoryStanding(summary: FlakySummary, flaky: FlakyChecklistInput["flaky"]): string {
  if (summary.open === 0 || summary.oldest === null) return "";
  if (summary.open === 1) return "This is the only open flaky test in this repository.";
  const countLimit = summary.overLimit ? ` (the team's limit is ${flaky.max_open})` : "";
  return (
    `This repository has ${summary.open} open flaky tests${countLimit}; ` +
    `the oldest has been open ${formatDays(summary.oldest.ageDays)} (the team's limit is ${formatDays(flaky.max_age_days)}).`
  );
}

/** Encode each path segment for a URL, keeping the slashes. */
function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}
