import { describe, expect, it } from "vitest";
import { configSchema, type Config, type ConfigInput } from "../../../src/config/schema.js";
import type { ReportFacts, ReportPullRequest } from "../../../src/model/report-facts.js";
import type { ReportIssue } from "../../../src/model/report-issue.js";
import { composeRollupReport, type RollupRepository } from "../../../src/report/compose-rollup-report.js";
import { composeWeeklyReport, planWeeklyReport } from "../../../src/report/compose-weekly-report.js";
import { measureWeek } from "../../../src/report/measure-week.js";
import { rollupMemberConfig } from "../../../src/report/measure-rollup-week.js";
import { parseReportMarker, renderReportMarker } from "../../../src/report/report-marker.js";
import { REPORT_RULES } from "../../../src/rules/registry.js";
import { buildReportFacts, buildReportFlakyIssue, buildReportPullRequest, reviewBy } from "../../helpers/build-report-facts.js";

const WEEK = "2026-W47";
const HOME = { owner: "acme", repo: ".github" };
const CONFIG_URL = "https://github.com/acme/.github/blob/HEAD/.github/eng-health.yml";
const config = (input: ConfigInput = {}): Config => configSchema.parse(input);
const TEAM = config({ review: { first_review_within: "4h" }, flaky: { max_open: 3 }, rollup: { repos: ["acme/widgets", "acme/gadgets"] } });

const WHY =
  "Invoice totals were rounded line by line, so long orders drifted by a cent; we now round once at the end, as finance asked, and keep line amounts exact.";
const files = (paths: string[]) => paths.map((filename) => ({ filename, status: "modified" as const, additions: 10, deletions: 2 }));

/** One repository's pull requests and flaky issues for 2026-W47 (UTC), links under its own page. */
function repositoryFacts(repo: string, numberOffset = 0): ReportFacts {
  const url = (kind: string, number: number) => `https://github.com/acme/${repo}/${kind}/${number}`;
  const pr = (number: number, extra: Parameters<typeof buildReportPullRequest>[0]): ReportPullRequest =>
    buildReportPullRequest({ number, htmlUrl: url("pull", number), author: { login: `dev-${repo}-${number}`, type: "User" }, ...extra });
  const n = (number: number) => number + numberOffset;
  return buildReportFacts({
    owner: "acme",
    repo,
    pullRequests: [
      // Merged, with a test and reasons: reviewed after 2 business hours.
      pr(n(1), {
        createdAt: "2026-11-16T09:00:00Z",
        mergedAt: "2026-11-17T09:00:00Z",
        closedAt: "2026-11-17T09:00:00Z",
        state: "closed",
        body: WHY,
        files: files(["src/invoice.ts", "test/invoice.test.ts"]),
        review: { reviews: [reviewBy(`reviewer-${repo}`, "2026-11-16T11:00:00Z")] },
      }),
      // Merged without a test or reasons, in app/: a source file under the default globs, not under custom ones.
      pr(n(2), {
        createdAt: "2026-11-17T09:00:00Z",
        mergedAt: "2026-11-18T12:00:00Z",
        closedAt: "2026-11-18T12:00:00Z",
        state: "closed",
        body: "Fix.",
        files: files(["app/export.ts"]),
        review: { reviews: [reviewBy(`reviewer-${repo}`, "2026-11-17T16:00:00Z")] },
      }),
      // Waiting past the 4 h target at the week's end.
      pr(n(3), { createdAt: repo === "widgets" ? "2026-11-19T09:00:00Z" : "2026-11-20T10:00:00Z", review: { requestedTeams: ["acme/billing"] } }),
      // Reviewed late (6 business hours).
      pr(n(4), { createdAt: "2026-11-18T09:00:00Z", review: { reviews: [reviewBy(`reviewer-${repo}`, "2026-11-18T15:00:00Z")] } }),
    ],
    flakyIssues: [
      buildReportFlakyIssue({ number: n(100), htmlUrl: url("issues", n(100)), createdAt: repo === "widgets" ? "2026-11-02T00:00:00Z" : "2026-11-10T00:00:00Z" }),
      buildReportFlakyIssue({ number: n(101), htmlUrl: url("issues", n(101)), createdAt: "2026-11-03T00:00:00Z", closedAt: "2026-11-18T00:00:00Z", state: "closed", assignees: [`owner-${repo}`] }),
    ],
  });
}

function member(repo: string, own: Config, facts = repositoryFacts(repo)): RollupRepository {
  return { name: `acme/${repo}`, url: `https://github.com/acme/${repo}`, facts, config: own, configErrors: 0 };
}

function rollup(repositories: RollupRepository[], notIncluded: Parameters<typeof composeRollupReport>[0]["notIncluded"] = [], reports: ReportIssue[] = []) {
  const plan = planWeeklyReport({ week: WEEK, report: { ...TEAM.report, trend_weeks: 2 }, reports, rollup: true });
  return composeRollupReport({ plan, repositories, notIncluded, home: HOME, config: TEAM, rules: REPORT_RULES, apiCalls: 9, configUrl: CONFIG_URL, maxRepositories: 50 });
}

describe("a rollup's team figures", () => {
  it("equal the figures of one repository holding both sets of pull requests and flaky issues", () => {
    const widgets = repositoryFacts("widgets");
    const gadgets = repositoryFacts("gadgets");
    const report = rollup([member("widgets", TEAM, widgets), member("gadgets", TEAM, gadgets)]);

    // One repository with both sets (numbers moved apart, as they would be in one repository).
    const together = repositoryFacts("gadgets", 1000);
    const both = buildReportFacts({ pullRequests: [...widgets.pullRequests, ...together.pullRequests], flakyIssues: [...widgets.flakyIssues, ...together.flakyIssues] });
    const direct = measureWeek(both, TEAM, REPORT_RULES).metrics;

    expect(report.metrics).toEqual(direct);
    expect(report.metrics).toMatchObject({ prs_opened: 8, prs_merged: 4, flaky_open: 2, flaky_closed: 2, waiting_for_review: 2 });
  });

  it("judge each repository's pull requests by its own rules, and add the tallies up", () => {
    // gadgets counts only src/** as source: its app/ change needs no test there.
    const gadgetsOwn = config({ tests: { source: ["src/**"] } });
    const report = rollup([member("widgets", TEAM), member("gadgets", gadgetsOwn)]);
    // widgets: #1 passes, #2 fails (tests judged 2); gadgets: #1 passes, #2 skipped (judged 1).
    expect(report.repositories["acme/widgets"]?.tests_pass_pct).toBe(50);
    expect(report.repositories["acme/gadgets"]?.tests_pass_pct).toBe(100);
    expect(report.metrics.tests_pass_pct).toBe(66.7);
    // Not a mean of the two rates (75 %).
    expect(report.metrics.tests_pass_pct).not.toBe(75);
  });
});

describe("a rollup's rows", () => {
  it("equal each repository's own report when it shares the rollup's review settings", () => {
    const report = rollup([member("widgets", TEAM), member("gadgets", TEAM)]);
    for (const repo of ["widgets", "gadgets"]) {
      const plan = planWeeklyReport({ week: WEEK, report: { ...TEAM.report, trend_weeks: 2 }, reports: [] });
      const own = composeWeeklyReport({ plan, facts: repositoryFacts(repo), config: TEAM, rules: REPORT_RULES, apiCalls: 3, configUrl: CONFIG_URL });
      expect(report.repositories[`acme/${repo}`]).toEqual(own.metrics);
    }
  });

  it("measure review times with the rollup's clock and pass rates with the repository's rules", () => {
    // gadgets' own review target is 24 h in wall-clock time; in the rollup its row uses the team's 4 business hours.
    const gadgetsOwn = config({ review: { first_review_within: "24h", business_hours: false }, reasoning: { min_words: 1 } });
    const report = rollup([member("widgets", TEAM), member("gadgets", gadgetsOwn)]);
    const expected = measureWeek(repositoryFacts("gadgets"), rollupMemberConfig(gadgetsOwn, TEAM), REPORT_RULES).metrics;
    expect(report.repositories["acme/gadgets"]).toEqual(expected);
    expect(expected.reasoning_pass_pct).toBe(100); // its own min_words: 1
    // Its own report: 3 of 4 within 24 h of the wall clock; the team's clock: 1 of 4 within 4 business hours.
    expect(measureWeek(repositoryFacts("gadgets"), gadgetsOwn, REPORT_RULES).metrics.review_sla_met_pct).toBe(75);
    expect(report.repositories["acme/gadgets"]?.review_sla_met_pct).toBe(25);
  });
});

describe("a rollup's issue", () => {
  const report = rollup(
    [member("widgets", TEAM), { ...member("gadgets", TEAM), configErrors: 2 }],
    [
      { repository: "acme/secret", reason: "unreadable" },
      { repository: "acme/renamed-away", reason: "unreadable" },
    ],
  );

  it("has the usual sections and a By repository table between the agreements and the trend", () => {
    const headings = report.body.split("\n").filter((line) => line.startsWith("## "));
    expect(headings).toEqual([
      "## 🎉 Wins this week",
      "## Agreements at a glance",
      "## By repository",
      "## Trend (2 weeks)",
      "## Waiting for a first review",
      "## Flaky tests",
      "## Questions for your retro",
    ]);
    const table = (report.body.split("## By repository\n")[1]?.split("\n\n")[0] ?? "").split("\n");
    const cells = (line: string | undefined) => (line ?? "").slice(2, -2).split(" | ");
    const heading = cells(table[0]);
    // The counts, then every agreement of the registry (the p90 stays with the team's figures), repository by repository.
    expect(heading.slice(0, 7)).toEqual([
      "Repository",
      "PRs opened",
      "PRs merged",
      "Time to first review (median, business hours)",
      "Reviews within target",
      "Documented reasoning",
      "Tests with code",
    ]);
    expect(heading).toContain("Open flaky tests");
    expect(table[1]).toBe(`|---|${heading.slice(1).map(() => "---:").join("|")}|`);
    const row = (index: number) => Object.fromEntries(cells(table[index]).map((cell, column) => [heading[column], cell]));
    expect(row(2)).toMatchObject({
      Repository: "[gadgets](https://github.com/acme/gadgets) ([its reports](https://github.com/acme/gadgets/issues?q=is%3Aissue%20label%3A%22team-health%22))",
      "PRs opened": "4",
      "PRs merged": "2",
      "Time to first review (median, business hours)": "6 h",
      "Reviews within target": "25 %",
      "Documented reasoning": "50 %",
      "Tests with code": "50 %",
      "Open flaky tests": "1",
    });
    expect(row(3).Repository).toBe("[widgets](https://github.com/acme/widgets) ([its reports](https://github.com/acme/widgets/issues?q=is%3Aissue%20label%3A%22team-health%22))");
    expect(table).toHaveLength(4);
  });

  it("names the repositories it could not read, and those whose config has problems", () => {
    expect(report.body).toContain(
      "Not included: `acme/secret` and `acme/renamed-away`, listed in `rollup.repos` but not readable by the app, so their pull requests are not in these figures. Is the app installed there, and is the name still right?",
    );
    expect(report.body).toContain("The config of `gadgets` has problems, so the affected sections use their defaults there.");
    expect(report.notIncluded.map((omission) => omission.repository)).toEqual(["acme/secret", "acme/renamed-away"]);
  });

  it("names waiting pull requests and flaky tests with their repository", () => {
    expect(report.body).toContain("- [widgets#3](https://github.com/acme/widgets/pull/3) Change 3 (waiting");
    expect(report.body).toContain("- [gadgets#3](https://github.com/acme/gadgets/pull/3) Change 3 (waiting");
    expect(report.body).toContain("[widgets#100](https://github.com/acme/widgets/issues/100)");
    expect(report.body).toContain("2 flaky tests closed: [gadgets#101](https://github.com/acme/gadgets/issues/101), [widgets#101](https://github.com/acme/widgets/issues/101).");
  });

  it("stores the team's figures and each repository's in its marker", () => {
    const marker = parseReportMarker(report.body);
    expect(marker).toEqual({ week: WEEK, metrics: report.metrics, repositories: report.repositories });
    expect(Object.keys(marker?.repositories ?? {})).toEqual(["acme/gadgets", "acme/widgets"]);
  });

  it("names no one: no author, reviewer or assignee login, no @mention", () => {
    expect(report.body).not.toMatch(/@[A-Za-z0-9]/);
    for (const login of ["dev-widgets-1", "reviewer-widgets", "owner-gadgets", "dev-gadgets-3"]) expect(report.body).not.toContain(login);
  });

  it("says so when no repository could be read, and still renders", () => {
    const empty = rollup([], [{ repository: "acme/secret", reason: "unreadable" }]);
    expect(empty.body).toContain("No repository of the rollup could be read this week.");
    expect(empty.metrics.prs_opened).toBe(0);
    expect(empty.repositories).toEqual({});
  });
});

describe("a rollup's trend", () => {
  const issue = (number: number, body: string): ReportIssue => ({
    number,
    title: "Team health",
    state: "closed",
    htmlUrl: `https://github.com/acme/.github/issues/${number}`,
    labels: ["team-health"],
    marker: parseReportMarker(body),
  });
  const figures = { prs_merged: 7 };

  it("reads only rollup markers, and a repository's own report only its own", () => {
    const single = issue(1, renderReportMarker({ week: "2026-W46", metrics: figures }));
    const team = issue(2, renderReportMarker({ week: "2026-W46", metrics: { prs_merged: 11 }, repositories: { "acme/widgets": figures } }));
    const rollupPlan = planWeeklyReport({ week: WEEK, report: TEAM.report, reports: [single, team], rollup: true });
    const ownPlan = planWeeklyReport({ week: WEEK, report: TEAM.report, reports: [single, team] });
    expect(rollupPlan.stored.get("2026-W46")?.prs_merged).toBe(11);
    expect(ownPlan.stored.get("2026-W46")?.prs_merged).toBe(7);
    expect(planWeeklyReport({ week: WEEK, report: TEAM.report, reports: [single], rollup: true }).stored.has("2026-W46")).toBe(false);
  });

  it("computes earlier weeks without a marker from the same facts", () => {
    const report = rollup([member("widgets", TEAM), member("gadgets", TEAM)]);
    expect(report.computedWeeks).toEqual(["2026-W46"]);
    expect(report.trend.map((week) => week.week)).toEqual(["2026-W46", WEEK]);
  });
});
