import { countOf } from "../text/count-of.js";
import { joinWords } from "../text/join-words.js";
import { figureOf } from "../model/week-metrics.js";
import { formatDays, formatMinutes } from "../text/format-figures.js";
import { inlineCode } from "../config/inline-code.js";
import { formatReviewHours } from "../review/format-review-hours.js";
import { escapeInlineText } from "./escape-inline-text.js";
import type { FlakyIssueLink, OpenFlakyIssue, WaitingPullRequest } from "./measure-week.js";
import { isBusinessHours, type RenderReportInput } from "./render-report-input.js";
import { rowOfItem, shortRepositoryName, type RollupRenderInput } from "./rollup-row.js";

/** Requested teams named on one waiting PR before "+N". */
const MAX_TEAMS_NAMED = 3;

/** Checks named in the flaky re-run line, the costliest first. */
const MAX_RERUN_CHECKS_NAMED = 3;

/** Wall-clock waits from this many hours on are shown in days. */
const HOURS_SHOWN_AS_DAYS = 48;

/**
 * The "Waiting for a first review" section: the count, then up to `listCap`
 * PRs, oldest first, with their wait and who was invited to review.
 */
export function renderWaiting(input: RenderReportInput, listCap: number): string {
  const count = figureOf(input.metrics, "waiting_for_review") ?? 0;
  if (count === 0 || input.waiting.length === 0) {
    return "No ready pull request was waiting for a first review when the week ended.";
  }
  const intro = `${countOf(count, "pull request")} ${count === 1 ? "was" : "were"} ready and waiting for a first review when the week ended, oldest first:`;
  const shown = input.waiting.slice(0, listCap).map((pr) => `- ${renderWaitingLine(pr, input)}`);
  return [intro, ...shown, ...moreLine(count - shown.length, "waiting")].join("\n");
}

function renderWaitingLine(pr: WaitingPullRequest, input: RenderReportInput): string {
  const businessHours = isBusinessHours(input);
  const waited =
    !businessHours && pr.waitingHours >= HOURS_SHOWN_AS_DAYS
      ? formatDays(pr.waitingHours / 24)
      : formatReviewHours(pr.waitingHours, businessHours);
  return `${issueLink(pr, input.rollup)} ${escapeInlineText(pr.title)} (waiting ${waited}; ${describeRequests(pr)})`;
}

/**
 * Who was asked to review, for a team document: how many people (never who:
 * the weekly issue names no one and notifies no one) and which teams, by
 * name without `@` (`acme/billing`), at most {@link MAX_TEAMS_NAMED}.
 * E.g. `2 reviewers and team acme/billing requested`, `no reviewer requested yet`.
 */
function describeRequests(pr: Pick<WaitingPullRequest, "requestedReviewers" | "requestedTeams">): string {
  const people = pr.requestedReviewers.length;
  const teams = pr.requestedTeams.map((team) => team.replace(/^@/, "").replaceAll("@", ""));
  if (people === 0 && teams.length === 0) return "no reviewer requested yet";
  const named = teams.slice(0, MAX_TEAMS_NAMED);
  const more = teams.length - named.length;
  const teamText =
    teams.length === 0 ? "" : `${teams.length === 1 ? "team" : "teams"} ${joinWords(named)}${more > 0 ? ` +${more}` : ""}`;
  const peopleText = people === 0 ? "" : countOf(people, "reviewer");
  return `${[peopleText, teamText].filter((part) => part !== "").join(" and ")} requested`;
}

/** The "Flaky tests" section: counts, the open list (up to `listCap`), and one suggestion. */
export function renderFlaky(input: RenderReportInput, listCap: number): string {
  const { flaky } = input;
  const metrics = figures(input, ["flaky_open", "flaky_opened", "flaky_closed", "flaky_unassigned"]);
  const limits = input.config.flaky;
  const lifetime =
    flaky.closedLifetimeDays === null
      ? ""
      : ` The ${metrics.flaky_closed === 1 ? "one" : metrics.flaky_closed} closed had been flaky for ${metrics.flaky_closed === 1 ? "" : "a median of "}${formatDays(flaky.closedLifetimeDays)}.`;
  const movement =
    metrics.flaky_opened + metrics.flaky_closed === 0
      ? ""
      : ` This week: ${metrics.flaky_opened} opened, ${metrics.flaky_closed} closed.${lifetime}`;
  const reruns = rerunParagraph(input);
  const oldest = flaky.open[0];
  if (metrics.flaky_open === 0 || oldest === undefined) {
    return [`No flaky test was open when the week ended.${movement}`, ...reruns].join("\n");
  }
  const summary =
    `${metrics.flaky_open} open (the team's limit is ${limits.max_open}), ` +
    `oldest ${issueLink(oldest, input.rollup)} (${flakyNote(oldest)}); ${metrics.flaky_unassigned} without an assignee.${movement}`;
  const shown = flaky.open.slice(0, listCap).map((issue) => `- ${issueLink(issue, input.rollup)} ${escapeInlineText(issue.title)} (${flakyNote(issue)})`);
  const list = [...shown, ...moreLine(metrics.flaky_open - shown.length, "open")];
  return [summary, ...reruns, "", ...list, "", flakySuggestion(input, oldest)].join("\n");
}

/**
 * What flaky re-runs cost the team this week, as a paragraph (preceded by a
 * blank line), e.g. "3 flaky re-runs this week cost 12 minutes of CI; the
 * costliest checks: `unit-tests` (2 re-runs, 8 minutes), `e2e` (1 re-run,
 * 4 minutes)." Nothing when there was none. Checks are named, never people.
 */
function rerunParagraph(input: RenderReportInput): string[] {
  const count = figureOf(input.metrics, "flaky_reruns") ?? 0;
  if (count === 0) return [];
  const minutes = figureOf(input.metrics, "flaky_rerun_minutes") ?? 0;
  const checks = (input.flaky.reruns?.checks ?? [])
    .slice(0, MAX_RERUN_CHECKS_NAMED)
    .map((check) => `${inlineCode(check.check)} (${countOf(check.count, "re-run")}, ${formatMinutes(check.minutes)})`);
  const top = checks.length === 0 ? "" : `; the costliest ${checks.length === 1 ? "check" : "checks"}: ${checks.join(", ")}`;
  return ["", `${countOf(count, "flaky re-run")} this week cost ${formatMinutes(minutes)} of CI${top}.`];
}

function flakyNote(issue: OpenFlakyIssue): string {
  return `${formatDays(issue.ageDays)}${issue.assigned ? "" : ", unassigned"}`;
}

/** One suggestion, phrased as a question, for the most pressing flaky-test gap. */
function flakySuggestion(input: RenderReportInput, oldest: OpenFlakyIssue): string {
  const limits = input.config.flaky;
  const oldestUnassigned = input.flaky.open.find((issue) => !issue.assigned);
  if (limits.require_assignee && oldestUnassigned !== undefined) {
    return `Could someone pick up ${issueLink(oldestUnassigned, input.rollup)} this week?`;
  }
  if (oldest.ageDays > limits.max_age_days) {
    return `${issueLink(oldest, input.rollup)} has been open longer than the team's limit of ${formatDays(limits.max_age_days)}. What would it take to fix it this week?`;
  }
  if ((figureOf(input.metrics, "flaky_open") ?? 0) > limits.max_open) {
    return `That is more than the team's limit of ${limits.max_open}. Could the team set aside time to fix the oldest ones?`;
  }
  return "Could the team fix one of these this week, starting with the oldest?";
}

function moreLine(rest: number, what: string): string[] {
  return rest > 0 ? [`- …and ${rest} more ${what}.`] : [];
}

/** `[#5](…)`; in a rollup, with the item's repository: `[widgets#5](…)`. */
function issueLink(item: FlakyIssueLink | WaitingPullRequest, rollup: RollupRenderInput | undefined): string {
  const row = rollup === undefined ? null : rowOfItem(rollup.rows, item.htmlUrl);
  const repository = row === null || rollup === undefined ? "" : shortRepositoryName(row.name, rollup.owner);
  return `[${repository}#${item.number}](${item.htmlUrl})`;
}

/** Markdown links to issues, at most `cap`, then "and N more" (in a rollup, named with their repository). */
export function linkList(items: readonly FlakyIssueLink[], cap: number, rollup?: RollupRenderInput): string {
  const links = items.slice(0, cap).map((item) => issueLink(item, rollup));
  const rest = items.length - links.length;
  return rest > 0 ? `${links.join(", ")} and ${rest} more` : links.join(", ");
}


/** This week's counts by key (0 when missing: they are always measured for this week). */
function figures<K extends string>(input: Pick<RenderReportInput, "metrics">, keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, figureOf(input.metrics, key) ?? 0])) as Record<K, number>;
}
