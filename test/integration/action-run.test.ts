import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSyntheticGitHub, type SyntheticGitHub } from "../../bench/synthetic-github.js";
import { buildSyntheticRepository, type SyntheticRepository } from "../../bench/synthetic-repository.js";
import { runAction } from "../../src/action/run-action.js";
import type { ActionIo } from "../../src/action/runner-io.js";
import { createClient, type CreateClientOptions } from "../../src/github/create-client.js";
import { FLAKY_CHECKLIST_MARKER } from "../../src/flaky/render-flaky-checklist.js";
import { EVALUATION_FAILURE_TITLE } from "../../src/check-run/render-evaluation-failure.js";
import { renderReportMarker } from "../../src/report/report-marker.js";
import { isoWeekWindow } from "../../src/time/iso-week.js";
import type { WeekMetrics } from "../../src/model/week-metrics.js";
import { examplePayload } from "../helpers/payloads.js";
import { API, mockConfigFile } from "../helpers/test-probot.js";

// runAction in this process, as dist/action.js runs it, with GitHub mocked by nock or the report's
// stand-in; the bundle itself is run as a child process in action-bundle.test.ts.

const OWNER = "Codertocat";
const REPO = "Hello-World";
const NOW = new Date("2026-11-24T10:00:00Z");

function capture() {
  const record = { lines: [] as string[], summary: "", outputs: {} as Record<string, string> };
  const io: ActionIo = {
    log: (line) => record.lines.push(line),
    summary: (markdown) => void (record.summary += markdown),
    output: (name, value) => void (record.outputs[name] = value),
  };
  return { io, record };
}

/** createClient without retries' and throttling's waits (the child-process tests keep them). */
const quickClient = (options: CreateClientOptions) => createClient({ ...options, retry: { enabled: false }, throttle: { enabled: false } });

function env(eventName: string, extra: Record<string, string> = {}): Record<string, string> {
  return { GITHUB_EVENT_NAME: eventName, GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_EVENT_PATH: "/event.json", "INPUT_GITHUB-TOKEN": "ghs_t", ...extra };
}

async function run(environment: Record<string, string>, payload: unknown) {
  const { io, record } = capture();
  const code = await runAction(environment, io, { now: NOW, createClient: quickClient, readFile: () => JSON.stringify(payload) });
  return { code, ...record };
}

describe("runAction: events and inputs", () => {
  it("gives a one-line notice and exit 0 on an event it has nothing to do on, sending no request", async () => {
    expect(await run(env("push"), { ref: "refs/heads/main" })).toMatchObject({
      code: 0,
      lines: ["::notice::eng-health has nothing to do on push: it runs on pull_request, pull_request_target, pull_request_review, schedule, workflow_dispatch and issues."],
      summary: "",
    });
    expect(await run(env("pull_request"), examplePayload("pull_request", "closed"))).toMatchObject({
      code: 0,
      lines: ["::notice::eng-health has nothing to do on pull_request.closed."],
    });
  });

  it.each([
    [{ ...env("schedule"), "INPUT_GITHUB-TOKEN": "" }, "::error::eng-health: the github-token input is empty"],
    [env("schedule", { INPUT_COMMAND: "lint" }), '::error::eng-health: the command input is "lint"'],
    [env("schedule", { INPUT_COMMAND: "check" }), "::error::eng-health: command: check needs a pull request event"],
    [{ ...env("schedule"), GITHUB_REPOSITORY: "" }, '::error::eng-health: GITHUB_REPOSITORY is ""; it must be owner/repo'],
  ])("refuses a setup problem with one ::error:: line and exit 1", async (environment, line) => {
    const result = await run(environment, {});
    expect(result.code).toBe(1);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]?.startsWith(line)).toBe(true);
  });

  it("refuses an event payload that is not JSON", async () => {
    const { io, record } = capture();
    const code = await runAction(env("pull_request"), io, { now: NOW, createClient: quickClient, readFile: () => "{not json" });
    expect(code).toBe(1);
    expect(record.lines[0]).toMatch(/^::error::eng-health: the event payload at GITHUB_EVENT_PATH \(\/event\.json\) could not be read: /);
  });
});

describe("runAction: the pull request check", () => {
  it("writes the app's neutral run when the PR cannot be read, and fails the step so it can be re-run", async () => {
    const payload = examplePayload<{ pull_request: { head: { sha: string } } }>("pull_request", "opened");
    const sha = payload.pull_request.head.sha;
    const scope = nock(API);
    mockConfigFile(scope, OWNER, REPO, "checks:\n  name: Team agreements\n");
    const written: Array<Record<string, unknown>> = [];
    scope
      .get(`/repos/${OWNER}/${REPO}/pulls/2/files`)
      .query(true)
      .reply(502, { message: "Bad Gateway" })
      .post("/graphql")
      .reply(200, { data: { repository: { object: { checkSuites: { nodes: [] } }, issues: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } } } })
      .get(`/repos/${OWNER}/${REPO}/commits/${sha}/check-runs`)
      .query({ check_name: "Team agreements", filter: "latest", per_page: "1" })
      .reply(200, { total_count: 0, check_runs: [] })
      .post(`/repos/${OWNER}/${REPO}/check-runs`, (body: Record<string, unknown>) => {
        written.push(body);
        return true;
      })
      .reply(201, { id: 5 });

    const result = await run(env("pull_request"), payload);

    scope.done();
    expect(result.code).toBe(1);
    expect(written).toEqual([
      expect.objectContaining({ name: "Team agreements", head_sha: sha, status: "completed", conclusion: "neutral", output: expect.objectContaining({ title: EVALUATION_FAILURE_TITLE }) }),
    ]);
    expect(result.lines).toContainEqual(expect.stringMatching(/^::error::eng-health: could not evaluate the pull request \(owner=Codertocat, repo=Hello-World, pull=2\): /));
    expect(result.summary).toContain("eng-health could not check pull request #2: GitHub answered with an error (HTTP 502) to `GET /repos/Codertocat/Hello-World/pulls/2/files`. Re-run this job to try again; if it fails again, does the workflow's `permissions` block grant");
    expect(result.outputs).toEqual({});
  });

  it("checks a pull_request_review event's PR, reading its review timeline", async () => {
    const payload = examplePayload("pull_request_review", "submitted");
    const scope = nock(API);
    mockConfigFile(scope, OWNER, REPO, null);
    const queries: Array<{ query: string; variables: Record<string, unknown> }> = [];
    const pullRequest = {
      isDraft: false,
      timelineItems: {
        pageInfo: { hasNextPage: false, endCursor: null },
        nodes: [{ __typename: "PullRequestReview", submittedAt: "2026-11-23T11:00:00Z", state: "APPROVED", author: { login: "grace", __typename: "User" } }],
      },
      reviewRequests: { nodes: [] },
    };
    scope
      .get(`/repos/${OWNER}/${REPO}/pulls/2/files`)
      .query(true)
      .reply(200, [{ filename: "README.md", status: "modified", additions: 1, deletions: 1, patch: "@@ -1 +1 @@\n-a\n+b" }])
      .post("/graphql", (body: { query: string; variables: Record<string, unknown> }) => {
        queries.push(body);
        return true;
      })
      .reply(200, { data: { repository: { object: { checkSuites: { nodes: [{ checkRuns: { nodes: [{ databaseId: 44 }] } }] } }, pullRequest, issues: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } } } })
      .patch(`/repos/${OWNER}/${REPO}/check-runs/44`)
      .reply(200, { id: 44 });

    const result = await run(env("pull_request_review"), payload);

    scope.done();
    expect(result.code).toBe(0);
    expect(queries[0]?.query).toContain("timelineItems(first: 100");
    expect(queries[0]?.variables).toMatchObject({ number: 2 });
    expect(result.summary).toContain("| Review turnaround | First review after "); // measured from the timeline read
    expect(result.outputs).toEqual({ conclusion: expect.stringMatching(/^(success|neutral)$/) });
    expect(result.summary).toContain("[the check run](https://github.com/Codertocat/Hello-World/runs/44)");
  });
});

describe("runAction: the flaky-test checklist", () => {
  function labeled() {
    const payload = examplePayload<{ label: { name: string }; issue: { labels: Array<{ name: string }>; title: string; body: string } }>("issues", "labeled");
    payload.label = { name: "flaky-test" };
    payload.issue.labels = [{ name: "flaky-test" }];
    payload.issue.title = "Flaky: cache expiry test";
    payload.issue.body = "`test/widgets/cache.test.ts` fails 1 run in 20.";
    return payload;
  }
  const context = (comments: string[]) => ({
    data: {
      repository: {
        url: `https://github.com/${OWNER}/${REPO}`,
        defaultBranchRef: { name: "main" },
        issue: { comments: { nodes: comments.map((body) => ({ body })) } },
        issues: { nodes: [] },
        path0: null,
      },
    },
  });

  it("posts the checklist once: a second run finds its marker", async () => {
    const posted: Array<{ body: string }> = [];
    const scope = nock(API);
    mockConfigFile(scope, OWNER, REPO, null);
    scope
      .post("/graphql")
      .reply(200, context([]))
      .post(`/repos/${OWNER}/${REPO}/issues/1/comments`, (body: { body: string }) => {
        posted.push(body);
        return true;
      })
      .reply(201, { id: 1 });
    const first = await run(env("issues"), labeled());
    scope.done();
    expect(first.code).toBe(0);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.body).toContain(FLAKY_CHECKLIST_MARKER);
    expect(first.summary).toBe("Posted the flaky-test checklist on #1.\n");

    const again = nock(API);
    mockConfigFile(again, OWNER, REPO, null);
    again.post("/graphql").reply(200, context([`Thanks!\n${FLAKY_CHECKLIST_MARKER}`]));
    const second = await run(env("issues"), labeled());
    again.done();
    expect(second.code).toBe(0);
    expect(second.summary).toBe("#1 already has the flaky-test checklist.\n");
  });
});

const EARLIER: WeekMetrics = {
  prs_opened: 1, prs_merged: 1, ttfr_median_hours: 1, ttfr_p90_hours: 1, review_sla_met_pct: 100, reasoning_pass_pct: 100,
  tests_pass_pct: 100, flaky_open: 0, flaky_unassigned: 0, flaky_opened: 0, flaky_closed: 0, flaky_oldest_days: null, waiting_for_review: 0,
};

describe("runAction: the weekly report", () => {
  const week = "2026-W47";
  let server: SyntheticGitHub;
  let repository: SyntheticRepository;
  let reportEnv: (eventName: string, extra?: Record<string, string>) => Record<string, string>;

  beforeAll(async () => {
    repository = buildSyntheticRepository({ owner: "bench", repo: "prs-20", pullRequests: 20, end: isoWeekWindow(week, "UTC").end, weeks: 8, now: NOW.toISOString() });
    server = await startSyntheticGitHub({ repositories: [repository], latencyMs: 0 });
    reportEnv = (eventName, extra = {}) => ({
      ...env(eventName, extra),
      GITHUB_REPOSITORY: "bench/prs-20",
      GITHUB_API_URL: server.apiUrl,
      GITHUB_GRAPHQL_URL: server.apiUrl.replace(/\/v3$/, "/graphql"),
    });
  });
  afterAll(async () => server?.close());

  const reportsOf = (forWeek: string) => repository.issues.filter((issue) => issue.body.includes(`"week":"${forWeek}"`));

  it("with publish: false prints the report and publishes nothing", async () => {
    const result = await run(reportEnv("workflow_dispatch", { INPUT_PUBLISH: "false" }), {});
    expect(result.code).toBe(0);
    expect(reportsOf(week)).toHaveLength(0);
    expect(result.summary).toMatch(/^> The team-health report for 2026-W47 was not published: the publish input is false, so it is only shown here\.\n\n# Team health: week of 2026-11-16\n/);
    expect(result.outputs).toEqual({});
  });

  it("closes last week's report, and on workflow_dispatch rebuilds this week's rather than doubling it", async () => {
    repository.issues.push({ number: 90, title: "Team health: week of 2026-11-09", body: renderReportMarker({ week: "2026-W46", metrics: EARLIER }), state: "open", labels: ["team-health"], htmlUrl: "https://github.com/bench/prs-20/issues/90" });

    const first = await run(reportEnv("schedule"), { schedule: "0 9 * * 1" });
    expect(first.code).toBe(0);
    const [report] = reportsOf(week);
    expect(reportsOf(week)).toHaveLength(1);
    expect(repository.issues.find((issue) => issue.number === 90)?.state).toBe("closed");
    expect(first.summary).toContain(`was created: [#${report?.number}](${report?.htmlUrl}); the previous report #90 was closed.`);
    expect(first.outputs).toEqual({ "report-url": report?.htmlUrl });

    const rebuilt = await run(reportEnv("workflow_dispatch", { INPUT_WEEK: week }), {});
    expect(rebuilt.code).toBe(0);
    expect(reportsOf(week)).toHaveLength(1);
    expect(rebuilt.summary).toContain(`was updated: [#${report?.number}](${report?.htmlUrl}).`);
    expect(rebuilt.outputs).toEqual({ "report-url": report?.htmlUrl });
  });

  it("refuses a week that has not ended", async () => {
    const result = await run(reportEnv("workflow_dispatch", { INPUT_WEEK: "2026-W48" }), {});
    expect(result.code).toBe(1);
    expect(result.lines.at(-1)).toBe("::error::eng-health: 2026-W48 has not ended yet in UTC (it ends 2026-11-30T00:00:00Z); the last complete week is 2026-W47");
  });
});

describe("runAction: a weekly report with config errors", () => {
  it("prints the report, publishes nothing, annotates the config file and fails the step", async () => {
    const page = { issueCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };
    const scope = nock(API);
    mockConfigFile(scope, "acme", "widgets", "report:\n  close_previous: sometimes\n");
    scope
      .get("/repos/acme/widgets/issues")
      .query({ labels: "team-health", state: "all", per_page: "100" })
      .reply(200, [])
      .post("/graphql", (body: { variables: Record<string, string> }) => body.variables.q0?.includes("is:open") === true)
      .reply(200, { data: { repository: {}, s0: page, s1: page, s2: page } })
      .post("/graphql", (body: { variables: Record<string, string> }) => body.variables.q0?.includes("is:closed") === true)
      .reply(200, { data: { s0: page } });

    const result = await run({ ...env("schedule"), GITHUB_REPOSITORY: "acme/widgets" }, { schedule: "0 9 * * 1" });

    scope.done(); // and no write was mocked: nock would have refused one
    expect(result.code).toBe(1);
    expect(result.lines).toContainEqual(expect.stringMatching(/^::error file=\.github\/eng-health\.yml,line=2,title=eng-health config::\.github\/eng-health\.yml, line 2: `report\.close_previous` /));
    expect(result.summary).toMatch(/^> The team-health report for 2026-W47 was not published: the config's `report` section has errors/);
    expect(result.summary).toContain("# Team health: week of 2026-11-16");
  });
});
