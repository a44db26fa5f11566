import type { Config } from "../config/schema.js";
import type { FlakyIssue, PullRequestFacts, ReviewFacts } from "../model/pull-request-facts.js";
import type { ReportFacts, ReportFlakyIssue, ReportPullRequest } from "../model/report-facts.js";
import { measureTimeUnderLabel } from "../flaky/measure-time-under-label.js";
import { flakyIssueAgeDays, summarizeFlakyIssues } from "../flaky/summarize-flaky-issues.js";
import { measureTimeToFirstReview } from "../review/measure-time-to-first-review.js";
import { reviewTargetHours } from "../review/review-target-hours.js";
import { evaluateRules } from "../rules/evaluate-rules.js";
import { isBot } from "../model/is-bot.js";
import type { Rule, RuleId } from "../rules/rule.js";
import { createBusinessClock } from "../time/business-clock.js";
import { parseInstant } from "../time/parse-instant.js";
import { median, p90, percent, roundTo } from "./stats.js";
import type { WeekMetrics } from "./week-metrics.js";

/** A PR still waiting for its first review at the window's end. */
export interface WaitingPullRequest {
  number: number;
  title: string;
  htmlUrl: string;
  /** ISO instant it first became ready for review. */
  readyAt: string;
  /** Hours of the review clock (business hours when configured) it had waited at the window's end, 2 decimals. */
  waitingHours: number;
  /** Logins whose review is requested (as now: GitHub keeps no history of requests in the facts). */
  requestedReviewers: string[];
  /** Team slugs (`org/team`) whose review is requested (as now). */
  requestedTeams: string[];
}

/** A flaky-test issue, for links in the report. */
export interface FlakyIssueLink {
  number: number;
  title: string;
  htmlUrl: string;
}

/** A flaky-test issue open at the window's end. */
export interface OpenFlakyIssue extends FlakyIssueLink {
  /** Wall-clock days from the label (else creation) to the window's end, 1 decimal. */
  ageDays: number;
  /** True when someone is assigned (the report counts, never names, assignees). */
  assigned: boolean;
}

/** The flaky-test lists behind the flaky metrics. */
export interface FlakyWeek {
  /** Open at the window's end, oldest first (ties by number): `metrics.flaky_open` of them. */
  open: OpenFlakyIssue[];
  /** Created in the window, in number order. */
  opened: FlakyIssueLink[];
  /** Closed in the window, in the order they were closed. */
  closed: FlakyIssueLink[];
  /**
   * Median days the issues closed in the window had carried the flaky label
   * (from the label, else creation, to the close; `measureTimeUnderLabel`),
   * 1 decimal; null when none was closed: how long flaky tests live.
   */
  closedLifetimeDays: number | null;
}

/** One week measured: the figures, and the lists the report renders from them. */
export interface WeekMeasurement {
  metrics: WeekMetrics;
  /** PRs waiting for a first review at the window's end, oldest first (ready time, then number). */
  waiting: WaitingPullRequest[];
  flaky: FlakyWeek;
}

/**
 * Measure one ISO week exactly as the design doc's "Weekly report window" and
 * "Report metrics" define it. Pure: every figure is as of `facts.window.end`,
 * whenever this runs, because reviews, timeline events, merges and closes at
 * or after the end are ignored.
 *
 * - PRs by bots ({@link isBot}) or by a login in `review.ignore_authors`
 *   (case-insensitive) are left out of every figure and list.
 * - Window membership is `start <= t < end`.
 * - Time to first review uses {@link measureTimeToFirstReview} with the clock
 *   of `review.business_hours` / `review.holidays`; reviews by bots, the author
 *   or `review.ignore_authors` do not count as a first review.
 * - Review target: met when the first review came within
 *   `review.first_review_within` (≤), missed when it came later or the PR, still
 *   open and ready at the end, had waited longer than the target; left out
 *   otherwise (still within the target, back in draft, or closed unreviewed).
 * - Pass rates: each PR merged in the window becomes a `PullRequestFacts`
 *   (`now` = the window's end, no flaky issues, head SHA unknown) and is
 *   evaluated by `rules` through {@link evaluateRules}; `skip` results are left
 *   out. A rule id missing from `rules` gives `null`.
 * - Flaky issues: open at the end when created before it and not closed
 *   before it; ages and the unassigned count come from
 *   {@link summarizeFlakyIssues} so the report counts as the `flaky` rule does.
 *   Assignees are as they are now (the facts hold no history).
 *
 * @param facts the week's facts (`window` from `isoWeekWindow`)
 * @param config the validated config (`review`, `flaky` and the rules' sections are read)
 * @param rules the check-run rules to re-evaluate on merged PRs; the caller
 *   passes `[reasoningRule, testsRule]`
 * @returns metrics, the waiting list and the flaky lists, see {@link WeekMeasurement}
 * @throws RangeError when the window or a PR's `createdAt` is not an ISO instant
 */
export function measureWeek(facts: ReportFacts, config: Config, rules: readonly Rule[]): WeekMeasurement {
  const startMs = parseInstant(facts.window.start);
  const endMs = parseInstant(facts.window.end);
  const end = facts.window.end;
  const inWindow = (iso: string | null): boolean => {
    if (iso === null) return false;
    const ms = parseInstant(iso);
    return ms >= startMs && ms < endMs;
  };
  const beforeEnd = (iso: string | null): boolean => iso !== null && parseInstant(iso) < endMs;

  const ignored = new Set(config.review.ignore_authors.map((login) => login.toLowerCase()));
  const pullRequests = facts.pullRequests.filter(
    (pr) => !isBot(pr.author) && !ignored.has(pr.author.login.toLowerCase()) && beforeEnd(pr.createdAt),
  );

  const merged = pullRequests.filter((pr) => inWindow(pr.mergedAt));
  const review = measureReviews(pullRequests, config, { end, inWindow, beforeEnd });
  const flaky = measureFlaky(facts.flakyIssues, config, { end, inWindow, beforeEnd });
  const passRates = measurePassRates(merged, facts, config, rules);

  const metrics: WeekMetrics = {
    prs_opened: pullRequests.filter((pr) => inWindow(pr.createdAt)).length,
    prs_merged: merged.length,
    ttfr_median_hours: roundHours(median(review.firstReviewHours)),
    ttfr_p90_hours: roundHours(p90(review.firstReviewHours)),
    review_sla_met_pct: percent(review.met, review.met + review.missed),
    reasoning_pass_pct: passRates.reasoning,
    tests_pass_pct: passRates.tests,
    flaky_open: flaky.open.length,
    flaky_unassigned: flaky.unassigned,
    flaky_opened: flaky.opened.length,
    flaky_closed: flaky.closed.length,
    flaky_oldest_days: flaky.oldestDays,
    waiting_for_review: review.waiting.length,
  };
  return {
    metrics,
    waiting: review.waiting,
    flaky: { open: flaky.open, opened: flaky.opened, closed: flaky.closed, closedLifetimeDays: flaky.closedLifetimeDays },
  };
}

interface WindowTests {
  /** The window's end, ISO. */
  end: string;
  /** True for an instant in `[start, end)`; false for null. */
  inWindow(iso: string | null): boolean;
  /** True for an instant before `end`; false for null. */
  beforeEnd(iso: string | null): boolean;
}

/** Time to first review, the review target and the waiting list, as of the window's end. */
function measureReviews(
  pullRequests: readonly ReportPullRequest[],
  config: Config,
  window: WindowTests,
): { firstReviewHours: number[]; met: number; missed: number; waiting: WaitingPullRequest[] } {
  const clock = createBusinessClock(config.review);
  const targetHours = reviewTargetHours(config.review);
  const firstReviewHours: number[] = [];
  const waiting: WaitingPullRequest[] = [];
  let met = 0;
  let missed = 0;

  for (const pr of pullRequests) {
    const asOfEnd = {
      author: pr.author,
      createdAt: pr.createdAt,
      closedAt: window.beforeEnd(pr.closedAt) ? pr.closedAt : null,
      mergedAt: window.beforeEnd(pr.mergedAt) ? pr.mergedAt : null,
      review: reviewAsOf(pr.review, window.beforeEnd),
    };
    const ttfr = measureTimeToFirstReview(asOfEnd, {
      clock,
      ignoreAuthors: config.review.ignore_authors,
      now: window.end,
    });

    if (window.inWindow(ttfr.readyAt)) {
      if (ttfr.hours !== null) {
        firstReviewHours.push(ttfr.hours);
        if (ttfr.hours <= targetHours) met += 1;
        else missed += 1;
      } else if (ttfr.waitingHours !== null && ttfr.waitingHours > targetHours) {
        missed += 1;
      }
    }

    const openAtEnd = asOfEnd.closedAt === null && asOfEnd.mergedAt === null;
    if (openAtEnd && ttfr.readyAt !== null && !ttfr.inDraft && ttfr.firstReviewAt === null) {
      waiting.push({
        number: pr.number,
        title: pr.title,
        htmlUrl: pr.htmlUrl,
        readyAt: ttfr.readyAt,
        waitingHours: roundTo(ttfr.waitingHours ?? 0, 2),
        requestedReviewers: [...pr.review.requestedReviewers],
        requestedTeams: [...pr.review.requestedTeams],
      });
    }
  }

  waiting.sort((a, b) => parseInstant(a.readyAt) - parseInstant(b.readyAt) || a.number - b.number);
  return { firstReviewHours, met, missed, waiting };
}

/** The review facts as they stood before the window's end: later events and reviews dropped. */
function reviewAsOf(review: ReviewFacts, beforeEnd: (iso: string | null) => boolean): ReviewFacts {
  return {
    ...review,
    timeline: review.timeline.filter((event) => beforeEnd(event.at)),
    reviews: review.reviews.filter((submitted) => beforeEnd(submitted.submittedAt)),
  };
}

/** Pass rates of the merged PRs, by rule id, re-evaluated with the check-run rules. */
function measurePassRates(
  merged: readonly ReportPullRequest[],
  facts: ReportFacts,
  config: Config,
  rules: readonly Rule[],
): { reasoning: number | null; tests: number | null } {
  const tally = new Map<RuleId, { pass: number; judged: number }>();
  for (const rule of rules) tally.set(rule.id, { pass: 0, judged: 0 });
  for (const pr of merged) {
    for (const result of evaluateRules(rules, toPullRequestFacts(pr, facts), config)) {
      const counts = tally.get(result.id);
      if (counts === undefined || result.status === "skip") continue;
      counts.judged += 1;
      if (result.status === "pass") counts.pass += 1;
    }
  }
  const rate = (id: RuleId): number | null => {
    const counts = tally.get(id);
    return counts === undefined ? null : percent(counts.pass, counts.judged);
  };
  return { reasoning: rate("reasoning"), tests: rate("tests") };
}

/** A merged PR as the check-run rules see it, evaluated at the window's end. */
function toPullRequestFacts(pr: ReportPullRequest, facts: ReportFacts): PullRequestFacts {
  return {
    owner: facts.owner,
    repo: facts.repo,
    number: pr.number,
    title: pr.title,
    body: pr.body,
    author: pr.author,
    draft: false,
    state: "closed",
    mergedAt: pr.mergedAt,
    closedAt: pr.closedAt,
    labels: pr.labels,
    headSha: "",
    htmlUrl: pr.htmlUrl,
    createdAt: pr.createdAt,
    files: pr.files,
    filesTruncated: pr.filesTruncated,
    template: facts.template,
    flakyIssues: [],
    review: pr.review,
    now: facts.window.end,
  };
}

/** Flaky issues open at the window's end (oldest first), and those opened and closed in it. */
function measureFlaky(
  issues: readonly ReportFlakyIssue[],
  config: Config,
  window: WindowTests,
): {
  open: OpenFlakyIssue[];
  unassigned: number;
  oldestDays: number | null;
  opened: FlakyIssueLink[];
  closed: FlakyIssueLink[];
  closedLifetimeDays: number | null;
} {
  const openAtEnd = issues.filter((issue) => window.beforeEnd(issue.createdAt) && !window.beforeEnd(issue.closedAt));
  const summary = summarizeFlakyIssues(openAtEnd.map(asFlakyIssue), window.end, config.flaky);
  const open = openAtEnd
    .map((issue) => ({
      ...link(issue),
      // The same age summarizeFlakyIssues judges, so list and figures agree.
      ageDays: flakyIssueAgeDays(asFlakyIssue(issue), window.end),
      assigned: issue.assignees.length > 0,
    }))
    .sort((a, b) => b.ageDays - a.ageDays || a.number - b.number);
  const opened = issues
    .filter((issue) => window.inWindow(issue.createdAt))
    .map(link)
    .sort((a, b) => a.number - b.number);
  const closedIssues = issues
    .filter((issue) => window.inWindow(issue.closedAt))
    .sort((a, b) => parseInstant(a.closedAt ?? "") - parseInstant(b.closedAt ?? "") || a.number - b.number);
  const lifetimes = closedIssues.flatMap((issue) => {
    const days = measureTimeUnderLabel(
      [
        { type: "labeled", label: config.flaky.label, at: issue.labeledAt ?? issue.createdAt },
        { type: "closed", at: issue.closedAt ?? "" },
      ],
      config.flaky.label,
    );
    return days === null ? [] : [days];
  });
  const lifetime = median(lifetimes);
  return {
    open,
    unassigned: summary.unassigned.length,
    oldestDays: summary.oldest?.ageDays ?? null,
    opened,
    closed: closedIssues.map(link),
    closedLifetimeDays: lifetime === null ? null : roundTo(lifetime, 1),
  };
}

function asFlakyIssue(issue: ReportFlakyIssue): FlakyIssue {
  return {
    number: issue.number,
    title: issue.title,
    body: "",
    htmlUrl: issue.htmlUrl,
    createdAt: issue.createdAt,
    ...(issue.labeledAt === undefined ? {} : { labeledAt: issue.labeledAt }),
    assignees: issue.assignees,
    labels: [],
  };
}

function link(issue: ReportFlakyIssue): FlakyIssueLink {
  return { number: issue.number, title: issue.title, htmlUrl: issue.htmlUrl };
}

function roundHours(hours: number | null): number | null {
  return hours === null ? null : roundTo(hours, 2);
}
