import { ISSUE_BODY_MAX_CHARS } from "../model/github-limits.js";
import { formatHours } from "../config/duration.js";
import type { Config } from "../config/schema.js";
import { truncateUtf8, utf8Bytes } from "../text/truncate-utf8.js";
import { formatDays } from "../flaky/format-days.js";
import { formatReviewHours } from "../review/format-review-hours.js";
import { chooseRetroQuestions } from "./choose-retro-questions.js";
import { escapeInlineText } from "./escape-inline-text.js";
import { countOf } from "../text/count-of.js";
import { NO_FIGURE } from "./format-figures.js";
import type { FlakyIssueLink, FlakyWeek, OpenFlakyIssue, WaitingPullRequest } from "./measure-week.js";
import { renderReportMarker } from "./report-marker.js";
import { renderTrendChart, type TrendWeek } from "./render-trend-chart.js";
import { summarizeAgreements, type AgreementKey, type AgreementStatus } from "./summarize-agreements.js";
import type { WeekMetrics } from "./week-metrics.js";

/** Items named in a list (waiting PRs, open flaky tests) before "and N more". */
export const MAX_LISTED_ITEMS = 20;

/** Smaller list caps tried, in turn, when a body would pass {@link ISSUE_BODY_MAX_CHARS}. */
const FALLBACK_LIST_CAPS = [5, 0] as const;

/** Requested reviewers named on one waiting PR before "+N". */
const MAX_REVIEWERS_NAMED = 5;

/** Closed flaky issues linked in the wins before "and N more". */
const MAX_CLOSED_FLAKY_LINKED = 10;

/** Wall-clock waits from this many hours on are shown in days. */
const HOURS_SHOWN_AS_DAYS = 48;

/** Closes a fenced code block left open by a cut, so the note, footer and marker render outside it. */
const CLOSE_FENCE = "\n```";

/** Everything the weekly report shows; all of it already measured. */
export interface RenderReportInput {
  /** `YYYY-Www`. */
  week: string;
  /** The week's Monday, `YYYY-MM-DD` (in `report.timezone`). */
  monday: string;
  metrics: WeekMetrics;
  /** Last week's figures, or null when unknown. */
  previous: WeekMetrics | null;
  /** Weeks for the chart, oldest first, this week included (last); empty is read as this week alone. */
  trend: TrendWeek[];
  /** From the same `measureWeek` call as `metrics`: PRs waiting for a first review, oldest first. */
  waiting: WaitingPullRequest[];
  /** From the same `measureWeek` call as `metrics`: flaky issues open at the end, opened and closed. */
  flaky: FlakyWeek;
  /** `review` (target, clock) and `flaky` (limits) are read. */
  config: Pick<Config, "review" | "flaky">;
  /** API calls used to gather the facts (shown in the footer). */
  apiCalls: number;
  /** Link to `.github/eng-health.yml` on the default branch. */
  configUrl: string;
}

/** A report issue's title and body. */
export interface RenderedReport {
  title: string;
  body: string;
}

/**
 * The report issue's title.
 *
 * @param monday the week's Monday, `YYYY-MM-DD`
 * @returns `Team health: week of 2026-11-16`
 */
export function renderReportTitle(monday: string): string {
  return `Team health: week of ${monday}`;
}

/**
 * Render the weekly team-health issue (GitHub-flavoured markdown), sections in
 * this order: wins this week; agreements at a glance (agreement, target, this
 * week, last week, trend, status); the trend chart (Mermaid `xychart-beta`);
 * PRs waiting for a first review, oldest first; flaky tests; two or three
 * questions for the retro; a footer linking the config; the hidden marker
 * (`renderReportMarker`) last.
 *
 * Team figures only: no per-person table. Requested reviewers are listed on
 * a waiting PR because they are invited, not blamed; flaky issues show
 * whether someone is assigned, never who. Titles are escaped
 * ({@link escapeInlineText}), so one cannot hide the marker or notify anyone.
 *
 * Size: lists show {@link MAX_LISTED_ITEMS} items and "and N more"; when the
 * body would still pass {@link ISSUE_BODY_MAX_CHARS} (UTF-8 bytes), the lists
 * shrink further, and as a last resort the text before the footer is cut. The
 * footer and marker are always kept whole.
 *
 * @param input the measured week, last week, the trend and the lists
 * @returns the title and body; never throws for well-formed input
 */
export function renderReport(input: RenderReportInput): RenderedReport {
  const title = renderReportTitle(input.monday);
  const tail = renderTail(input);
  let main = "";
  for (const cap of [MAX_LISTED_ITEMS, ...FALLBACK_LIST_CAPS]) {
    main = renderMain(input, cap);
    if (utf8Bytes(main) + utf8Bytes(tail) <= ISSUE_BODY_MAX_CHARS) return { title, body: main + tail };
  }
  const cutNote = "\n\n_The rest of this report was cut to fit GitHub's size limit for issues._\n\n";
  const budget = ISSUE_BODY_MAX_CHARS - utf8Bytes(tail) - utf8Bytes(cutNote) - utf8Bytes(CLOSE_FENCE);
  return { title, body: closeOpenFence(truncateUtf8(main, budget, "")) + cutNote + tail };
}

/** Closes a fenced code block that a cut left open. */
function closeOpenFence(text: string): string {
  const fences = text.split("\n").filter((line) => line.startsWith("```")).length;
  return fences % 2 === 1 ? text + CLOSE_FENCE : text;
}

/** Every section up to the footer. */
function renderMain(input: RenderReportInput, listCap: number): string {
  const trend = input.trend.length > 0 ? input.trend : [{ week: input.week, metrics: input.metrics }];
  const agreements = summarizeAgreements(input.metrics, input.previous, input.config);
  const sections = [
    section("🎉 Wins this week", bulletList(renderWins(input, agreements))),
    section("Agreements at a glance", renderAgreementTable(agreements)),
    section(
      `Trend (${countOf(trend.length, "week")})`,
      renderTrendChart(trend, { businessHours: isBusinessHours(input) }),
    ),
    section("Waiting for a first review", renderWaiting(input, listCap)),
    section("Flaky tests", renderFlaky(input, listCap)),
    section(
      "Questions for your retro",
      bulletList(chooseRetroQuestions(agreements, { waitingForReview: input.metrics.waiting_for_review })),
    ),
  ];
  return `${sections.join("\n\n")}\n\n`;
}

/** The footer and the marker: never cut. */
function renderTail(input: RenderReportInput): string {
  const calls = countOf(input.apiCalls, "API call");
  return (
    `<sub>Generated by eng-health from [\`.github/eng-health.yml\`](${input.configUrl}) · ${calls}</sub>\n` +
    `${renderReportMarker({ week: input.week, metrics: input.metrics })}\n`
  );
}

function section(heading: string, content: string): string {
  return `## ${heading}\n${content}`;
}

function bulletList(lines: readonly string[]): string {
  return lines.map((line) => `- ${line}`).join("\n");
}

function isBusinessHours(input: RenderReportInput): boolean {
  return input.config.review.business_hours !== false;
}

/** What improved or held within target, always at least one honest line. */
function renderWins(input: RenderReportInput, agreements: readonly AgreementStatus[]): string[] {
  const { metrics, previous } = input;
  const status = (key: AgreementKey) => agreements.find((agreement) => agreement.key === key);
  const wins: string[] = [];

  if (metrics.prs_merged > 0) {
    const more = previous === null ? null : metrics.prs_merged - previous.prs_merged;
    const compared = more === null || more < 0 ? "" : more === 0 ? ", as many as last week" : `, ${more} more than last week`;
    wins.push(`${countOf(metrics.prs_merged, "pull request")} merged${compared}.`);
  }

  const ttfr = status("ttfr");
  if (ttfr?.value != null) {
    const figure = formatReviewHours(ttfr.value, isBusinessHours(input));
    const target = formatHours(ttfr.target);
    if (ttfr.change === "better") {
      wins.push(`Median time to first review fell to ${figure} (${ttfr.met === true ? `target ${target}` : `from ${ttfr.format(ttfr.previous)}`}).`);
    } else if (ttfr.met === true) {
      wins.push(`Median time to first review was ${figure}, within the ${target} target.`);
    }
  }

  const rates: Array<[AgreementKey, (figure: string) => string, string]> = [
    ["sla", (figure) => `${figure} of pull requests got a first review within the target.`, "Reviews within target"],
    ["reasoning", (figure) => `${figure} of merged pull requests documented their reasoning.`, "Documented reasoning"],
    ["tests", (figure) => `Tests came with code on ${figure} of merged pull requests.`, "Tests with code"],
  ];
  for (const [key, metTarget, name] of rates) {
    const rate = status(key);
    if (rate?.value == null) continue;
    if (rate.met === true) wins.push(metTarget(rate.format(rate.value)));
    else if (rate.change === "better") wins.push(`${name} rose to ${rate.format(rate.value)} (from ${rate.format(rate.previous)}).`);
  }

  const closed = input.flaky.closed;
  if (closed.length > 0) {
    wins.push(`${countOf(closed.length, "flaky test")} closed: ${linkList(closed, MAX_CLOSED_FLAKY_LINKED)}.`);
  }
  const flaky = status("flaky");
  if (metrics.flaky_open === 0) wins.push("No flaky test was open at the end of the week.");
  else if (flaky?.change === "better") wins.push(`Open flaky tests down to ${metrics.flaky_open} from ${flaky.format(flaky.previous)}.`);

  if (metrics.waiting_for_review === 0 && (metrics.prs_opened > 0 || metrics.prs_merged > 0)) {
    wins.push("No ready pull request was left waiting for a first review at the end of the week.");
  }

  if (wins.length === 0) {
    wins.push(
      metrics.prs_opened > 0
        ? `${countOf(metrics.prs_opened, "pull request")} opened.`
        : "A quiet week: no pull request was opened or merged.",
    );
  }
  return wins;
}

function renderAgreementTable(agreements: readonly AgreementStatus[]): string {
  const rows = agreements.map((agreement) => {
    const cells = [
      agreement.name,
      agreement.targetText,
      agreement.format(agreement.value),
      agreement.format(agreement.previous),
      trendCell(agreement),
      agreement.met === null ? NO_FIGURE : agreement.met ? "✅" : "⚠️",
    ];
    return `| ${cells.join(" | ")} |`;
  });
  return ["| Agreement | Target | This week | Last week | Trend | |", "|---|---|---|---|---|---|", ...rows].join("\n");
}

/** `▲ better`, `▼ worse`, `→ same`: the arrow is the figure's direction, the word what it means. */
function trendCell(agreement: AgreementStatus): string {
  const { value, previous, change } = agreement;
  if (value === null || previous === null || change === null) return NO_FIGURE;
  if (change === "same") return "→ same";
  return `${value > previous ? "▲" : "▼"} ${change}`;
}

function renderWaiting(input: RenderReportInput, listCap: number): string {
  const count = input.metrics.waiting_for_review;
  if (count === 0 || input.waiting.length === 0) {
    return "No ready pull request was waiting for a first review when the week ended.";
  }
  const intro = `${countOf(count, "pull request")} ${count === 1 ? "was" : "were"} ready and waiting for a first review when the week ended, oldest first:`;
  const shown = input.waiting.slice(0, listCap).map((pr) => `- ${renderWaitingLine(pr, isBusinessHours(input))}`);
  return [intro, ...shown, ...moreLine(count - shown.length, "waiting")].join("\n");
}

function renderWaitingLine(pr: WaitingPullRequest, businessHours: boolean): string {
  const waited =
    !businessHours && pr.waitingHours >= HOURS_SHOWN_AS_DAYS
      ? formatDays(pr.waitingHours / 24)
      : formatReviewHours(pr.waitingHours, businessHours);
  const handles = [...pr.requestedReviewers, ...pr.requestedTeams].map((name) => `@${name.replace(/^@/, "")}`);
  const named = handles.slice(0, MAX_REVIEWERS_NAMED);
  const extra = handles.length - named.length;
  const requested =
    handles.length === 0 ? "no reviewer requested yet" : `requested: ${named.join(", ")}${extra > 0 ? ` +${extra}` : ""}`;
  return `${issueLink(pr)} ${escapeInlineText(pr.title)} (waiting ${waited}; ${requested})`;
}

function renderFlaky(input: RenderReportInput, listCap: number): string {
  const { metrics, flaky } = input;
  const limits = input.config.flaky;
  const lifetime =
    flaky.closedLifetimeDays === null
      ? ""
      : ` The ${metrics.flaky_closed === 1 ? "one" : metrics.flaky_closed} closed had been flaky for ${metrics.flaky_closed === 1 ? "" : "a median of "}${formatDays(flaky.closedLifetimeDays)}.`;
  const movement =
    metrics.flaky_opened + metrics.flaky_closed === 0
      ? ""
      : ` This week: ${metrics.flaky_opened} opened, ${metrics.flaky_closed} closed.${lifetime}`;
  const oldest = flaky.open[0];
  if (metrics.flaky_open === 0 || oldest === undefined) {
    return `No flaky test was open when the week ended.${movement}`;
  }
  const summary =
    `${metrics.flaky_open} open (the team's limit is ${limits.max_open}), ` +
    `oldest ${issueLink(oldest)} (${flakyNote(oldest)}); ${metrics.flaky_unassigned} without an assignee.${movement}`;
  const shown = flaky.open.slice(0, listCap).map((issue) => `- ${issueLink(issue)} ${escapeInlineText(issue.title)} (${flakyNote(issue)})`);
  const list = [...shown, ...moreLine(metrics.flaky_open - shown.length, "open")];
  return [summary, "", ...list, "", flakySuggestion(input, oldest)].join("\n");
}

function flakyNote(issue: OpenFlakyIssue): string {
  return `${formatDays(issue.ageDays)}${issue.assigned ? "" : ", unassigned"}`;
}

/** One suggestion, phrased as a question, for the most pressing flaky-test gap. */
function flakySuggestion(input: RenderReportInput, oldest: OpenFlakyIssue): string {
  const limits = input.config.flaky;
  const oldestUnassigned = input.flaky.open.find((issue) => !issue.assigned);
  if (limits.require_assignee && oldestUnassigned !== undefined) {
    return `Could someone pick up ${issueLink(oldestUnassigned)} this week?`;
  }
  if (oldest.ageDays > limits.max_age_days) {
    return `${issueLink(oldest)} has been open longer than the team's limit of ${formatDays(limits.max_age_days)}. What would it take to fix it this week?`;
  }
  if (input.metrics.flaky_open > limits.max_open) {
    return `That is more than the team's limit of ${limits.max_open}. Could the team set aside time to fix the oldest ones?`;
  }
  return "Could the team fix one of these this week, starting with the oldest?";
}

function moreLine(rest: number, what: string): string[] {
  return rest > 0 ? [`- …and ${rest} more ${what}.`] : [];
}

function issueLink(item: FlakyIssueLink | WaitingPullRequest): string {
  return `[#${item.number}](${item.htmlUrl})`;
}

function linkList(items: readonly FlakyIssueLink[], cap: number): string {
  const links = items.slice(0, cap).map(issueLink);
  const rest = items.length - links.length;
  return rest > 0 ? `${links.join(", ")} and ${rest} more` : links.join(", ");
}

