import nock from "nock";
import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { publishWeeklyReport } from "../../src/pipelines/publish-weekly-report.js";
import { parseReportMarker } from "../../src/report/report-marker.js";
import { API, mockConfigFile } from "../helpers/test-probot.js";

const LIST = { labels: "team-health", state: "all", per_page: "100" };
const CONFIG = 'rollup:\n  repos: ["acme/*"]\n';
const NOW = new Date("2026-11-23T09:30:00Z");
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

interface GraphqlBody {
  query: string;
  variables: Record<string, string | null>;
}

function client() {
  return new ProbotOctokit({ auth: { token: "test-token" }, throttle: { enabled: false }, retry: { enabled: false }, log: quiet });
}

function logs() {
  const lines: Array<{ level: string; fields: unknown; message: string }> = [];
  const at = (level: string) => (fields: unknown, message?: string) => void lines.push({ level, fields, message: message ?? "" });
  return { lines, log: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") } };
}

/** Every search answered empty; the probe answered for the repositories asked. */
function answer(body: GraphqlBody) {
  if (body.query.includes("r0: repository(")) {
    const data: Record<string, unknown> = {};
    for (let index = 0; typeof body.variables[`n${index}`] === "string"; index += 1) {
      const name = `${body.variables[`o${index}`]}/${body.variables[`n${index}`]}`;
      data[`r${index}`] = { nameWithOwner: name, url: `https://github.com/${name}` };
    }
    return { data };
  }
  const data: Record<string, unknown> = {};
  for (let index = 0; typeof body.variables[`q${index}`] === "string"; index += 1) {
    data[`s${index}`] = { issueCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };
  }
  return { data };
}

describe("the scheduled weekly report of a rollup repository", () => {
  it("covers the installation's repositories for owner/*, and publishes once for the week", async () => {
    const bodies: GraphqlBody[] = [];
    const created: Array<{ title: string; body: string }> = [];
    const scope = nock(API);
    mockConfigFile(scope, "acme", ".github", CONFIG);
    // widgets has no file of its own: it falls back to acme/.github's.
    scope.get(`/repos/acme/widgets/contents/${encodeURIComponent(".github/eng-health.yml")}`).reply(404, { message: "Not Found" });
    mockConfigFile(scope, "acme", ".github", CONFIG);
    scope
      .get("/repos/acme/.github/issues")
      .query(LIST)
      .reply(200, [])
      .post("/graphql")
      .times(2)
      .reply(200, (_uri, body) => {
        bodies.push(body as GraphqlBody);
        return answer(body as GraphqlBody);
      })
      .post("/repos/acme/.github/issues", (body: { title: string; body: string }) => {
        created.push(body);
        return true;
      })
      .reply(201, { number: 7, html_url: "https://github.com/acme/.github/issues/7" });
    const { lines, log } = logs();

    const outcome = await publishWeeklyReport(
      client(),
      { owner: "acme", repo: ".github" },
      {
        now: NOW,
        log,
        installationRepositories: [
          { owner: "acme", repo: "widgets" },
          { owner: "acme", repo: ".github" },
          { owner: "other", repo: "tools" },
        ],
      },
    );

    scope.done();
    expect(outcome).toEqual({ action: "created", week: "2026-W47", issue: 7 });
    // By name, the rollup repository's own config reused (not read again for it).
    expect(bodies[0]?.variables).toEqual({ o0: "acme", n0: ".github", o1: "acme", n1: "widgets" });
    expect(bodies[1]?.variables.q0).toBe("repo:acme/.github repo:acme/widgets is:pr is:open created:<2026-11-23T00:00:00Z sort:created-asc");
    expect(created).toHaveLength(1);
    expect(parseReportMarker(created[0]?.body ?? "")?.repositories).toEqual({
      "acme/.github": expect.objectContaining({ prs_opened: 0 }),
      "acme/widgets": expect.objectContaining({ prs_opened: 0 }),
    });
    expect(lines.find((line) => line.message === "eng-health: weekly report published")?.fields).toMatchObject({ repositories: 2, notIncluded: [] });

    // Due again later that day: the week's marker is found, nothing is built or written.
    const again = nock(API);
    mockConfigFile(again, "acme", ".github", CONFIG);
    again
      .get("/repos/acme/.github/issues")
      .query(LIST)
      .reply(200, [{ number: 7, title: created[0]?.title, state: "open", html_url: "https://github.com/acme/.github/issues/7", body: created[0]?.body, labels: [{ name: "team-health" }] }]);
    expect(await publishWeeklyReport(client(), { owner: "acme", repo: ".github" }, { now: NOW, log })).toEqual({ action: "skipped", reason: "already published", week: "2026-W47" });
    again.done();
  });

  it("skips the repository, with a warning, when its rollup section has errors", async () => {
    const scope = mockConfigFile(nock(API), "acme", ".github", "rollup:\n  repos: [widgets]\n");
    const { lines, log } = logs();
    expect(await publishWeeklyReport(client(), { owner: "acme", repo: ".github" }, { now: NOW, log })).toEqual({ action: "skipped", reason: "config errors" });
    scope.done();
    expect(lines.map((line) => [line.level, line.message])).toEqual([["warn", "eng-health: weekly report skipped: the report config has errors"]]);
  });
});
