import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSyntheticGitHub, type SyntheticGitHub } from "../../bench/synthetic-github.js";
import { buildSyntheticRepository, type SyntheticRepository } from "../../bench/synthetic-repository.js";
import { createClient } from "../../src/github/create-client.js";
import { DEFAULT_CONFIG } from "../../src/config/schema.js";
import { buildWeeklyReport } from "../../src/pipelines/build-weekly-report.js";
import { isoWeekWindow } from "../../src/time/iso-week.js";
import { measureWeek } from "../../src/report/measure-week.js";
import { publishReport } from "../../src/publish/publish-report.js";
import { REPORT_RULES } from "../../src/rules/registry.js";

const N = 100;
const WEEK = "2026-W47";
const WINDOW = isoWeekWindow(WEEK, "UTC");

/** The week measured over the whole synthetic repository, without any search in between. */
function measuredDirectly(repository: SyntheticRepository, week: string) {
  const window = isoWeekWindow(week, "UTC");
  return measureWeek(
    {
      owner: repository.owner,
      repo: repository.repo,
      window: { week, start: window.start, end: window.end },
      template: repository.template,
      pullRequests: repository.pullRequests,
      flakyIssues: repository.flakyIssues,
    },
    DEFAULT_CONFIG,
    REPORT_RULES,
  ).metrics;
}

describe("the weekly report against the local stand-in GitHub (bench data, no latency)", () => {
  let repository: SyntheticRepository;
  let server: SyntheticGitHub;

  beforeAll(async () => {
    repository = buildSyntheticRepository({
      owner: "bench",
      repo: "prs-100",
      pullRequests: N,
      end: WINDOW.end,
      weeks: 8,
      now: new Date(Date.parse(WINDOW.end) + 9 * 3_600_000).toISOString(),
    });
    server = await startSyntheticGitHub({ repositories: [repository], latencyMs: 0 });
  });

  afterAll(async () => {
    await server?.close();
  });

  it("stays within ceil(N/50) + 10 calls and measures what the whole repository gives, first and weekly", async () => {
    // The CLI's client (createClient), without the throttling plugin's spacing of writes (1 s) and
    // issue creations (3 s), which the stand-in does not need and would take the test past its timeout.
    const client = createClient({ token: "stand-in", apiUrl: server.apiUrl, userAgent: "eng-health-cli", throttle: { enabled: false } });
    const input = { owner: "bench", repo: "prs-100", week: WEEK, config: DEFAULT_CONFIG };

    const first = await buildWeeklyReport(client, input);

    expect(first.pullRequests).toBe(N);
    expect(first.apiCalls).toBeLessThanOrEqual(Math.ceil(N / 50) + 10);
    expect(server.requests.graphql + server.requests.rest).toBe(first.apiCalls);
    expect(first.computedWeeks).toEqual(["2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46"]);
    expect(first.metrics).toEqual(measuredDirectly(repository, WEEK));
    for (const week of first.trend) expect(week.metrics).toEqual(measuredDirectly(repository, week.week));
    expect(first.metrics.prs_merged).toBeGreaterThan(0);
    expect(first.metrics.ttfr_median_hours).not.toBeNull();

    const published = await publishReport(client, { owner: "bench", repo: "prs-100", week: WEEK, title: first.title, body: first.body, report: DEFAULT_CONFIG.report });
    expect(published.action).toBe("created");

    // Leave the earlier weeks' reports behind, as the scheduled job would have: the next run takes its
    // trend from their markers and gathers this week only, with the same figures.
    for (const week of first.trend.slice(0, -1)) {
      await client.request("POST /repos/{owner}/{repo}/issues", {
        owner: "bench",
        repo: "prs-100",
        title: `Team health: ${week.week}`,
        body: `<!-- eng-health:report ${JSON.stringify({ week: week.week, metrics: week.metrics })} -->`,
        labels: ["team-health"],
      });
    }
    const before = server.requests.graphql + server.requests.rest;
    const weekly = await buildWeeklyReport(client, input);
    expect(weekly.computedWeeks).toEqual([]);
    expect(weekly.pullRequests).toBeLessThan(N);
    expect(weekly.metrics).toEqual(first.metrics);
    expect(weekly.trend).toEqual(first.trend);
    expect(server.requests.graphql + server.requests.rest - before).toBe(weekly.apiCalls);
    expect(weekly.apiCalls).toBeLessThanOrEqual(Math.ceil(weekly.pullRequests / 50) + 10);

    const again = await publishReport(client, { owner: "bench", repo: "prs-100", week: WEEK, title: weekly.title, body: weekly.body, report: DEFAULT_CONFIG.report });
    expect(again).toMatchObject({ action: "updated", number: published.number });
    expect(repository.issues.filter((issue) => issue.title === first.title)).toHaveLength(1);
  });
});
