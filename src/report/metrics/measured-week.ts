import type { Config } from "../../config/schema.js";
import { isBot } from "../../model/is-bot.js";
import type { ReviewFacts } from "../../model/pull-request-facts.js";
import type { ReportFacts, ReportPullRequest } from "../../model/report-facts.js";
import { measureFlaky, type FlakyWeek } from "./measure-flaky-week.js";
import type { WindowTests } from "./window-tests.js";
import { firstReviewOwners } from "../../review/first-review-owners.js";
import { measureTimeToFirstReview } from "../../review/measure-time-to-first-review.js";
import { reviewTargetHours } from "../../review/review-target-hours.js";
import { evaluateRules } from "../../rules/evaluate-rules.js";
import type { Rule, RuleId } from "../../rules/rule.js";
import { createBusinessClock } from "../../time/business-clock.js";
import { parseInstant } from "../../time/parse-instant.js";
import { roundTo } from "../stats.js";
import { toPullRequestFacts } from "../to-pull-request-facts.js";

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

/** How many merged PRs a rule judged (did not skip), and how many of those passed. */
export interface PassTally {
  pass: number;
  judged: number;
}

/**
 * A week's populations, measured once, that every metric summarises
 * (`src/report/metrics/`): the measure-per-item half of the report, as
 * github/issue-metrics splits `measure_*` from `get_stats_*`.
 */
export interface MeasuredWeek {
  /** The window, ISO UTC instants. */
  window: ReportFacts["window"];
  config: Config;
  /** PRs counted at all: created before the window's end, not by a bot or `review.ignore_authors`. */
  pullRequests: ReportPullRequest[];
  /** Of those, created in the window. */
  opened: ReportPullRequest[];
  /** Of those, merged in the window. */
  merged: ReportPullRequest[];
  /** Time to first review (review-clock hours) of PRs that became ready in the window and got a first review. */
  firstReviewHours: number[];
  /** PRs ready in the window that met / missed the review target (README, `review_sla_met_pct`). */
  reviewTarget: { met: number; missed: number };
  /** PRs waiting for a first review at the window's end, oldest first. */
  waiting: WaitingPullRequest[];
  /** The flaky-test lists and figures as of the window's end. */
  flaky: FlakyWeek & { unassigned: number; oldestDays: number | null };
  /** Pass tallies of the merged PRs, by rule id (rules given to the measurement only). */
  passRates: ReadonlyMap<RuleId, PassTally>;
}

/**
 * Measure one ISO week's populations exactly as the README's "What the
 * figures mean" defines them. Pure: everything is as of
 * `facts.window.end`, whenever this runs, because reviews, timeline events,
 * merges and closes at or after the end are ignored.
 *
 * - PRs by bots or by a login in `review.ignore_authors` (case-insensitive)
 *   are left out of every population.
 * - Window membership is `start <= t < end`.
 * - Time to first review uses `measureTimeToFirstReview` with the clock of
 *   `review.business_hours` / `review.holidays` and, with
 *   `review.require_owner`, the code owners of each PR's files
 *   (`firstReviewOwners`, CODEOWNERS as in `facts.codeOwners`).
 * - Review target: met when the first review came within
 *   `review.first_review_within` (≤), missed when it came later or the PR,
 *   still open and ready at the end, had waited longer; left out otherwise.
 * - Pass tallies: each PR merged in the window becomes a `PullRequestFacts`
 *   (`now` = the window's end, no flaky issues, head SHA unknown) and is
 *   evaluated by `rules`; `skip` results are left out.
 * - Flaky issues: open at the end when created before it and not closed
 *   before it; ages and the unassigned count as the `flaky` rule counts them.
 *
 * @param facts the week's facts (`window` from `isoWeekWindow`)
 * @param config the validated config
 * @param rules the check-run rules whose pass rates the report shows
 * @throws RangeError when the window or a PR's `createdAt` is not an ISO instant
 */
export function measureWeekPopulations(facts: ReportFacts, config: Config, rules: readonly Rule[]): MeasuredWeek {
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
  const review = measureReviews(pullRequests, config, { end, inWindow, beforeEnd }, facts.codeOwners);
  const flaky = measureFlaky(facts.flakyIssues, config, { end, inWindow, beforeEnd });
  return {
    window: facts.window,
    config,
    pullRequests,
    opened: pullRequests.filter((pr) => inWindow(pr.createdAt)),
    merged,
    firstReviewHours: review.firstReviewHours,
    reviewTarget: { met: review.met, missed: review.missed },
    waiting: review.waiting,
    flaky,
    passRates: tallyPassRates(merged, facts, config, rules),
  };
}


/** Time to first review, the review target and the waiting list, as of the window's end. */
function measureReviews(
  pullRequests: readonly ReportPullRequest[],
  config: Config,
  window: WindowTests,
  codeOwners: ReportFacts["codeOwners"],
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
      owners: firstReviewOwners({ requireOwner: config.review.require_owner, codeOwners, files: pr.files }),
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

/** Pass and judged counts of the merged PRs, by rule id, re-evaluated with the check-run rules. */
function tallyPassRates(
  merged: readonly ReportPullRequest[],
  facts: ReportFacts,
  config: Config,
  rules: readonly Rule[],
): Map<RuleId, PassTally> {
  const tally = new Map<RuleId, PassTally>();
  for (const rule of rules) tally.set(rule.id, { pass: 0, judged: 0 });
  for (const pr of merged) {
    for (const result of evaluateRules(rules, toPullRequestFacts(pr, facts, facts.window.end), config)) {
      const counts = tally.get(result.id);
      if (counts === undefined || result.status === "skip") continue;
      counts.judged += 1;
      if (result.status === "pass") counts.pass += 1;
    }
  }
  return tally;
}
