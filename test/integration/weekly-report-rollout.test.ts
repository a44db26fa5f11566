import nock from "nock";
import { describe, expect, it } from "vitest";
import { createClient } from "../../src/github/create-client.js";
import { requestCount } from "../../src/github/count-requests.js";
import type { WeekMetrics } from "../../src/model/week-metrics.js";
import { createServices } from "../../src/pipelines/services.js";
import { publishWeeklyReport } from "../../src/pipelines/publish-weekly-report.js";
import { renderReportMarker } from "../../src/report/report-marker.js";
import { weeklyReportJob } from "../../src/schedule/weekly-report-job.js";
import { API, createTestProbot, mockConfigFile } from "../helpers/test-probot.js";

/** Monday 09:30 UTC: the report for 2026-W47 is due with the default `report` settings. */
const NOW = new Date("2026-11-23T09:30:00Z");
const CONFIG_FILE = `/contents/${encodeURIComponent(".github/eng-health.yml")}`;
const LIST = { labels: "team-health", state: "all", per_page: "100" };
const METRICS: WeekMetrics = {
  prs_opened: 1,
  prs_merged: 1,
  ttfr_median_hours: 1,
  ttfr_p90_hours: 1,
  review_sla_met_pct: 100,
  reasoning_pass_pct: 100,
  tests_pass_pct: 100,
  flaky_open: 0,
  flaky_unassigned: 0,
  flaky_opened: 0,
  flaky_closed: 0,
  flaky_oldest_days: null,
  waiting_for_review: 0,
};
const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };

function client() {
  return createClient({ token: "t", userAgent: "eng-health-test", retry: { enabled: false }, throttle: { enabled: false }, octokitLog: () => {} });
}

/** This week's report is already there: publishing stops at the listing, which shows that it got past the config. */
function mockListingWithThisWeek(scope: nock.Scope): nock.Scope {
  return scope
    .get("/repos/acme/widgets/issues")
    .query(LIST)
    .reply(200, [{ number: 9, title: "Team health", state: "open", html_url: "https://github.com/acme/widgets/issues/9", body: renderReportMarker({ week: "2026-W47", metrics: METRICS }), labels: [{ name: "team-health" }] }]);
}

describe("the weekly report publishes only where a config file exists", () => {
  it("skips a repository with no config file anywhere after the two config reads, and nothing more", async () => {
    const github = client();
    const scope = mockConfigFile(nock(API), "acme", "widgets", null);

    const outcome = await publishWeeklyReport(github, { owner: "acme", repo: "widgets" }, { now: NOW, log: silent });

    scope.done();
    expect(outcome).toEqual({ action: "skipped", reason: "no config" });
    expect(requestCount(github)).toBe(2);
  });

  it.each([
    {
      name: "the organisation's .github repository has one",
      mock: (scope: nock.Scope) =>
        scope
          .get(`/repos/acme/widgets${CONFIG_FILE}`)
          .reply(404, { message: "Not Found" })
          .get(`/repos/acme/.github${CONFIG_FILE}`)
          .reply(200, "reasoning:\n  level: notice\n", { "content-type": "text/plain; charset=utf-8" }),
    },
    { name: "the repository's own file is empty (the defaults, on purpose)", mock: (scope: nock.Scope) => mockConfigFile(scope, "acme", "widgets", "") },
    { name: "the repository has its own file", mock: (scope: nock.Scope) => mockConfigFile(scope, "acme", "widgets", "review:\n  level: notice\n") },
  ])("goes on when $name", async ({ mock }) => {
    const scope = mockListingWithThisWeek(mock(nock(API)));

    const outcome = await publishWeeklyReport(client(), { owner: "acme", repo: "widgets" }, { now: NOW, log: silent });

    scope.done();
    expect(outcome).toEqual({ action: "skipped", reason: "already published", week: "2026-W47" });
  });

  it("the scheduled job sums up the repositories without a config in one line per tick: info when the list changes, debug when not", async () => {
    const { probot, logs } = createTestProbot();
    const services = createServices({ now: () => NOW });
    const job = weeklyReportJob({ reportCron: "*/15 * * * *" });
    const tokens = nock(API)
      .persist()
      .post("/app/installations/1/access_tokens")
      .reply(201, { token: "test-token", expires_at: "2099-01-01T00:00:00Z", permissions: { issues: "write" } });
    const scope = nock(API);
    for (let tick = 0; tick < 2; tick += 1) {
      scope
        .get("/app/installations")
        .query({ per_page: "100" })
        .reply(200, [{ id: 1, app_id: 123, account: { login: "acme" } }])
        .get("/installation/repositories")
        .query({ per_page: "100" })
        .reply(200, {
          total_count: 2,
          repositories: [
            { name: "widgets", owner: { login: "acme" }, archived: false },
            { name: "gadgets", owner: { login: "acme" }, archived: false },
          ],
        });
      mockConfigFile(scope, "acme", "widgets", null);
      mockConfigFile(scope, "acme", "gadgets", null);
    }

    await job.run({ app: probot, services, now: NOW });
    await job.run({ app: probot, services, now: NOW });

    scope.done();
    tokens.persist(false);
    const summaries = logs.filter((line) => line.msg.includes("without a config file"));
    expect(summaries.map((line) => [line.level, line.msg, line.repositories])).toEqual([
      [30, "eng-health: no weekly report for 2 repositories without a config file (.github/eng-health.yml in the repository or in the organisation's .github repository)", ["acme/widgets", "acme/gadgets"]],
      [20, "eng-health: no weekly report for 2 repositories without a config file (.github/eng-health.yml in the repository or in the organisation's .github repository)", ["acme/widgets", "acme/gadgets"]],
    ]);
    expect(logs.filter((line) => line.level >= 40)).toEqual([]);
  });
});
