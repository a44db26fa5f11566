import type { Config } from "../config/schema.js";
import type { PullRequestFacts } from "../model/pull-request-facts.js";
import { detectFlakyTestsChanged, type FlakyTestChange } from "../flaky/detect-flaky-tests-changed.js";
import { formatDays } from "../text/format-figures.js";
import { formatIssueList } from "../flaky/format-issue-list.js";
import { saysClosesIssue } from "../flaky/says-closes-issue.js";
import { summarizeFlakyIssues, type FlakySummary } from "../flaky/summarize-flaky-issues.js";
import type { Rule } from "./rule.js";
import type { Finding, RuleResult } from "../model/rule-result.js";

/** Why the agreement exists, said once in the team-level note. */
const WHY =
  "Flaky tests that linger teach everyone to ignore a red build, so the team agreed to keep them few, owned and short-lived.";

/**
 * The `flaky` rule: "Flaky tests are owned" (issue 4, README "Configuration").
 *
 * Policy, over `facts.flakyIssues` (open issues with `flaky.label`, read as
 * given) at `facts.now`, against the `flaky` config:
 * - more open flaky tests than `max_open`;
 * - any older than `max_age_days` (from `labeledAt ?? createdAt`, wall-clock
 *   days, 1 decimal; exactly `max_age_days` is within the limit);
 * - any without an assignee while `require_assignee` is set.
 * Any of these makes the status `fail` at `flaky.level`, with one team-level
 * note that links the issues and says it is not about this PR.
 *
 * PR awareness: for each changed file that an open flaky issue mentions
 * (exact path, see `detectFlakyTestsChanged`), a finding asks whether the PR
 * fixes it and suggests `Fixes #N`, with a notice annotation on line 1; when
 * the description already closes the issue, the finding thanks instead. These
 * findings never fail the rule on their own (status `pass`, shown as notes).
 *
 * No skip labels: the note is about the repository, not the PR.
 */
export const flakyRule: Rule = {
  id: "flaky",
  agreement: "Flaky tests are owned",
  level: (config) => config.flaky.level,
  skipLabels: () => [],
  evaluate: evaluateFlaky,
};

function evaluateFlaky(facts: PullRequestFacts, config: Config): Omit<RuleResult, "id" | "agreement" | "level"> {
  const flaky = config.flaky;
  const summary = summarizeFlakyIssues(facts.flakyIssues, facts.now, flaky);
  const changes = detectFlakyTestsChanged(facts.files, facts.flakyIssues, config.tests.tests);
  const closes = (number: number) => saysClosesIssue(facts.body, { number, owner: facts.owner, repo: facts.repo });

  const findings: Finding[] = changes.map((change) => awarenessFinding(change, closes));
  const note = policyNote(summary, flaky);
  if (note !== null) findings.push({ message: note });

  return {
    status: note === null ? "pass" : "fail",
    message: [tableMessage(summary, flaky), awarenessSummary(changes, closes)].filter((part) => part !== "").join(" "),
    findings,
  };
}

/** The team-level note, or null when every limit holds. */
function policyNote(summary: FlakySummary, flaky: Config["flaky"]): string | null {
  const unassigned = flaky.require_assignee ? summary.unassigned : [];
  const sentences: string[] = [];
  if (summary.overLimit) {
    sentences.push(`This repository has ${summary.open} open flaky tests (the team's limit is ${flaky.max_open}).`);
  }
  if (summary.overAge.length === 1 && summary.oldest) {
    sentences.push(
      `#${summary.oldest.number} has been open ${formatDays(summary.oldest.ageDays)} (the team's limit is ${formatDays(flaky.max_age_days)}).`,
    );
  } else if (summary.overAge.length > 1 && summary.oldest) {
    sentences.push(
      `${formatIssueList(summary.overAge)} have been open longer than the team's limit of ${formatDays(flaky.max_age_days)}; the oldest, #${summary.oldest.number}, for ${formatDays(summary.oldest.ageDays)}.`,
    );
  }
  if (unassigned.length > 0) {
    sentences.push(`${formatIssueList(unassigned)} ${unassigned.length === 1 ? "has" : "have"} no one assigned.`);
  }
  if (sentences.length === 0) return null;

  const isUnassigned = new Set(summary.unassigned);
  const target =
    summary.overAge.find((number) => isUnassigned.has(number)) ??
    summary.overAge[0] ??
    summary.unassigned[0] ??
    summary.oldest?.number;
  const ask =
    target === undefined
      ? ""
      : isUnassigned.has(target)
        ? `Could someone pick up #${target} this week?`
        : `What would it take to close #${target} this week?`;
  return [...sentences, WHY, "This is a note for the whole team, not about this PR.", ask].filter((s) => s !== "").join(" ");
}

/** One line for the table, e.g. "4 open flaky tests, oldest 23 days (limit 14)." */
function tableMessage(summary: FlakySummary, flaky: Config["flaky"]): string {
  if (summary.open === 0 || summary.oldest === null) return "No open flaky tests.";
  const count =
    `${summary.open} open flaky ${summary.open === 1 ? "test" : "tests"}` + (summary.overLimit ? ` (limit ${flaky.max_open})` : "");
  const age =
    summary.open === 1
      ? `${formatDays(summary.oldest.ageDays)} old (limit ${flaky.max_age_days})`
      : `oldest ${formatDays(summary.oldest.ageDays)} (limit ${flaky.max_age_days})`;
  const unassigned =
    flaky.require_assignee && summary.unassigned.length > 0 ? `, ${summary.unassigned.length} unassigned` : "";
  return `${count}, ${age}${unassigned}.`;
}

/** The PR-awareness part of the table line: which flaky issues this PR touches or closes. */
function awarenessSummary(changes: FlakyTestChange[], closes: (number: number) => boolean): string {
  const touched = [...new Set(changes.flatMap((change) => change.issues))].sort((a, b) => a - b);
  const open = touched.filter((number) => !closes(number));
  const closed = touched.filter((number) => closes(number));
  const parts: string[] = [];
  if (open.length > 0) {
    parts.push(
      `This PR changes ${open.length === 1 ? "a test" : "tests"} that ${formatIssueList(open)} ${open.length === 1 ? "reports" : "report"} as flaky.`,
    );
  }
  if (closed.length > 0) parts.push(`This PR closes ${formatIssueList(closed)} on merge: thank you.`);
  return parts.join(" ");
}

/** The finding for one changed test file that open flaky issues mention. */
function awarenessFinding(change: FlakyTestChange, closes: (number: number) => boolean): Finding {
  const open = change.issues.filter((number) => !closes(number));
  const closed = change.issues.filter((number) => closes(number));
  const file =
    change.previousFilename === undefined
      ? `\`${change.filename}\``
      : `\`${change.filename}\` (renamed from \`${change.previousFilename}\`)`;
  const all = formatIssueList(change.issues);
  const reports = change.issues.length === 1 ? "reports" : "report";

  if (open.length === 0) {
    return {
      message: `Thanks for taking on a flaky test: this PR changes ${file}, which ${all} ${reports} as flaky, and its description closes ${closed.length === 1 ? "the issue" : "them"} on merge.`,
    };
  }

  const it = open.length === 1 ? "it" : "them";
  const keywords = open.map((number) => `\`Fixes #${number}\``).join(" and ");
  const closeIssue = open.length === 1 ? "closes the issue" : "close the issues";
  const question =
    closed.length === 0
      ? `This PR changes ${file}, which ${all} ${reports} as flaky. Does this PR fix ${it}?`
      : `This PR changes ${file}, which ${all} report as flaky, and its description closes ${formatIssueList(closed)} on merge: thank you. Does it also fix ${formatIssueList(open)}?`;
  const message = `${question} If so, ${keywords} in the description ${closeIssue} on merge.`;
  if (change.removed) return { message };

  const plainKeywords = open.map((number) => `"Fixes #${number}"`).join(" and ");
  return {
    message,
    annotation: {
      path: change.filename,
      startLine: 1,
      endLine: 1,
      level: "notice",
      title: "Known flaky test",
      message: `${formatIssueList(open)} ${open.length === 1 ? "reports" : "report"} this test as flaky. Does this PR fix ${it}? If so, ${plainKeywords} in the description ${closeIssue} on merge.`,
    },
  };
}
