import nock from "nock";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { renderFlakyCiMarker } from "../../src/flaky/flaky-ci-marker.js";
import { renderReportMarker } from "../../src/report/report-marker.js";
import type { WeekMetrics } from "../../src/model/week-metrics.js";
import { API, mockConfigFile } from "../helpers/test-probot.js";

const NOW = new Date("2026-11-24T10:00:00Z");
const ENV = { GITHUB_TOKEN: "test-token" };
const LIST = { labels: "team-health", state: "all", per_page: "100" };
const EARLIER: WeekMetrics = {
  prs_opened: 4,
  prs_merged: 3,
  ttfr_median_hours: 5,
  ttfr_p90_hours: 9,
  review_sla_met_pct: 100,
  reasoning_pass_pct: 100,
  tests_pass_pct: 100,
  flaky_open: 1,
  flaky_unassigned: 1,
  flaky_opened: 0,
  flaky_closed: 0,
  flaky_oldest_days: 15,
  waiting_for_review: 0,
};
const REASONING = "## Why\nInvoices rounded each line before summing, so totals drifted by a cent on long orders. We now round once at the end, as finance asked, and keep line amounts exact.";

function io() {
  const out = { stdout: "", stderr: "" };
  return { out, io: { stdout: (text: string) => void (out.stdout += text), stderr: (text: string) => void (out.stderr += text) } };
}

/** Earlier reports for W40 to W46, so only 2026-W47 itself is gathered. */
function earlierReports() {
  return [40, 41, 42, 43, 44, 45, 46].map((week, index) => ({
    number: 30 + index,
    title: `Team health: W${week}`,
    state: "closed",
    html_url: `https://github.com/acme/widgets/issues/${30 + index}`,
    body: renderReportMarker({ week: `2026-W${week}`, metrics: { ...EARLIER, prs_merged: index } }),
    labels: [{ name: "team-health" }],
  }));
}

function pr(number: number, fields: Record<string, unknown>) {
  return {
    number,
    title: `Change ${number}`,
    body: REASONING,
    url: `https://github.com/acme/widgets/pull/${number}`,
    isDraft: false,
    author: { login: "ada", __typename: "User" },
    labels: { nodes: [] },
    files: { pageInfo: { hasNextPage: false }, nodes: [] },
    timelineItems: { nodes: [] },
    reviewRequests: { nodes: [] },
    ...fields,
  };
}

const page = (nodes: unknown[]) => ({ issueCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, nodes });

/** The GitHub side of `eng-health report acme/widgets` for 2026-W47 (UTC defaults). */
function mockWeek(scope: nock.Scope): nock.Scope {
  mockConfigFile(scope, "acme", "widgets", null);
  const merged = pr(3, {
    state: "MERGED",
    createdAt: "2026-11-17T09:00:00Z",
    mergedAt: "2026-11-18T09:00:00Z",
    closedAt: "2026-11-18T09:00:00Z",
    files: {
      pageInfo: { hasNextPage: false },
      nodes: [
        { path: "src/billing/invoice.ts", additions: 30, deletions: 4, changeType: "MODIFIED" },
        { path: "test/billing/invoice.test.ts", additions: 20, deletions: 0, changeType: "MODIFIED" },
      ],
    },
    timelineItems: { nodes: [{ __typename: "PullRequestReview", submittedAt: "2026-11-17T11:00:00Z", state: "APPROVED", author: { login: "grace", __typename: "User" } }] },
  });
  const waiting = pr(5, {
    state: "OPEN",
    createdAt: "2026-11-20T10:00:00Z",
    mergedAt: null,
    closedAt: null,
    reviewRequests: { nodes: [{ requestedReviewer: { __typename: "Team", combinedSlug: "acme/billing" } }] },
  });
  // Opened from CI evidence: two flaky re-runs in 2026-W47 (7.5 minutes of failed runs) and one the week before.
  const occurrence = (at: string, failed: number, minutes: number) => ({ at, sha: "a".repeat(40), pr: 3, failed, passed: failed + 1, minutes });
  const flaky = {
    number: 9,
    title: "Flaky: export times out",
    body: `Evidence\n${renderFlakyCiMarker({
      check: "export",
      occurrences: [occurrence("2026-11-12T10:00:00Z", 100, 9), occurrence("2026-11-17T10:00:00Z", 200, 4), occurrence("2026-11-19T10:00:00Z", 300, 3.5)],
    })}`,
    url: "https://github.com/acme/widgets/issues/9",
    createdAt: "2026-11-01T00:00:00Z",
    state: "OPEN",
    closedAt: null,
    assignees: { nodes: [] },
    labels: { nodes: [{ name: "flaky-test" }] },
    timelineItems: { nodes: [] },
  };
  return scope
    .get("/repos/acme/widgets/issues")
    .query(LIST)
    .reply(200, earlierReports())
    .post("/graphql", (body: { variables: Record<string, string> }) => body.variables.q0?.includes("is:open") === true)
    .reply(200, { data: { repository: {}, s0: page([waiting]), s1: page([flaky]), s2: page([]) } })
    .post("/graphql", (body: { variables: Record<string, string> }) => body.variables.q0?.includes("is:closed") === true)
    .reply(200, { data: { s0: page([merged]) } });
}

describe("eng-health report", () => {
  it("--json prints the week, its metrics and the API calls, posts nothing, and shows progress on stderr", async () => {
    const scope = mockWeek(nock(API));
    const { out, io: cliIo } = io();

    const code = await runCli(["report", "acme/widgets", "--json"], ENV, cliIo, { now: NOW });

    scope.done();
    expect(code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      week: "2026-W47",
      metrics: {
        prs_opened: 2,
        prs_merged: 1,
        // Tuesday 09:00 to 11:00 UTC: 2 business hours.
        ttfr_median_hours: 2,
        ttfr_p90_hours: 2,
        // #3 met the 24 h target; #5 had waited 7 business hours by the window's end, so it is left out.
        review_sla_met_pct: 100,
        reasoning_pass_pct: 100,
        tests_pass_pct: 100,
        // #3 changed 54 lines, within the 400-line limit.
        size_pass_pct: 100,
        flaky_open: 1,
        flaky_unassigned: 1,
        flaky_opened: 0,
        flaky_closed: 0,
        flaky_oldest_days: 22,
        flaky_reruns: 2,
        flaky_rerun_minutes: 7.5,
        waiting_for_review: 1,
      },
      // Config (2: no file, no .github repository), the report listing (1), GraphQL pages (2).
      api_calls: 5,
    });
    expect(out.stderr).toBe(
      "eng-health: collecting acme/widgets 2026-W47: 1 pull request and 1 flaky-test issue so far (1 API call)\n" +
        "eng-health: collecting acme/widgets 2026-W47: 2 pull requests and 1 flaky-test issue so far (2 API calls)\n",
    );
  });

  it("prints the rendered markdown without --json", async () => {
    const scope = mockWeek(nock(API));
    const { out, io: cliIo } = io();

    const code = await runCli(["report", "acme/widgets", "--week", "2026-W47"], ENV, cliIo, { now: NOW });

    scope.done();
    expect(code).toBe(0);
    expect(out.stdout.startsWith("# Team health: week of 2026-11-16\n\n## 🎉 Wins this week\n")).toBe(true);
    expect(out.stdout).toContain("[#5](https://github.com/acme/widgets/pull/5)");
    expect(out.stdout).toContain("```mermaid\nxychart-beta");
    expect(out.stdout).toContain("x-axis [W40, W41, W42, W43, W44, W45, W46, W47]");
    expect(out.stdout).toContain("5 API calls");
    expect(out.stdout.trimEnd().endsWith("-->")).toBe(true);
  });

  it("--publish creates the issue and says so on stderr", async () => {
    const scope = mockWeek(nock(API));
    const created: Array<{ title: string }> = [];
    scope
      .get("/repos/acme/widgets/issues")
      .query(LIST)
      .reply(200, earlierReports())
      .post("/repos/acme/widgets/issues", (body: { title: string }) => {
        created.push(body);
        return true;
      })
      .reply(201, { number: 41, html_url: "https://github.com/acme/widgets/issues/41" });
    const { out, io: cliIo } = io();

    const code = await runCli(["report", "acme/widgets", "--json", "--publish"], ENV, cliIo, { now: NOW });

    scope.done();
    expect(code).toBe(0);
    expect(created.map((body) => body.title)).toEqual(["Team health: week of 2026-11-16"]);
    expect(out.stderr.split("\n").at(-2)).toBe("eng-health: created #41 https://github.com/acme/widgets/issues/41");
    // No config file anywhere (mockWeek serves two 404s): --publish is an explicit request, and stderr says what it did.
    expect(out.stderr.split("\n").at(-3)).toBe(
      "eng-health: acme/widgets has no config file (neither its own .github/eng-health.yml nor acme/.github's); publishing with the defaults because --publish asked for it (the scheduled job publishes only where a config file exists)",
    );
  });

  it.each([
    { week: "2026-W54", reason: 'eng-health: "2026-W54" is not an ISO week: 2026 has weeks W01 to W53 (expected the form YYYY-Www)' },
    { week: "2027-W53", reason: 'eng-health: "2027-W53" is not an ISO week: 2027 has weeks W01 to W52 (expected the form YYYY-Www)' },
  ])("refuses --week $week with exit 2 and a one-line reason, before any request", async ({ week, reason }) => {
    const { out, io: cliIo } = io();
    const code = await runCli(["report", "acme/widgets", "--week", week], ENV, cliIo, { now: NOW });
    expect(code).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr.split("\n")[0]).toBe(reason);
  });

  it("refuses a week that has not ended yet, after reading the config's time zone", async () => {
    const scope = mockConfigFile(nock(API), "acme", "widgets", "report:\n  timezone: Pacific/Auckland\n");
    const { out, io: cliIo } = io();

    const code = await runCli(["report", "acme/widgets", "--week", "2026-W48"], ENV, cliIo, { now: NOW });

    scope.done();
    expect(code).toBe(2);
    expect(out.stderr.split("\n")[0]).toBe(
      "eng-health: 2026-W48 has not ended yet in Pacific/Auckland (it ends 2026-11-29T11:00:00Z); the last complete week is 2026-W47",
    );
  });
});
