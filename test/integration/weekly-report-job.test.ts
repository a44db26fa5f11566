import nock from "nock";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createServices } from "../../src/pipelines/services.js";
import { renderReportMarker } from "../../src/report/report-marker.js";
import type { WeekMetrics } from "../../src/model/week-metrics.js";
import type { ScheduledJob } from "../../src/schedule/scheduled-job.js";
import { startScheduler } from "../../src/schedule/start-scheduler.js";
import { weeklyReportJob } from "../../src/schedule/weekly-report-job.js";
import { API, createTestProbot, mockConfigFile } from "../helpers/test-probot.js";

const SETTINGS = { sweepCron: "7 * * * *", reportCron: "*/15 * * * *" };
const CONFIG = "report:\n  timezone: Europe/Berlin\n  time: \"09:00\"\n";
const LIST = { labels: "team-health", state: "all", per_page: "100" };
const METRICS: WeekMetrics = {
  prs_opened: 3,
  prs_merged: 2,
  ttfr_median_hours: 4,
  ttfr_p90_hours: 6,
  review_sla_met_pct: 100,
  reasoning_pass_pct: 100,
  tests_pass_pct: 50,
  flaky_open: 0,
  flaky_unassigned: 0,
  flaky_opened: 0,
  flaky_closed: 0,
  flaky_oldest_days: null,
  waiting_for_review: 0,
};

function report(number: number, week: string, state = "open") {
  return {
    number,
    title: `Team health: ${week}`,
    state,
    html_url: `https://github.com/acme/widgets/issues/${number}`,
    body: renderReportMarker({ week, metrics: METRICS }),
    labels: [{ name: "team-health" }],
  };
}

/** Every search answered with no results, the templates absent. */
function emptySearches(_uri: string, requestBody: unknown) {
  const body = requestBody as { query: string; variables: Record<string, unknown> };
  const data: Record<string, unknown> = body.query.includes("repository(") ? { repository: {} } : {};
  for (let index = 0; typeof body.variables[`q${index}`] === "string"; index += 1) {
    data[`s${index}`] = { issueCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };
  }
  return { data };
}

/** The installation token exchange, however often Probot's token cache asks (not an API call of the job). */
function mockTokens() {
  return nock(API)
    .persist()
    .post("/app/installations/1/access_tokens")
    .reply(201, { token: "test-token", expires_at: "2099-01-01T00:00:00Z", permissions: { issues: "write" } });
}

/** Mocks for `ticks` runs of the job over one installation with one repository. */
function mockInstallation(ticks: number) {
  const scope = nock(API)
    .get("/app/installations")
    .query({ per_page: "100" })
    .times(ticks)
    .reply(200, [{ id: 1, account: { login: "acme" } }])
    .get("/installation/repositories")
    .query({ per_page: "100" })
    .times(ticks)
    .reply(200, { total_count: 1, repositories: [{ name: "widgets", owner: { login: "acme" }, archived: false }] });
  for (let tick = 0; tick < ticks; tick += 1) mockConfigFile(scope, "acme", "widgets", CONFIG);
  return scope;
}

/** The job, with each run's promise kept so the test can wait for it. */
function tracked(job: ScheduledJob): { job: ScheduledJob; runs: Array<Promise<void>> } {
  const runs: Array<Promise<void>> = [];
  return {
    runs,
    job: {
      ...job,
      run: (input) => {
        const run = job.run(input);
        runs.push(run);
        return run;
      },
    },
  };
}

/** Move the fake clock to `iso`, firing the cron ticks on the way, and wait for the runs they started. */
async function advanceTo(iso: string, runs: Array<Promise<void>>): Promise<void> {
  await vi.advanceTimersByTimeAsync(Date.parse(iso) - Date.now());
  await Promise.all(runs);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("weekly report job (croner with fake timers)", () => {
  it("publishes once at Monday 09:00 Europe/Berlin in the week DST ended, and not again after a restart", async () => {
    // Monday 2026-10-26, the day after Europe/Berlin left summer time: 09:00 local is 08:00 UTC.
    vi.useFakeTimers({ now: new Date("2026-10-26T06:50:00Z"), toFake: ["Date", "setTimeout", "clearTimeout"] });
    const { probot, logs } = createTestProbot();
    const services = createServices({ now: () => new Date() });

    const tokens = mockTokens();
    const installation = mockInstallation(6);
    const graphql: Array<{ variables: Record<string, unknown> }> = [];
    const created: Array<{ title: string; body: string; labels: string[] }> = [];
    const github = nock(API)
      // Listed once: the job's listing (no report for the week yet) is handed on to publishing.
      .get("/repos/acme/widgets/issues")
      .query(LIST)
      .reply(200, [report(40, "2026-W42")])
      .post("/graphql", (body: { variables: Record<string, unknown> }) => {
        graphql.push(body);
        return true;
      })
      .times(2)
      .reply(200, emptySearches)
      .post("/repos/acme/widgets/issues", (body: { title: string; body: string; labels: string[] }) => {
        created.push(body);
        return true;
      })
      .reply(201, { number: 41, html_url: "https://github.com/acme/widgets/issues/41" })
      .patch("/repos/acme/widgets/issues/40", { state: "closed", state_reason: "completed" })
      .reply(200, { number: 40 })
      .post("/repos/acme/widgets/issues/40/comments")
      .reply(201, { id: 1 });

    const first = tracked(weeklyReportJob(SETTINGS));
    const scheduler = startScheduler(probot, SETTINGS, services, [first.job]);
    try {
      // Ticks at 07:00 (08:00 local: not yet), 07:15, 07:30, 07:45, 08:00 (09:00 local: publish), 08:15 (already done).
      for (const tick of ["07:00", "07:15", "07:30", "07:45"]) {
        await advanceTo(`2026-10-26T${tick}:01Z`, first.runs);
        expect(created).toEqual([]);
      }
      await advanceTo("2026-10-26T08:00:01Z", first.runs);
      expect(created).toHaveLength(1);
      await advanceTo("2026-10-26T08:15:01Z", first.runs);
    } finally {
      scheduler.stop();
    }

    expect(first.runs).toHaveLength(6);
    installation.done();
    github.done();
    expect(created[0]?.title).toBe("Team health: week of 2026-10-19");
    expect(created[0]?.labels).toEqual(["team-health"]);
    expect(created[0]?.body).toContain('<!-- eng-health:report {"week":"2026-W43"');
    // The window ends at Monday 00:00 CET (23:00 UTC); the pass reaches back to the oldest week without a
    // marker: W36 (Monday 2026-08-31 00:00 CEST), since only W42 has one among the seven weeks before W43.
    expect(graphql[0]?.variables.q0).toBe("repo:acme/widgets is:pr is:open created:<2026-10-25T23:00:00Z sort:created-asc");
    expect(graphql[1]?.variables.q0).toBe(
      "repo:acme/widgets is:pr is:closed closed:>=2026-08-30T22:00:00Z created:<2026-10-25T23:00:00Z sort:created-asc",
    );
    expect(logs.filter((line) => line.level >= 50)).toEqual([]);
    expect(logs.find((line) => line.msg === "eng-health: weekly report published")).toMatchObject({ week: "2026-W43", issue: 41, action: "created", closedPrevious: 40 });

    // A restart later that day: a fresh job finds the week's marker and publishes nothing.
    const again = mockInstallation(1);
    const lookup = nock(API).get("/repos/acme/widgets/issues").query(LIST).reply(200, [report(41, "2026-W43"), report(40, "2026-W42", "closed")]);
    vi.setSystemTime(new Date("2026-10-26T09:59:00Z"));
    const second = tracked(weeklyReportJob(SETTINGS));
    const restarted = startScheduler(probot, SETTINGS, services, [second.job]);
    try {
      await advanceTo("2026-10-26T10:00:01Z", second.runs);
    } finally {
      restarted.stop();
    }
    expect(second.runs).toHaveLength(1);
    again.done();
    lookup.done();
    expect(tokens.isDone()).toBe(true);
    expect(logs.filter((line) => line.level >= 50)).toEqual([]);
  });

  it.each([
    { name: "switched off", config: "report:\n  enabled: false\n", warned: false },
    { name: "with a typo in its report section", config: "report:\n  enabeld: false\n", warned: true },
    { name: "with a config file that is not YAML", config: "report: [enabled: false\n", warned: true },
  ])("skips a repository whose report is $name, after reading its config", async ({ config, warned }) => {
    vi.useFakeTimers({ now: new Date("2026-11-23T08:59:00Z"), toFake: ["Date", "setTimeout", "clearTimeout"] });
    const { probot, logs } = createTestProbot();
    mockTokens();
    const scope = nock(API)
      .get("/app/installations")
      .query({ per_page: "100" })
      .reply(200, [{ id: 1, account: { login: "acme" } }])
      .get("/installation/repositories")
      .query({ per_page: "100" })
      .reply(200, { total_count: 1, repositories: [{ name: "widgets", owner: { login: "acme" }, archived: false }] });
    mockConfigFile(scope, "acme", "widgets", config);
    const job = tracked(weeklyReportJob(SETTINGS));
    const scheduler = startScheduler(probot, SETTINGS, createServices({ now: () => new Date() }), [job.job]);
    try {
      await advanceTo("2026-11-23T09:00:01Z", job.runs);
    } finally {
      scheduler.stop();
    }
    expect(job.runs).toHaveLength(1);
    scope.done();
    expect(logs.filter((line) => line.level >= 50)).toEqual([]);
    expect(logs.filter((line) => line.level === 40).map((line) => line.msg)).toEqual(
      warned ? ["eng-health: weekly report skipped: the report config has errors"] : [],
    );
  });
});
