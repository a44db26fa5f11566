import nock from "nock";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { pullRequestStateResponse } from "../helpers/mock-github.js";
import { examplePayload } from "../helpers/payloads.js";
import { API, mockConfigFile } from "../helpers/test-probot.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (text: string) => out.push(text), stderr: (text: string) => err.push(text) }, out, err };
}

function mockCheck(config: string | null) {
  const pr = examplePayload<{ pull_request: Record<string, unknown> }>("pull_request", "opened").pull_request;
  const scope = nock(API).get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, pr);
  mockConfigFile(scope, OWNER, REPO, config);
  scope
    .get(`/repos/${OWNER}/${REPO}/pulls/2/files`)
    .query({ per_page: "100", page: "1" })
    .reply(200, [{ filename: "src/a.ts", status: "modified", additions: 10, deletions: 0, patch: "@@ -1 +1,2 @@\n a\n+b\n" }])
    .post("/graphql")
    .reply(
      200,
      pullRequestStateResponse({
        pullRequest: { isDraft: false, timelineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] }, reviewRequests: { nodes: [] } },
      }),
    );
  return scope;
}

describe("eng-health check", () => {
  it("--json prints the result the app would post, and exits 0 (posting nothing)", async () => {
    const scope = mockCheck(null);
    const { io, out, err } = capture();
    const code = await runCli(["check", `${OWNER}/${REPO}#2`, "--json"], { GITHUB_TOKEN: "t" }, io, { now: new Date("2026-11-16T12:00:00Z") });
    scope.done();
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const result = JSON.parse(out.join("")) as { conclusion: string; rules: Array<{ id: string; status: string; level: string }> };
    expect(result.conclusion).toBe("neutral");
    expect(result.rules.map((rule) => [rule.id, rule.status])).toEqual([
      ["reasoning", "fail"],
      ["tests", "fail"],
      ["disabled-tests", "pass"],
      ["review", "fail"],
      ["flaky", "pass"],
      ["size", "pass"],
    ]);
  });

  it("prints the summary and exits 2 with a one-line reason when the config has errors", async () => {
    const scope = mockCheck("tests:\n  min_changed_lines: five\n");
    const { io, out, err } = capture();
    const code = await runCli(["check", `${OWNER}/${REPO}#2`], { GITHUB_TOKEN: "t" }, io);
    scope.done();
    expect(code).toBe(2);
    expect(out.join("")).toContain("conclusion: action_required");
    expect(err).toEqual([
      "eng-health: config error: .github/eng-health.yml, line 2: tests.min_changed_lines must be a whole number; it is \"five\".\n",
    ]);
  });

  it.each([
    [["check", "Codertocat/Hello-World"], { GITHUB_TOKEN: "t" }, /check needs OWNER\/REPO#N/],
    [["check", "Codertocat/Hello-World#2", "--fast"], { GITHUB_TOKEN: "t" }, /unknown option "--fast"/],
    [["deploy"], { GITHUB_TOKEN: "t" }, /unknown command "deploy"/],
    [["check", "Codertocat/Hello-World#2"], {}, /GITHUB_TOKEN is not set/],
  ])("%j exits 2 with a usage error", async (argv, env, reason) => {
    const { io, err } = capture();
    expect(await runCli(argv, env, io)).toBe(2);
    expect(err.join("").split("\n")[0]).toMatch(reason);
  });

  it("exits 1 when GitHub cannot be read", async () => {
    const scope = nock(API).get(`/repos/${OWNER}/${REPO}/pulls/3`).reply(404, { message: "Not Found" });
    const { io, err } = capture();
    expect(await runCli(["check", `${OWNER}/${REPO}#3`], { GITHUB_TOKEN: "t" }, io)).toBe(1);
    scope.done();
    expect(err.join("")).toMatch(/^eng-health: could not read from GitHub \(HTTP 404\)/);
  });

  it("honours GITHUB_API_URL and derives the GraphQL URL for GitHub Enterprise Server", async () => {
    const pr = examplePayload<{ pull_request: Record<string, unknown> }>("pull_request", "opened").pull_request;
    const ghe = nock("https://ghe.example.com")
      .get(`/api/v3/repos/${OWNER}/${REPO}/pulls/2`)
      .reply(200, pr)
      .get(`/api/v3/repos/${OWNER}/${REPO}/contents/.github%2Feng-health.yml`)
      .reply(200, "review:\n  level: off\n", { "content-type": "text/plain; charset=utf-8" })
      .get(`/api/v3/repos/${OWNER}/${REPO}/pulls/2/files`)
      .query(true)
      .reply(200, [])
      .post("/api/graphql")
      .reply(200, pullRequestStateResponse({}));
    const { io } = capture();
    expect(await runCli(["check", `${OWNER}/${REPO}#2`, "--json"], { GITHUB_TOKEN: "t", GITHUB_API_URL: "https://ghe.example.com/api/v3" }, io)).toBe(0);
    ghe.done();
  });
});

describe("eng-health check output", () => {
  it("prints the summary without hidden markers", async () => {
    const scope = mockCheck(null);
    const out: string[] = [];
    const code = await runCli(["check", `${OWNER}/${REPO}#2`], { GITHUB_TOKEN: "t" }, { stdout: (text) => out.push(text), stderr: () => {} });
    scope.done();
    expect(code).toBe(0);
    expect(out.join("")).toContain("| | Agreement | Result |");
    expect(out.join("")).not.toContain("<!-- eng-health:");
  });
});
