import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSyntheticGitHub, type SyntheticGitHub } from "../../bench/synthetic-github.js";
import { buildSyntheticRepository, type SyntheticRepository } from "../../bench/synthetic-repository.js";
import { configSchema } from "../../src/config/schema.js";
import { createClient } from "../../src/github/create-client.js";
import { buildRollupReport } from "../../src/pipelines/build-rollup-report.js";
import { publishReport } from "../../src/publish/publish-report.js";
import { measureWeek } from "../../src/report/measure-week.js";
import { renderReportMarker } from "../../src/report/report-marker.js";
import { REPORT_RULES } from "../../src/rules/registry.js";
import { isoWeekWindow } from "../../src/time/iso-week.js";

const WEEK = "2026-W47";
const WINDOW = isoWeekWindow(WEEK, "UTC");
const SIZES = [60, 140, 90];
const NAMES = SIZES.map((_, index) => `team-${index + 1}`);
// The rollup lives in team-1, which it covers too; bench/gone is listed but not served.
const CONFIG = configSchema.parse({ rollup: { repos: [...NAMES.map((name) => `bench/${name}`), "bench/gone"] } });

describe("a rollup against the local stand-in GitHub (bench data, no latency)", () => {
  let repositories: SyntheticRepository[];
  let server: SyntheticGitHub;

  beforeAll(async () => {
    repositories = SIZES.map((size, index) =>
      buildSyntheticRepository({
        owner: "bench",
        repo: NAMES[index] as string,
        pullRequests: size,
        end: WINDOW.end,
        weeks: 8,
        now: new Date(Date.parse(WINDOW.end) + 9 * 3_600_000).toISOString(),
        seed: 47 + index,
      }),
    );
    server = await startSyntheticGitHub({ repositories, latencyMs: 0 });
  });

  afterAll(async () => {
    await server?.close();
  });

  /** One repository holding every repository's pull requests and flaky issues, measured directly (numbers moved apart). */
  function measuredTogether(week: string) {
    const window = isoWeekWindow(week, "UTC");
    const shifted = repositories.flatMap((repository, index) => repository.pullRequests.map((pr) => ({ ...pr, number: pr.number + index * 10_000 })));
    const flaky = repositories.flatMap((repository, index) => repository.flakyIssues.map((issue) => ({ ...issue, number: issue.number + index * 10_000 })));
    const facts = { owner: "bench", repo: "all", window: { week, start: window.start, end: window.end }, template: repositories[0]?.template ?? null, pullRequests: shifted, flakyIssues: flaky };
    return measureWeek(facts, CONFIG, REPORT_RULES).metrics;
  }

  function measuredAlone(repository: SyntheticRepository) {
    const facts = { owner: repository.owner, repo: repository.repo, window: { week: WEEK, start: WINDOW.start, end: WINDOW.end }, template: repository.template, pullRequests: repository.pullRequests, flakyIssues: repository.flakyIssues };
    return measureWeek(facts, CONFIG, REPORT_RULES).metrics;
  }

  it("measures the team and each repository, within ceil(N/50) + 10 + R calls, and publishes once per week", async () => {
    const client = createClient({ token: "stand-in", apiUrl: server.apiUrl, userAgent: "eng-health-cli", throttle: { enabled: false } });
    const input = { owner: "bench", repo: "team-1", week: WEEK, config: CONFIG };

    const first = await buildRollupReport(client, input);

    const total = SIZES.reduce((sum, size) => sum + size, 0);
    expect(first.pullRequests).toBe(total);
    expect(first.apiCalls).toBeLessThanOrEqual(Math.ceil(total / 50) + 10 + NAMES.length);
    expect(server.requests.graphql + server.requests.rest).toBe(first.apiCalls);
    expect(first.metrics).toEqual(measuredTogether(WEEK));
    for (const week of first.trend) expect(week.metrics).toEqual(measuredTogether(week.week));
    for (const repository of repositories) expect(first.repositories[`bench/${repository.repo}`]).toEqual(measuredAlone(repository));
    expect(first.notIncluded).toEqual([{ repository: "bench/gone", reason: "unreadable" }]);
    expect(first.body).toContain("Not included: `bench/gone`");

    const published = await publishReport(client, { owner: "bench", repo: "team-1", week: WEEK, title: first.title, body: first.body, report: CONFIG.report });
    expect(published.action).toBe("created");

    // Earlier weeks' rollup reports, as the scheduled job would have left them: the next run reads its trend from them.
    for (const week of first.trend.slice(0, -1)) {
      await client.request("POST /repos/{owner}/{repo}/issues", {
        owner: "bench",
        repo: "team-1",
        title: `Team health: ${week.week}`,
        body: renderReportMarker({ week: week.week, metrics: week.metrics, repositories: {} }),
        labels: ["team-health"],
      });
    }
    const before = server.requests.graphql + server.requests.rest;
    const weekly = await buildRollupReport(client, input);
    expect(weekly.computedWeeks).toEqual([]);
    expect(weekly.pullRequests).toBeLessThan(total);
    expect(weekly.metrics).toEqual(first.metrics);
    expect(weekly.repositories).toEqual(first.repositories);
    expect(weekly.trend).toEqual(first.trend);
    expect(server.requests.graphql + server.requests.rest - before).toBe(weekly.apiCalls);
    expect(weekly.apiCalls).toBeLessThanOrEqual(Math.ceil(weekly.pullRequests / 50) + 10 + NAMES.length);

    const again = await publishReport(client, { owner: "bench", repo: "team-1", week: WEEK, title: weekly.title, body: weekly.body, report: CONFIG.report });
    expect(again).toMatchObject({ action: "updated", number: published.number });
    const home = repositories[0] as SyntheticRepository;
    expect(home.issues.filter((issue) => issue.title === first.title)).toHaveLength(1);
  });
});
