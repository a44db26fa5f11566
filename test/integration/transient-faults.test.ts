import nock from "nock";
import { describe, expect, it } from "vitest";
import { examplePayload } from "../helpers/payloads.js";
import { API, createTestProbot, mockConfigFile, mockInstallationToken } from "../helpers/test-probot.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";

interface PrPayload {
  pull_request: { head: { sha: string }; number: number };
}

type RunBody = { name: string; conclusion: string; output: { title: string; summary: string } };

const FAILURE_TITLE = "eng-health could not check this pull request";

/** Config (none), files and the GraphQL lookup of a PR event: what comes before the write. */
function mockReads(scope: nock.Scope): nock.Scope {
  mockConfigFile(scope, OWNER, REPO, null);
  return scope
    .get(`/repos/${OWNER}/${REPO}/pulls/2/files`)
    .query(true)
    .reply(200, [{ filename: "src/a.ts", status: "modified", additions: 30, deletions: 0, patch: "@@ -1 +1 @@\n+a\n" }])
    .post("/graphql")
    .reply(200, { data: { repository: { object: { checkSuites: { nodes: [] } } } } });
}

function lookUpNone(scope: nock.Scope, sha: string): nock.Scope {
  return scope
    .get(`/repos/${OWNER}/${REPO}/commits/${sha}/check-runs`)
    .query(true)
    .reply(200, { total_count: 0, check_runs: [] });
}

describe("a brief fault at GitHub keeps the evaluated result", () => {
  it("two 502s on the create, then a success: the evaluated conclusion is written once, looked up before each new create", async () => {
    const { probot, logs } = createTestProbot();
    const payload = examplePayload<PrPayload>("pull_request", "opened");
    const sha = payload.pull_request.head.sha;
    mockInstallationToken();
    const scope = mockReads(nock(API));
    const creates: RunBody[] = [];
    const create = (status: number, body: object) =>
      scope
        .post(`/repos/${OWNER}/${REPO}/check-runs`, (run: RunBody) => {
          creates.push(run);
          return true;
        })
        .reply(status, body);
    create(502, { message: "Bad Gateway" });
    lookUpNone(scope, sha); // createOnce: did the failed create happen after all?
    create(502, { message: "Bad Gateway" });
    lookUpNone(scope, sha); // the second attempt looks the run up first
    create(201, { id: 77 });

    await probot.receive({ id: "d-two-502", name: "pull_request", payload } as never);

    scope.done();
    expect(creates.map((run) => run.conclusion)).toEqual(["neutral", "neutral", "neutral"]);
    expect(creates.every((run) => run.output.title !== FAILURE_TITLE)).toBe(true);
    expect(creates[2]).toEqual(creates[0]);
    expect(logs.find((line) => line.msg === "eng-health: check run written")).toMatchObject({ deliveryId: "d-two-502", checkRunId: 77, created: true });
    expect(logs.filter((line) => line.stage === "written")).toEqual([
      expect.objectContaining({ deliveryId: "d-two-502", attempt: 1, delayMs: 500, status: 502, request: `POST /repos/${OWNER}/${REPO}/check-runs` }),
    ]);
  });

  it("a secondary rate limit with retry-after: 1 is waited out, then the evaluated run is written", async () => {
    const { probot, logs } = createTestProbot();
    const payload = examplePayload<PrPayload>("pull_request", "opened");
    mockInstallationToken();
    const scope = mockReads(nock(API));
    let limitedAt = 0;
    let createdAt = 0;
    scope
      .post(`/repos/${OWNER}/${REPO}/check-runs`)
      .reply(() => {
        limitedAt = Date.now();
        return [403, { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." }, { "retry-after": "1" }];
      });
    lookUpNone(scope, payload.pull_request.head.sha);
    const written: RunBody[] = [];
    scope
      .post(`/repos/${OWNER}/${REPO}/check-runs`, (run: RunBody) => {
        createdAt = Date.now();
        written.push(run);
        return true;
      })
      .reply(201, { id: 78 });

    await probot.receive({ id: "d-secondary", name: "pull_request", payload } as never);

    scope.done();
    expect(createdAt - limitedAt).toBeGreaterThanOrEqual(1000);
    expect(written).toHaveLength(1);
    expect(written[0]?.output.title).not.toBe(FAILURE_TITLE);
    expect(logs.find((line) => line.stage === "written")).toMatchObject({ deliveryId: "d-secondary", status: 403, delayMs: 1000 });
  });

  it("a 401 on the installation token is retried with a new token request; the PR is checked as usual", async () => {
    const { probot, logs } = createTestProbot();
    const payload = examplePayload<PrPayload>("pull_request", "opened");
    nock(API).post("/app/installations/1/access_tokens").reply(401, { message: "Bad credentials" });
    mockInstallationToken();
    const scope = mockReads(nock(API));
    const written: RunBody[] = [];
    scope
      .post(`/repos/${OWNER}/${REPO}/check-runs`, (run: RunBody) => {
        written.push(run);
        return true;
      })
      .reply(201, { id: 79 });

    await probot.receive({ id: "d-401", name: "pull_request", payload } as never);

    scope.done();
    expect(written).toHaveLength(1);
    expect(written[0]?.output.title).not.toBe(FAILURE_TITLE);
    expect(logs.find((line) => line.stage === "read")).toMatchObject({ deliveryId: "d-401", status: 401, attempt: 1 });
  });
});
