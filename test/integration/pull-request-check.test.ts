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
    // Two hours after the example PR was opened (its created_at is 2019-05-15T15:20:33Z, a Wednesday).
    const { probot } = createTestProbot({ now: new Date("2019-05-15T17:20:33Z") });
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

    // The exact request body sent to GitHub.
    expect(created[0]).toMatchInlineSnapshot(`
      {
        "conclusion": "neutral",
        "head_sha": "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
        "name": "Engineering practices",
        "output": {
          "annotations": [
            {
              "annotation_level": "warning",
              "end_line": 2,
              "message": "Changed without a test. Which test would fail if this change broke?",
              "path": "src/billing/invoice.ts",
              "start_line": 2,
              "title": "Changed without a test",
            },
          ],
          "summary": "| | Agreement | Result |
      |---|---|---|
      | ✅ | Documented reasoning | The description explains why (13 words). |
      | ⚠️ | Tests accompany code | \`src/billing/invoice.ts\` changed by 34 lines with no test change. |
      | ✅ | Disabled tests are tracked | No test was disabled. |
      | ✅ | Review turnaround | Waiting 1.7 business hours for a first review (target: 24 h). |
      | ✅ | Flaky tests are owned | No open flaky tests. |
      | ✅ | Small pull requests | 36 changed lines in 2 files (limit: 400). |

      ### ⚠️ Tests accompany code
      The team agreed that code changes come with tests, so the next change here is safe to make. Could a test in \`test/billing/invoice.test.ts\` cover what changed in \`src/billing/invoice.ts\`? If this change needs no test (a pure refactor covered elsewhere, say), add the \`skip-tests\` label and a line in the description saying why, so reviewers see the reasoning.

      <sub>Configured in [\`.github/eng-health.yml\`](https://github.com/Codertocat/Hello-World/blob/HEAD/.github/eng-health.yml) · [config reference](https://github.com/eng-health/eng-health#configuration) · re-run with "Re-run checks"</sub>

      <!-- eng-health:results {"results":[{"id":"reasoning","agreement":"Documented reasoning","level":"warning","status":"pass","message":"The description explains why (13 words).","findings":[]},{"id":"tests","agreement":"Tests accompany code","level":"warning","status":"fail","message":"\`src/billing/invoice.ts\` changed by 34 lines with no test change.","findings":[{"message":"The team agreed that code changes come with tests, so the next change here is safe to make. Could a test in \`test/billing/invoice.test.ts\` cover what changed in \`src/billing/invoice.ts\`? If this change needs no test (a pure refactor covered elsewhere, say), add the \`skip-tests\` label and a line in the description saying why, so reviewers see the reasoning."}]},{"id":"disabled-tests","agreement":"Disabled tests are tracked","level":"warning","status":"pass","message":"No test was disabled.","findings":[]},{"id":"review","agreement":"Review turnaround","level":"notice","status":"pass","message":"Waiting 1.7 business hours for a first review (target: 24 h).","findings":[]},{"id":"flaky","agreement":"Flaky tests are owned","level":"notice","status":"pass","message":"No open flaky tests.","findings":[]},{"id":"size","agreement":"Small pull requests","level":"notice","status":"pass","message":"36 changed lines in 2 files (limit: 400).","findings":[]}],"conclusion":"neutral"} -->",
          "title": "5 of 6 agreements met · 1 suggestion",
        },
        "status": "completed",
      }
    `);
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
