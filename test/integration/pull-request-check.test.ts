import nock from "nock";
import { describe, expect, it } from "vitest";
import { examplePayload } from "../helpers/payloads.js";
import { mockPullRequestFlow } from "../helpers/mock-github.js";
import { API, createTestProbot, mockConfigFile, mockInstallationToken } from "../helpers/test-probot.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";

const CONFIG = `reasoning:
  min_words: 5
tests:
  min_changed_lines: 3
`;

const files = [
  {
    filename: "src/billing/invoice.ts",
    status: "modified",
    additions: 30,
    deletions: 4,
    patch: "@@ -1,3 +1,4 @@\n export function total() {\n+  return round(sum);\n }\n",
  },
  { filename: "README.md", status: "modified", additions: 2, deletions: 0, patch: "@@ -1 +1,2 @@\n # x\n+more\n" },
];

interface GraphqlBody {
  query: string;
  variables: Record<string, unknown>;
}

function stateResponse(existingRunId: number | null) {
  return {
    data: {
      repository: {
        object: { checkSuites: { nodes: existingRunId === null ? [] : [{ checkRuns: { nodes: [{ databaseId: existingRunId }] } }] } },
        issues: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
        template0: null,
        template1: null,
        template2: null,
        template3: null,
        template4: null,
        template5: null,
      },
    },
  };
}

describe("pull_request.opened (real payload from @octokit/webhooks-examples)", () => {
  it("creates one completed check run in 4 API calls, then updates it on redelivery", async () => {
    const { probot } = createTestProbot();
    const payload = examplePayload<{ pull_request: { head: { sha: string } } }>("pull_request", "opened");
    const headSha = payload.pull_request.head.sha;

    let apiCalls = 0;
    const graphqlBodies: GraphqlBody[] = [];
    const created: Array<Record<string, unknown>> = [];
    const token = mockInstallationToken();
    const github = nock(API);
    github.on("request", (request: { path: string }) => {
      if (!request.path.includes("access_tokens")) apiCalls += 1;
    });
    mockConfigFile(github, OWNER, REPO, CONFIG);
    github
      .get(`/repos/${OWNER}/${REPO}/pulls/2/files`)
      .query({ per_page: "100", page: "1" })
      .reply(200, files)
      .post("/graphql", (body: GraphqlBody) => {
        graphqlBodies.push(body);
        return true;
      })
      .reply(200, stateResponse(null))
      .post(`/repos/${OWNER}/${REPO}/check-runs`, (body: Record<string, unknown>) => {
        created.push(body);
        return true;
      })
      .reply(201, { id: 4242 });

    await probot.receive({ id: "delivery-1", name: "pull_request", payload } as never);

    expect(apiCalls).toBe(4);
    token.done();
    github.done();

    expect(graphqlBodies[0]?.variables).toEqual({
      owner: OWNER,
      repo: REPO,
      sha: headSha,
      checkName: "Engineering practices",
      label: "flaky-test",
    });
    expect(graphqlBodies[0]?.query).not.toContain("pullRequest(number"); // just opened: no review timeline needed

    const run = created[0] as { name: string; head_sha: string; status: string; conclusion: string; output: { title: string; summary: string; annotations: unknown[] } };
    expect(run.name).toBe("Engineering practices");
    expect(run.head_sha).toBe(headSha);
    expect(run.status).toBe("completed");
    expect(run.conclusion).toBe("neutral");
    expect(run.output.title).toMatch(/agreements met/);
    expect(run.output.summary).toContain("| | Agreement | Result |");
    expect(run.output.summary).toContain("`src/billing/invoice.ts` changed by 34 lines with no test change");
    expect(run.output.summary).toContain("[config reference]");
    expect(run.output.annotations).toEqual([
      {
        path: "src/billing/invoice.ts",
        start_line: 2,
        end_line: 2,
        annotation_level: "warning",
        title: "Changed without a test",
        message: expect.stringContaining("Which test would fail"),
      },
    ]);

    // Redelivery of the same event (the installation token is cached): the lookup finds
    // run 4242, which is updated, not duplicated.
    const updated: Array<Record<string, unknown>> = [];
    const again = nock(API);
    mockConfigFile(again, OWNER, REPO, CONFIG);
    again
      .get(`/repos/${OWNER}/${REPO}/pulls/2/files`)
      .query({ per_page: "100", page: "1" })
      .reply(200, files)
      .post("/graphql")
      .reply(200, stateResponse(4242))
      .patch(`/repos/${OWNER}/${REPO}/check-runs/4242`, (body: Record<string, unknown>) => {
        updated.push(body);
        return true;
      })
      .reply(200, { id: 4242 });

    await probot.receive({ id: "delivery-1", name: "pull_request", payload } as never);
    again.done();
    expect(updated).toHaveLength(1);
    expect(updated[0]).not.toHaveProperty("head_sha");
    expect(updated[0]).toMatchObject({ name: "Engineering practices", status: "completed", conclusion: "neutral" });
  });
});

describe("with the app's id known (APP_ID)", () => {
  it("reads only this app's check suite when looking up the run", async () => {
    const { probot } = createTestProbot({ appId: 123 });
    const payload = examplePayload("pull_request", "opened");
    mockInstallationToken();
    const { scope, record } = mockPullRequestFlow({ owner: OWNER, repo: REPO, number: 2, config: null, files: [], existingRunId: 9 });
    await probot.receive({ id: "d-app-id", name: "pull_request", payload } as never);
    scope.done();
    expect(record.graphql[0]?.variables).toMatchObject({ appId: 123 });
    expect(record.graphql[0]?.query).toContain("$appId: Int!");
    expect(record.graphql[0]?.query).toContain("checkSuites(first: 1, filterBy: { appId: $appId })");
  });
});

describe("config reads are conditional requests", () => {
  it("revalidates the config on every event: a 304 reuses it, a change applies at once", async () => {
    const { probot } = createTestProbot();
    const payload = examplePayload("pull_request", "opened");
    const path = `/repos/${OWNER}/${REPO}/contents/${encodeURIComponent(".github/eng-health.yml")}`;
    const raw = { "content-type": "text/plain; charset=utf-8" };
    mockInstallationToken();

    const runNames: string[] = [];
    const flow = (configReply: (scope: nock.Scope) => nock.Scope) => {
      const scope = configReply(nock(API));
      scope
        .get(`/repos/${OWNER}/${REPO}/pulls/2/files`)
        .query(true)
        .reply(200, [])
        .post("/graphql")
        .reply(200, { data: { repository: { object: { checkSuites: { nodes: [] } } } } })
        .post(`/repos/${OWNER}/${REPO}/check-runs`, (body: { name: string }) => {
          runNames.push(body.name);
          return true;
        })
        .reply(201, { id: 1 });
      return scope;
    };

    const first = flow((scope) => scope.get(path).reply(200, "checks:\n  name: Team practices\n", { ...raw, etag: '"v1"' }));
    await probot.receive({ id: "d-etag-1", name: "pull_request", payload } as never);
    first.done();

    const second = flow((scope) => scope.get(path).matchHeader("if-none-match", '"v1"').reply(304));
    await probot.receive({ id: "d-etag-2", name: "pull_request", payload } as never);
    second.done();

    const third = flow((scope) =>
      scope.get(path).matchHeader("if-none-match", '"v1"').reply(200, "checks:\n  name: Renamed practices\n", { ...raw, etag: '"v2"' }),
    );
    await probot.receive({ id: "d-etag-3", name: "pull_request", payload } as never);
    third.done();

    expect(runNames).toEqual(["Team practices", "Team practices", "Renamed practices"]);
  });
});
