import nock from "nock";
import { describe, expect, it } from "vitest";
import { FLAKY_CHECKLIST_MARKER } from "../../src/flaky/render-flaky-checklist.js";
import { mockPullRequestFlow, type GraphqlBody } from "../helpers/mock-github.js";
import { examplePayload } from "../helpers/payloads.js";
import { API, createTestProbot, mockConfigFile, mockInstallationToken } from "../helpers/test-probot.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";

interface IssuesPayload {
  label?: { name: string };
  issue: { number: number; title: string; body: string | null; labels: Array<{ name: string }> };
}

function labeledPayload(): IssuesPayload {
  const payload = examplePayload<IssuesPayload>("issues", "labeled");
  payload.label = { ...payload.label, name: "flaky-test" };
  payload.issue.labels = [{ name: "flaky-test" }];
  payload.issue.title = "Flaky: cache expiry test";
  payload.issue.body = "`test/widgets/cache.test.ts` › \"expires entries\" fails about 1 run in 20.";
  return payload;
}

function contextResponse(comments: string[]) {
  return {
    data: {
      repository: {
        url: `https://github.com/${OWNER}/${REPO}`,
        defaultBranchRef: { name: "main" },
        issue: { comments: { nodes: comments.map((body) => ({ body })) } },
        issues: {
          nodes: [
            {
              number: 1,
              title: "Flaky: cache expiry test",
              body: "",
              url: `https://github.com/${OWNER}/${REPO}/issues/1`,
              createdAt: "2026-10-24T12:00:00Z",
              assignees: { nodes: [] },
              labels: { nodes: [{ name: "flaky-test" }] },
            },
          ],
        },
        path0: { __typename: "Blob" },
      },
    },
  };
}

describe("issues labelled flaky-test", () => {
  it("get one checklist comment that links the test file the issue names", async () => {
    const { probot } = createTestProbot();
    mockInstallationToken();
    const scope = nock(API);
    mockConfigFile(scope, OWNER, REPO, null);
    const queries: GraphqlBody[] = [];
    const comments: Array<{ body: string }> = [];
    scope
      .post("/graphql", (body: GraphqlBody) => {
        queries.push(body);
        return true;
      })
      .reply(200, contextResponse([]))
      .post(`/repos/${OWNER}/${REPO}/issues/1/comments`, (body: { body: string }) => {
        comments.push(body);
        return true;
      })
      .reply(201, { id: 1 });

    await probot.receive({ id: "d-flaky-1", name: "issues", payload: labeledPayload() } as never);

    scope.done();
    expect(queries[0]?.query).toContain('path0: object(expression: "HEAD:test/widgets/cache.test.ts")');
    expect(queries[0]?.variables).toEqual({ owner: OWNER, repo: REPO, number: 1, label: "flaky-test" });
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? "";
    expect(body).toContain("Thanks for flagging this flaky test");
    expect(body).toContain("- [ ] who will take a look (assign them)");
    expect(body).toContain(`[view](https://github.com/${OWNER}/${REPO}/blob/main/test/widgets/cache.test.ts)`);
    expect(body).toContain("This is the only open flaky test in this repository.");
    expect(body.trimEnd().endsWith(FLAKY_CHECKLIST_MARKER)).toBe(true);
  });

  it("post nothing on a second labelling or a redelivery (the marker is found)", async () => {
    const { probot } = createTestProbot();
    mockInstallationToken();
    const scope = nock(API);
    mockConfigFile(scope, OWNER, REPO, null);
    scope.post("/graphql").reply(200, contextResponse([`Thanks!\n${FLAKY_CHECKLIST_MARKER}`]));

    await probot.receive({ id: "d-flaky-2", name: "issues", payload: labeledPayload() } as never);

    scope.done(); // and no POST .../comments was mocked: nock would have refused it
  });

  it("post nothing when comment_on_label is false", async () => {
    const { probot } = createTestProbot();
    mockInstallationToken();
    const scope = nock(API);
    mockConfigFile(scope, OWNER, REPO, "flaky:\n  comment_on_label: false\n");

    await probot.receive({ id: "d-flaky-3", name: "issues", payload: labeledPayload() } as never);

    scope.done();
  });

  it("post nothing for another label", async () => {
    const { probot } = createTestProbot();
    mockInstallationToken();
    const scope = nock(API);
    mockConfigFile(scope, OWNER, REPO, null);
    const payload = labeledPayload();
    payload.label = { name: "bug" };
    payload.issue.labels = [{ name: "bug" }];

    await probot.receive({ id: "d-flaky-4", name: "issues", payload } as never);

    scope.done();
  });
});

describe("flaky-test awareness on pull requests", () => {
  it("ten PR events read the open flaky issues once; an issues event makes the next one read them again", async () => {
    const { probot } = createTestProbot();
    const payload = examplePayload("pull_request", "opened");
    mockInstallationToken();
    const snapshotQueries: number[] = [];
    for (let index = 0; index < 10; index += 1) {
      const { scope, record } = mockPullRequestFlow({ owner: OWNER, repo: REPO, number: 2, config: null, files: [], existingRunId: 8, includeSnapshot: index === 0 });
      await probot.receive({ id: `d-burst-${index}`, name: "pull_request", payload } as never);
      scope.done();
      snapshotQueries.push(record.graphql.filter((body) => body.query.includes("issues(first: 100")).length);
    }
    expect(snapshotQueries).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

    const unlabeled = examplePayload("issues", "unlabeled");
    await probot.receive({ id: "d-unlabel", name: "issues", payload: unlabeled } as never);
    const { scope, record } = mockPullRequestFlow({ owner: OWNER, repo: REPO, number: 2, config: null, files: [], existingRunId: 8 });
    await probot.receive({ id: "d-after", name: "pull_request", payload } as never);
    scope.done();
    expect(record.graphql[0]?.query).toContain("issues(first: 100");
  });

  it("a PR that changes a test an open flaky issue names is asked whether it fixes it", async () => {
    const { probot } = createTestProbot();
    const payload = examplePayload("pull_request", "opened");
    mockInstallationToken();
    const { scope, record } = mockPullRequestFlow({
      owner: OWNER,
      repo: REPO,
      number: 2,
      config: null,
      files: [{ filename: "test/widgets/cache.test.ts", status: "modified", additions: 4, deletions: 1, patch: "@@ -1 +1,2 @@\n a\n+b\n" }],
      flakyIssues: [{ number: 12, title: "Flaky: `test/widgets/cache.test.ts`", createdAt: "2026-11-10T00:00:00Z", assignees: ["octocat"] }],
    });

    await probot.receive({ id: "d-touch", name: "pull_request", payload } as never);

    scope.done();
    const run = record.writes[0]?.body as { output: { summary: string; annotations: Array<Record<string, unknown>> } };
    expect(run.output.summary).toContain("#12");
    expect(run.output.summary).toContain("Fixes #12");
    expect(run.output.annotations).toContainEqual(
      expect.objectContaining({ path: "test/widgets/cache.test.ts", start_line: 1, annotation_level: "notice" }),
    );
  });
});

describe("an issue created with the flaky label", () => {
  it("gets one checklist although GitHub sends both opened and labeled", async () => {
    const { probot } = createTestProbot();
    mockInstallationToken();
    const scope = nock(API);
    mockConfigFile(scope, OWNER, REPO, null);
    const comments: string[] = [];
    scope
      .post("/graphql")
      .reply(200, contextResponse([]))
      .post(`/repos/${OWNER}/${REPO}/issues/1/comments`, (body: { body: string }) => {
        comments.push(body.body);
        return true;
      })
      .reply(201, { id: 1 });
    const opened = examplePayload<IssuesPayload>("issues", "opened");
    const labeled = labeledPayload();
    opened.issue = { ...labeled.issue };

    await probot.receive({ id: "d-opened", name: "issues", payload: opened } as never);
    await probot.receive({ id: "d-labeled", name: "issues", payload: labeled } as never);

    scope.done(); // one config read, one lookup, one comment: the labeled delivery made no request
    expect(comments).toHaveLength(1);
  });
});
