import { readFileSync } from "node:fs";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { mockPullRequestFlow } from "../helpers/mock-github.js";
import { examplePayload } from "../helpers/payloads.js";
import { API, createTestProbot, mockConfigFile, mockInstallationToken } from "../helpers/test-probot.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";

interface PrPayload {
  pull_request: { head: { sha: string }; user: { login: string; type: string }; body: string | null; number: number };
}

type RunBody = {
  name: string;
  head_sha?: string;
  conclusion: string;
  details_url?: string;
  output: { title: string; summary: string; annotations: Array<Record<string, unknown>> };
};

const sourceChange = [
  { filename: "src/billing/invoice.ts", status: "modified", additions: 30, deletions: 4, patch: "@@ -1,1 +1,2 @@\n a\n+b\n" },
];

describe("check run for a pull request", () => {
  it("with a broken config: concludes action_required and names file, key path and line", async () => {
    const { probot } = createTestProbot();
    const payload = examplePayload<PrPayload>("pull_request", "opened");
    mockInstallationToken();
    const invalid = readFileSync(new URL("../fixtures/config/invalid.yml", import.meta.url), "utf8");
    const { scope, record } = mockPullRequestFlow({ owner: OWNER, repo: REPO, number: 2, config: invalid, files: sourceChange });

    await probot.receive({ id: "d-config", name: "pull_request", payload } as never);

    scope.done();
    const run = record.writes[0]?.body as RunBody;
    expect(run.conclusion).toBe("action_required");
    expect(run.details_url).toBe(`https://github.com/${OWNER}/${REPO}/blob/HEAD/.github/eng-health.yml`);
    expect(run.output.title).toMatch(/^The eng-health config needs a fix/);
    expect(run.output.summary).toContain("### The eng-health config could not be read");
    expect(run.output.summary).toContain(
      `- [\`.github/eng-health.yml\`, line 3](https://github.com/${OWNER}/${REPO}/blob/HEAD/.github/eng-health.yml#L3): \`reasoning.min_wrods\` is not a known key. Did you mean \`min_words\`?`,
    );
    expect(run.output.summary).toContain("line 5](");
    expect(run.output.summary).toContain("`tests.min_changed_lines` must be a whole number; it is `\"five\"`.");
    expect(run.output.summary).toContain("this PR was checked with the default settings for the affected rules");
    expect(run.output.summary).toContain("| | Agreement | Result |");
  });

  it("sends annotations in batches of 50: the create carries the first 50, updates the rest", async () => {
    const { probot } = createTestProbot();
    const payload = examplePayload<PrPayload>("pull_request", "opened");
    mockInstallationToken();
    const files = Array.from({ length: 120 }, (_, index) => ({
      filename: `src/module${index}.ts`,
      status: "modified",
      additions: 3,
      deletions: 0,
      patch: "@@ -1,1 +1,2 @@\n a\n+b\n",
    }));
    const { scope, record } = mockPullRequestFlow({ owner: OWNER, repo: REPO, number: 2, config: null, files, createdRunId: 77 });
    const updates: RunBody[] = [];
    scope
      .patch(`/repos/${OWNER}/${REPO}/check-runs/77`, (body: RunBody) => {
        updates.push(body);
        return true;
      })
      .times(2)
      .reply(200, { id: 77 });

    await probot.receive({ id: "d-batches", name: "pull_request", payload } as never);

    scope.done();
    const created = record.writes[0]?.body as RunBody;
    expect(created.output.annotations).toHaveLength(50);
    expect(updates.map((update) => update.output.annotations.length)).toEqual([50, 20]);
    expect(updates[0]?.output.title).toBe(created.output.title);
    const paths = [...created.output.annotations, ...updates.flatMap((update) => update.output.annotations)].map((a) => a.path);
    expect(new Set(paths).size).toBe(120);
  });

  it("when GitHub fails after retries: logs the delivery id and concludes neutral with an explanation", async () => {
    const { probot, logs } = createTestProbot();
    const payload = examplePayload<PrPayload>("pull_request", "opened");
    mockInstallationToken();
    const scope = nock(API);
    mockConfigFile(scope, OWNER, REPO, "checks:\n  name: Team practices\n");
    const runs: RunBody[] = [];
    // Issue 10: a read that keeps failing is tried 3 times (backoff 0.5 s, then 1 s) before the neutral run.
    scope
      .get(`/repos/${OWNER}/${REPO}/pulls/2/files`)
      .query(true)
      .times(3)
      .reply(502, { message: "Bad Gateway" })
      .post("/graphql")
      .times(3)
      .reply(200, { data: { repository: { object: null } } })
      .get(`/repos/${OWNER}/${REPO}/commits/${payload.pull_request.head.sha}/check-runs`)
      .query({ check_name: "Team practices", filter: "latest", per_page: "1" })
      .reply(200, { total_count: 0, check_runs: [] })
      .post(`/repos/${OWNER}/${REPO}/check-runs`, (body: RunBody) => {
        runs.push(body);
        return true;
      })
      .reply(201, { id: 5 });

    await probot.receive({ id: "d-failure", name: "pull_request", payload } as never);

    scope.done();
    expect(runs).toHaveLength(1);
    expect(runs[0]?.name).toBe("Team practices");
    expect(runs[0]?.conclusion).toBe("neutral");
    expect(runs[0]?.output.title).toBe("eng-health could not check this pull request");
    expect(runs[0]?.output.summary).toContain("HTTP 502");
    expect(runs[0]?.output.summary).toContain(`GitHub answered with an error (HTTP 502) to \`GET /repos/${OWNER}/${REPO}/pulls/2/files\`, after 3 attempts.`);
    expect(logs.filter((line) => line.deliveryId === "d-failure" && line.stage === "read").map((line) => line.attempt)).toEqual([1, 2]);
    expect(runs[0]?.output.summary).toContain(
      "<sub>[Config reference](https://github.com/eng-health/eng-health#configuration) · for the app's operators: delivery `d-failure`.</sub>",
    );
    const logged = logs.find((line) => line.msg === "eng-health: could not evaluate the pull request");
    expect(logged).toMatchObject({ deliveryId: "d-failure", owner: OWNER, repo: REPO, pull: 2 });
  });

  it("a 5xx on create is not retried blindly: the run is looked up by head SHA and updated", async () => {
    const { probot } = createTestProbot();
    const payload = examplePayload<PrPayload>("pull_request", "opened");
    mockInstallationToken();
    const scope = nock(API);
    mockConfigFile(scope, OWNER, REPO, null);
    const patched: RunBody[] = [];
    scope
      .get(`/repos/${OWNER}/${REPO}/pulls/2/files`)
      .query(true)
      .reply(200, [])
      .post("/graphql")
      .reply(200, { data: { repository: { object: { checkSuites: { nodes: [] } } } } })
      .post(`/repos/${OWNER}/${REPO}/check-runs`)
      .reply(502, { message: "Bad Gateway" })
      .get(`/repos/${OWNER}/${REPO}/commits/${payload.pull_request.head.sha}/check-runs`)
      .query(true)
      .reply(200, { total_count: 1, check_runs: [{ id: 900 }] })
      .patch(`/repos/${OWNER}/${REPO}/check-runs/900`, (body: RunBody) => {
        patched.push(body);
        return true;
      })
      .reply(200, { id: 900 });

    await probot.receive({ id: "d-502", name: "pull_request", payload } as never);
    scope.done();
    expect(patched).toHaveLength(1);
    expect(patched[0]).toMatchObject({ name: "Engineering practices", status: "completed", conclusion: "neutral" });
    expect(patched[0]?.output.title).not.toBe("eng-health could not check this pull request");
  });

  it("a PR opened by a bot skips every rule and succeeds", async () => {
    const { probot } = createTestProbot();
    const payload = examplePayload<PrPayload>("pull_request", "opened");
    payload.pull_request.user = { login: "dependabot[bot]", type: "Bot" };
    payload.pull_request.body = null;
    mockInstallationToken();
    const { scope, record } = mockPullRequestFlow({ owner: OWNER, repo: REPO, number: 2, config: null, files: sourceChange });

    await probot.receive({ id: "d-bot", name: "pull_request", payload } as never);

    scope.done();
    const run = record.writes[0]?.body as RunBody;
    expect(run.conclusion).toBe("success");
    expect(run.output.title).toMatch(/^Nothing to check/);
    expect(run.output.annotations).toEqual([]);
  });

  it("a malformed payload is logged with its delivery id and makes no API call", async () => {
    const { probot, logs } = createTestProbot();
    const payload = examplePayload<Record<string, unknown>>("pull_request", "opened");
    delete payload.pull_request;
    await probot.receive({ id: "d-malformed", name: "pull_request", payload } as never);
    expect(logs.find((line) => line.deliveryId === "d-malformed" && line.level >= 40)?.msg).toMatch(/malformed payload/);
  });
});

describe("a pull request that changes .github/eng-health.yml", () => {
  it("validates the PR's version (one more request) without applying it, and fails when it is broken", async () => {
    const { probot } = createTestProbot();
    const payload = examplePayload<PrPayload>("pull_request", "opened");
    const sha = payload.pull_request.head.sha;
    mockInstallationToken();
    const { scope, record } = mockPullRequestFlow({
      owner: OWNER,
      repo: REPO,
      number: 2,
      config: "checks:\n  name: Team practices\n",
      files: [{ filename: ".github/eng-health.yml", status: "modified", additions: 2, deletions: 2, patch: "@@ -1,2 +1,2 @@\n-a\n+b\n" }],
    });
    scope
      .get(`/repos/${OWNER}/${REPO}/contents/${encodeURIComponent(".github/eng-health.yml")}`)
      .query({ ref: sha })
      .reply(200, "checks:\n  name: Team practices\ntests:\n  min_changed_lines: five\n", { "content-type": "text/plain; charset=utf-8" });

    await probot.receive({ id: "d-proposed", name: "pull_request", payload } as never);

    scope.done();
    expect(record.calls).toBe(5);
    const run = record.writes[0]?.body as RunBody;
    expect(run.name).toBe("Team practices"); // the default branch's config still applies
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toContain("### This PR's `.github/eng-health.yml` needs a fix before it is merged");
    expect(run.output.summary).toContain(
      `- [line 4](https://github.com/${OWNER}/${REPO}/blob/${sha}/.github/eng-health.yml#L4): \`tests.min_changed_lines\` must be a whole number; it is \`"five"\`.`,
    );
    expect(run.output.annotations[0]).toEqual({
      path: ".github/eng-health.yml",
      start_line: 4,
      end_line: 4,
      annotation_level: "failure",
      title: "eng-health config",
      message: 'tests.min_changed_lines must be a whole number; it is "five".',
    });
  });
});

describe("Re-run checks", () => {
  it("check_run.rerequested from a fork (no pull_requests in the payload) finds the PR by head SHA", async () => {
    const { probot } = createTestProbot();
    const payload = examplePayload<{ check_run: { head_sha: string; pull_requests: unknown[] } }>("check_run", "rerequested");
    expect(payload.check_run.pull_requests).toEqual([]);
    const sha = payload.check_run.head_sha;
    const pr = {
      ...examplePayload<PrPayload>("pull_request", "opened").pull_request,
      number: 9,
      head: { sha },
      state: "open",
    };
    mockInstallationToken();
    const lookup = nock(API)
      .get(`/repos/github/hello-world/commits/${sha}/pulls`)
      .query({ per_page: "10" })
      .reply(200, [])
      .get("/search/issues")
      .query({ q: `repo:github/hello-world is:pr ${sha}`, per_page: "10" })
      .reply(200, { total_count: 1, items: [{ number: 9 }] })
      .get("/repos/github/hello-world/pulls/9")
      .reply(200, pr);
    const { scope, record } = mockPullRequestFlow({
      owner: "github",
      repo: "hello-world",
      number: 9,
      config: null,
      files: [],
      existingRunId: 31,
      includeSnapshot: true,
      pullRequest: { isDraft: false, timelineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] }, reviewRequests: { nodes: [] } },
    });

    await probot.receive({ id: "d-rerun", name: "check_run", payload } as never);

    lookup.done();
    scope.done();
    expect(record.writes).toHaveLength(1);
    expect(record.writes[0]?.method).toBe("PATCH");
    expect(record.graphql[0]?.variables).toMatchObject({ sha, number: 9 });
  });

  it("check_suite.rerequested uses the PR numbers the payload names", async () => {
    const { probot } = createTestProbot();
    const payload = examplePayload<{ check_suite: { head_sha: string } }>("check_suite", "rerequested");
    const pr = examplePayload<PrPayload>("pull_request", "opened").pull_request;
    pr.head.sha = payload.check_suite.head_sha;
    mockInstallationToken(957387);
    const lookup = nock(API).get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, pr);
    const { scope, record } = mockPullRequestFlow({
      owner: OWNER,
      repo: REPO,
      number: 2,
      config: null,
      files: [],
      pullRequest: { isDraft: false, timelineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] }, reviewRequests: { nodes: [] } },
    });

    await probot.receive({ id: "d-suite", name: "check_suite", payload } as never);

    lookup.done();
    scope.done();
    expect(record.writes[0]?.method).toBe("POST");
  });
});
