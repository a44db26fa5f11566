import { describe, expect, it } from "vitest";
import { configSchema, type Config, type ConfigInput } from "../../../src/config/schema.js";
import type { ReportPullRequest } from "../../../src/model/report-facts.js";
import { isoWeekWindow } from "../../../src/time/iso-week.js";
import { measureWeek } from "../../../src/report/measure-week.js";
import { WEEK_METRIC_KEYS } from "../../../src/report/metrics/registry.js";
import { reasoningRule } from "../../../src/rules/reasoning.js";
import type { Rule, RuleId } from "../../../src/rules/rule.js";
import { testsRule } from "../../../src/rules/tests.js";
import {
  buildReportFacts,
  buildReportFlakyIssue,
  buildReportPullRequest,
  reviewBy,
} from "../../helpers/build-report-facts.js";

/** Wall-clock review time, so hours are easy to check by hand. */
const WALL_CLOCK: ConfigInput = { review: { business_hours: false, first_review_within: "24h" } };
const config = (input: ConfigInput = WALL_CLOCK): Config => configSchema.parse(input);

/** A rule that passes with the label `<id>:pass`, fails otherwise; `skip-<id>` skips it. */
const labelRule = (id: RuleId): Rule => ({
  id,
  agreement: id,
  level: () => "warning",
  skipLabels: () => [`skip-${id}`],
  evaluate: (facts) => ({ status: facts.labels.includes(`${id}:pass`) ? "pass" : "fail", message: "", findings: [] }),
});
const RULES = [labelRule("reasoning"), labelRule("tests")];

/** A PR ready at `readyAt` (created then, not as a draft) with one human review at `reviewedAt`. */
const reviewed = (number: number, readyAt: string, reviewedAt: string | null, extra: Partial<ReportPullRequest> = {}) =>
  buildReportPullRequest({
    number,
    createdAt: readyAt,
    ...extra,
    review: { reviews: reviewedAt === null ? [] : [reviewBy("reviewer", reviewedAt)] },
  });

const measure = (pullRequests: ReportPullRequest[], cfg = config(), rules: readonly Rule[] = RULES) =>
  measureWeek(buildReportFacts({ pullRequests }), cfg, rules);

describe("measureWeek: the shape", () => {
  it("returns exactly the registry's keys, with zeros and nulls for an empty week", () => {
    const { metrics, waiting, flaky } = measure([]);
    expect(Object.keys(metrics)).toEqual([...WEEK_METRIC_KEYS]);
    expect(metrics).toEqual({
      prs_opened: 0,
      prs_merged: 0,
      ttfr_median_hours: null,
      ttfr_p90_hours: null,
      review_sla_met_pct: null,
      reasoning_pass_pct: null,
      tests_pass_pct: null,
      size_pass_pct: null,
      flaky_open: 0,
      flaky_unassigned: 0,
      flaky_opened: 0,
      flaky_closed: 0,
      flaky_oldest_days: null,
      flaky_reruns: 0,
      flaky_rerun_minutes: 0,
      waiting_for_review: 0,
    });
    expect(waiting).toEqual([]);
    expect(flaky).toEqual({ open: [], opened: [], closed: [], closedLifetimeDays: null, reruns: { count: 0, minutes: 0, checks: [] } });
  });
});

describe("measureWeek: opened and merged", () => {
  it("counts by start <= t < end", () => {
    const { metrics } = measure([
      buildReportPullRequest({ number: 1, createdAt: "2026-11-15T23:59:59Z" }), // last week
      buildReportPullRequest({ number: 2, createdAt: "2026-11-16T00:00:00Z" }), // first instant
      buildReportPullRequest({ number: 3, createdAt: "2026-11-22T23:59:59Z", mergedAt: "2026-11-22T23:59:59Z", closedAt: "2026-11-22T23:59:59Z", state: "closed" }),
      buildReportPullRequest({ number: 4, createdAt: "2026-11-10T00:00:00Z", mergedAt: "2026-11-23T00:00:00Z", closedAt: "2026-11-23T00:00:00Z", state: "closed" }), // merged at the end: next week
      buildReportPullRequest({ number: 5, createdAt: "2026-11-10T00:00:00Z", mergedAt: "2026-11-16T00:00:00Z", closedAt: "2026-11-16T00:00:00Z", state: "closed" }),
    ]);
    expect(metrics.prs_opened).toBe(2);
    expect(metrics.prs_merged).toBe(2);
  });

  it("uses the report's time zone: a Sunday-evening PR in Los Angeles belongs to last week", () => {
    const window = isoWeekWindow("2026-W47", "America/Los_Angeles");
    const facts = buildReportFacts({
      window,
      pullRequests: [
        buildReportPullRequest({ number: 1, createdAt: "2026-11-16T07:59:00Z" }), // Sun 23:59 PST
        buildReportPullRequest({ number: 2, createdAt: "2026-11-16T08:00:00Z" }), // Mon 00:00 PST
        buildReportPullRequest({ number: 3, createdAt: "2026-11-20T00:00:00Z", mergedAt: "2026-11-23T07:59:00Z", closedAt: "2026-11-23T07:59:00Z", state: "closed" }), // Sun 23:59 PST
        buildReportPullRequest({ number: 4, createdAt: "2026-11-20T00:00:00Z", mergedAt: "2026-11-23T08:00:00Z", closedAt: "2026-11-23T08:00:00Z", state: "closed" }), // next Monday PST
      ],
    });
    const { metrics } = measureWeek(facts, config(), RULES);
    expect(metrics.prs_opened).toBe(3);
    expect(metrics.prs_merged).toBe(1);
  });
});

describe("measureWeek: time to first review", () => {
  it("odd count: median is the middle value, p90 the ceil(0.9n)-th smallest", () => {
    const { metrics } = measure([
      reviewed(1, "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z"), // 1 h
      reviewed(2, "2026-11-17T10:00:00Z", "2026-11-17T13:00:00Z"), // 3 h
      reviewed(3, "2026-11-18T10:00:00Z", "2026-11-18T20:00:00Z"), // 10 h
    ]);
    expect(metrics.ttfr_median_hours).toBe(3);
    expect(metrics.ttfr_p90_hours).toBe(10);
  });

  it("even count: median is the mean of the two middle values; hours have 2 decimals", () => {
    const { metrics } = measure([
      reviewed(1, "2026-11-16T10:00:00Z", "2026-11-16T10:20:00Z"), // 0.333… h
      reviewed(2, "2026-11-16T10:00:00Z", "2026-11-16T12:00:00Z"), // 2 h
      reviewed(3, "2026-11-16T10:00:00Z", "2026-11-16T14:40:00Z"), // 4.666… h
      reviewed(4, "2026-11-16T10:00:00Z", "2026-11-16T20:00:00Z"), // 10 h
    ]);
    expect(metrics.ttfr_median_hours).toBe(3.33); // (2 + 4.667) / 2
    expect(metrics.ttfr_p90_hours).toBe(10); // 4th of 4
  });

  it("no reviews: median, p90 and the review target are null", () => {
    const { metrics } = measure([
      reviewed(1, "2026-11-22T12:00:00Z", null), // 12 h waited at the end: within target
      reviewed(2, "2026-11-20T10:00:00Z", null, { closedAt: "2026-11-20T12:00:00Z", state: "closed" }), // closed unreviewed
    ]);
    expect(metrics.ttfr_median_hours).toBeNull();
    expect(metrics.ttfr_p90_hours).toBeNull();
    expect(metrics.review_sla_met_pct).toBeNull();
  });

  it("counts only PRs that became ready in the window", () => {
    const { metrics } = measure([
      reviewed(1, "2026-11-12T10:00:00Z", "2026-11-16T10:00:00Z"), // ready last week, reviewed this week
      reviewed(2, "2026-11-16T10:00:00Z", "2026-11-16T12:00:00Z"), // 2 h
    ]);
    expect(metrics.ttfr_median_hours).toBe(2);
    expect(metrics.review_sla_met_pct).toBe(100);
  });

  it("ignores a review submitted after the window's end, or exactly at it", () => {
    const { metrics, waiting } = measure([
      reviewed(1, "2026-11-20T12:00:00Z", "2026-11-23T01:00:00Z"),
      reviewed(2, "2026-11-22T00:00:00Z", "2026-11-23T00:00:00Z"),
    ]);
    expect(metrics.ttfr_median_hours).toBeNull();
    expect(metrics.waiting_for_review).toBe(2);
    // #1 had waited 60 h at the end (past the 24 h target): missed; #2 24 h: not yet past, left out.
    expect(metrics.review_sla_met_pct).toBe(0);
    expect(waiting.map((pr) => [pr.number, pr.waitingHours])).toEqual([
      [1, 60],
      [2, 24],
    ]);
  });

  it("does not count reviews by the author, by bots or by review.ignore_authors", () => {
    const pr = buildReportPullRequest({
      number: 1,
      createdAt: "2026-11-16T10:00:00Z",
      review: {
        reviews: [
          reviewBy("octocat", "2026-11-16T10:30:00Z"), // the author
          { author: { login: "ci-helper[bot]", type: "Bot" }, submittedAt: "2026-11-16T10:40:00Z", state: "COMMENTED" },
          reviewBy("Renovate[bot]", "2026-11-16T10:50:00Z"),
          reviewBy("teammate", "2026-11-16T14:00:00Z"),
        ],
      },
    });
    expect(measure([pr]).metrics.ttfr_median_hours).toBe(4);
  });

  it("starts a draft's clock at its first ready_for_review before the end", () => {
    const { metrics, waiting } = measure([
      buildReportPullRequest({
        number: 1,
        createdAt: "2026-11-10T10:00:00Z",
        review: {
          createdAsDraft: true,
          timeline: [{ type: "ready_for_review", at: "2026-11-17T10:00:00Z" }],
          reviews: [reviewBy("teammate", "2026-11-17T15:00:00Z")],
        },
      }),
      // Still a draft at the end: made ready only next week, so not waiting and not measured.
      buildReportPullRequest({
        number: 2,
        createdAt: "2026-11-18T10:00:00Z",
        draft: false,
        review: { createdAsDraft: true, timeline: [{ type: "ready_for_review", at: "2026-11-24T10:00:00Z" }] },
      }),
      // Ready, then back to draft before the end: not waiting.
      buildReportPullRequest({
        number: 3,
        createdAt: "2026-11-18T10:00:00Z",
        review: { timeline: [{ type: "convert_to_draft", at: "2026-11-18T11:00:00Z" }] },
      }),
    ]);
    expect(metrics.ttfr_median_hours).toBe(5);
    expect(metrics.prs_opened).toBe(2);
    expect(waiting).toEqual([]);
  });

  it("measures in business hours when configured", () => {
    // Default business hours: 09:00-17:00 UTC, Monday to Friday.
    const { metrics } = measure(
      [reviewed(1, "2026-11-20T16:00:00Z", "2026-11-21T10:00:00Z")], // Fri 16:00 -> Sat 10:00: 1 business hour
      config({}),
    );
    expect(metrics.ttfr_median_hours).toBe(1);
  });
});

describe("measureWeek: review target", () => {
  it("met when reviewed within the target (inclusive), missed when later or still waiting past it, else left out", () => {
    const { metrics } = measure([
      reviewed(1, "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z"), // 1 h: met
      reviewed(2, "2026-11-16T10:00:00Z", "2026-11-17T10:00:00Z"), // 24 h exactly: met
      reviewed(3, "2026-11-16T10:00:00Z", "2026-11-18T10:00:00Z"), // 48 h: missed
      reviewed(4, "2026-11-19T00:00:00Z", null), // 96 h waiting at the end: missed
      reviewed(5, "2026-11-22T12:00:00Z", null), // 12 h waiting: still within target, left out
      reviewed(6, "2026-11-16T10:00:00Z", null, { closedAt: "2026-11-19T10:00:00Z", state: "closed" }), // closed unreviewed: left out
    ]);
    expect(metrics.review_sla_met_pct).toBe(50);
  });

  it("gives one decimal", () => {
    const { metrics } = measure([
      reviewed(1, "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z"),
      reviewed(2, "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z"),
      reviewed(3, "2026-11-16T10:00:00Z", "2026-11-19T11:00:00Z"),
    ]);
    expect(metrics.review_sla_met_pct).toBe(66.7);
  });
});

describe("measureWeek: waiting for a first review", () => {
  it("lists open, ready, unreviewed PRs at the end, oldest first, with requested reviewers as now", () => {
    const { metrics, waiting } = measure([
      buildReportPullRequest({
        number: 9,
        title: "Bump cache TTL",
        createdAt: "2026-11-21T12:00:00Z",
        review: { requestedReviewers: ["alice"] },
      }),
      buildReportPullRequest({
        number: 4,
        title: "Add invoice export",
        createdAt: "2026-11-10T12:00:00Z",
        review: { requestedTeams: ["acme/billing"] },
      }),
      // Closed after the end: still open at the end, so waiting.
      buildReportPullRequest({ number: 5, createdAt: "2026-11-22T12:00:00Z", closedAt: "2026-11-24T00:00:00Z", state: "closed" }),
      // Merged before the end: not waiting.
      buildReportPullRequest({ number: 6, createdAt: "2026-11-17T12:00:00Z", mergedAt: "2026-11-18T00:00:00Z", closedAt: "2026-11-18T00:00:00Z", state: "closed" }),
      // Created after the end: not in this week at all.
      buildReportPullRequest({ number: 7, createdAt: "2026-11-23T00:00:00Z" }),
    ]);
    expect(metrics.waiting_for_review).toBe(3);
    expect(waiting).toEqual([
      {
        number: 4,
        title: "Add invoice export",
        htmlUrl: "https://github.com/acme/widgets/pull/4",
        readyAt: "2026-11-10T12:00:00Z",
        waitingHours: 300,
        requestedReviewers: [],
        requestedTeams: ["acme/billing"],
      },
      {
        number: 9,
        title: "Bump cache TTL",
        htmlUrl: "https://github.com/acme/widgets/pull/9",
        readyAt: "2026-11-21T12:00:00Z",
        waitingHours: 36,
        requestedReviewers: ["alice"],
        requestedTeams: [],
      },
      expect.objectContaining({ number: 5, waitingHours: 12 }),
    ]);
  });
});

describe("measureWeek: excluded authors", () => {
  it("all bots: counts are zero and every figure over a population is null", () => {
    const bot = { login: "dependabot[bot]", type: "Bot" };
    const { metrics, waiting } = measure([
      reviewed(1, "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z", { author: bot }),
      reviewed(2, "2026-11-16T10:00:00Z", null, { author: bot }),
      reviewed(3, "2026-11-16T10:00:00Z", null, {
        author: { login: "deploy-app", type: "Bot" },
        mergedAt: "2026-11-17T10:00:00Z",
        closedAt: "2026-11-17T10:00:00Z",
        state: "closed",
      }),
    ]);
    expect(metrics).toMatchObject({
      prs_opened: 0,
      prs_merged: 0,
      ttfr_median_hours: null,
      ttfr_p90_hours: null,
      review_sla_met_pct: null,
      reasoning_pass_pct: null,
      tests_pass_pct: null,
      waiting_for_review: 0,
    });
    expect(waiting).toEqual([]);
  });

  it("leaves out review.ignore_authors (case-insensitive) from every figure", () => {
    const cfg = config({ review: { business_hours: false, ignore_authors: ["Release-Robot"] } });
    const { metrics } = measure(
      [
        reviewed(1, "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z", { author: { login: "release-robot", type: "User" } }),
        reviewed(2, "2026-11-16T10:00:00Z", "2026-11-16T13:00:00Z"),
      ],
      cfg,
    );
    expect(metrics.prs_opened).toBe(1);
    expect(metrics.ttfr_median_hours).toBe(3);
  });
});

describe("measureWeek: pass rates of merged PRs", () => {
  const merged = (number: number, labels: string[], extra: Partial<ReportPullRequest> = {}) =>
    buildReportPullRequest({
      number,
      labels,
      createdAt: "2026-11-16T10:00:00Z",
      mergedAt: "2026-11-18T10:00:00Z",
      closedAt: "2026-11-18T10:00:00Z",
      state: "closed",
      ...extra,
    });

  it("is the share that pass among the PRs the rule did not skip, 1 decimal", () => {
    const { metrics } = measure([
      merged(1, ["reasoning:pass", "tests:pass"]),
      merged(2, ["reasoning:pass", "skip-tests"]),
      merged(3, ["reasoning:pass"]),
      merged(4, ["skip-reasoning", "skip-tests"]),
      merged(5, ["reasoning:pass"], { author: { login: "renovate[bot]", type: "Bot" } }), // excluded
      merged(6, [], { mergedAt: "2026-11-23T10:00:00Z", closedAt: "2026-11-23T10:00:00Z" }), // next week
      buildReportPullRequest({ number: 7, labels: [], createdAt: "2026-11-16T10:00:00Z" }), // not merged
    ]);
    expect(metrics.reasoning_pass_pct).toBe(100); // 3 of 3 (#4 skipped)
    expect(metrics.tests_pass_pct).toBe(50); // #1 passes, #3 fails; #2 and #4 skipped
  });

  it("is null when every merged PR skipped the rule, or the rule was not given", () => {
    const { metrics } = measure([merged(1, ["skip-reasoning"])], config(), [labelRule("reasoning")]);
    expect(metrics.reasoning_pass_pct).toBeNull();
    expect(metrics.tests_pass_pct).toBeNull();
  });

  it("re-evaluates with the check-run rules and the current config", () => {
    const why =
      "This change rounds invoice totals half up because customers saw totals one cent off; " +
      "it adds a test for the rounding and was checked against last month's invoices by hand.";
    const files = (paths: string[]) =>
      paths.map((filename) => ({ filename, status: "modified" as const, additions: 10, deletions: 2 }));
    const { metrics } = measure(
      [
        merged(1, [], { body: why, files: files(["src/invoice.ts", "test/invoice.test.ts"]) }), // both pass
        merged(2, [], { body: "Fix.", files: files(["src/invoice.ts"]) }), // both fail
        merged(3, [], { body: why, files: files(["docs/guide.md"]) }), // tests: no source change, skip
      ],
      config(),
      [reasoningRule, testsRule],
    );
    expect(metrics.reasoning_pass_pct).toBe(66.7);
    expect(metrics.tests_pass_pct).toBe(50);
  });
});

describe("measureWeek: flaky tests", () => {
  it("counts issues open at the end, opened and closed in the window, and the oldest's age", () => {
    const issue = buildReportFlakyIssue;
    const facts = buildReportFacts({
      flakyIssues: [
        issue({ number: 1, createdAt: "2026-10-23T00:00:00Z", assignees: ["sam"] }), // open, 31 days at the end
        issue({ number: 2, createdAt: "2026-11-17T00:00:00Z", closedAt: "2026-11-19T00:00:00Z", state: "closed" }), // opened and closed
        issue({ number: 3, createdAt: "2026-11-01T00:00:00Z", labeledAt: "2026-11-09T12:00:00Z", closedAt: "2026-11-25T00:00:00Z", state: "closed" }), // open at the end, 13.5 days
        issue({ number: 4, createdAt: "2026-11-23T00:00:00Z" }), // opened next week
        issue({ number: 5, createdAt: "2026-10-01T00:00:00Z", closedAt: "2026-11-15T00:00:00Z", state: "closed" }), // closed last week
        issue({ number: 6, createdAt: "2026-11-18T00:00:00Z", closedAt: "2026-11-23T00:00:00Z", state: "closed" }), // closed at the end: open
      ],
    });
    const { metrics, flaky } = measureWeek(facts, config(), RULES);
    expect(metrics).toMatchObject({
      flaky_open: 3,
      flaky_unassigned: 2,
      flaky_opened: 2,
      flaky_closed: 1,
      flaky_oldest_days: 31,
    });
    expect(flaky.open.map((open) => [open.number, open.ageDays, open.assigned])).toEqual([
      [1, 31, true],
      [3, 13.5, false],
      [6, 5, false],
    ]);
    expect(flaky.opened.map((opened) => opened.number)).toEqual([2, 6]);
    expect(flaky.closed).toEqual([
      { number: 2, title: "Flaky test 2", htmlUrl: "https://github.com/acme/widgets/issues/2" },
    ]);
    expect(flaky.closedLifetimeDays).toBe(2);
  });

  it("gives the median time under the label of the flaky tests closed in the week", () => {
    const issue = buildReportFlakyIssue;
    const facts = buildReportFacts({
      flakyIssues: [
        issue({ number: 1, createdAt: "2026-11-01T00:00:00Z", labeledAt: "2026-11-10T00:00:00Z", closedAt: "2026-11-17T12:00:00Z", state: "closed" }), // 7.5 days under the label
        issue({ number: 2, createdAt: "2026-11-16T00:00:00Z", closedAt: "2026-11-18T00:00:00Z", state: "closed" }), // 2 days
        issue({ number: 3, createdAt: "2026-10-20T00:00:00Z", closedAt: "2026-11-20T00:00:00Z", state: "closed" }), // 31 days
        issue({ number: 4, createdAt: "2026-10-20T00:00:00Z", closedAt: "2026-11-10T00:00:00Z", state: "closed" }), // closed last week: left out
      ],
    });
    expect(measureWeek(facts, config(), RULES).flaky.closedLifetimeDays).toBe(7.5);
  });
});
