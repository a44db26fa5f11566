import nock from "nock";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { API, mockConfigFile } from "../helpers/test-probot.js";

const NOW = new Date("2026-11-24T10:00:00Z");
const ENV = { GITHUB_TOKEN: "test-token" };
const LIST = { labels: "team-health", state: "all", per_page: "100" };
const END = "2026-11-23T00:00:00Z";
// Two trend weeks and no earlier report: W46 is computed in the same pass.
const START = "2026-11-09T00:00:00Z";
const SCOPE = "repo:acme/widgets repo:acme/gadgets";
const OPEN_PRS = `${SCOPE} is:pr is:open created:<${END} sort:created-asc`;
const CLOSED_PRS = `${SCOPE} is:pr is:closed closed:>=${START} created:<${END} sort:created-asc`;
const OPEN_FLAKY = `${SCOPE} is:issue is:open label:"flaky-test" created:<${END} sort:created-asc`;
const CLOSED_FLAKY = `${SCOPE} is:issue is:closed label:"flaky-test" closed:>=${START} created:<${END} sort:created-asc`;
const ROLLUP_CONFIG = "rollup:\n  repos: [acme/widgets, acme/gadgets, acme/secret]\nreport:\n  trend_weeks: 2\n";
const REASONING = "## Why\nInvoices rounded each line before summing, so totals drifted by a cent on long orders. We now round once at the end, as finance asked.";

interface GraphqlBody {
  query: string;
  variables: Record<string, string | null>;
}

function io() {
  const out = { stdout: "", stderr: "" };
  return { out, io: { stdout: (text: string) => void (out.stdout += text), stderr: (text: string) => void (out.stderr += text) } };
}

/** A pull request node of `repo`, numbered like every repository's: #1 exists in both. */
function pr(repo: string, number: number, fields: Record<string, unknown>) {
  return {
    number,
    title: `Change ${number}`,
    body: REASONING,
    url: `https://github.com/acme/${repo}/pull/${number}`,
    isDraft: false,
    author: { login: "ada", __typename: "User" },
    labels: { nodes: [] },
    files: { pageInfo: { hasNextPage: false }, nodes: [] },
    timelineItems: { nodes: [] },
    reviewRequests: { nodes: [] },
    ...fields,
  };
}

const page = (nodes: unknown[]) => ({ issueCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, nodes });
const reviewed = (at: string) => ({ nodes: [{ __typename: "PullRequestReview", submittedAt: at, state: "APPROVED", author: { login: "grace", __typename: "User" } }] });

/** The probe: widgets and gadgets readable (gadgets with a template), acme/secret not. */
function probeAnswer() {
  const blobs = (text: string | null) => ({ template0: text === null ? null : { text }, template1: null, template2: null, template3: null, template4: null, template5: null });
  return {
    data: {
      r0: { nameWithOwner: "acme/widgets", url: "https://github.com/acme/widgets", ...blobs(null) },
      r1: { nameWithOwner: "acme/gadgets", url: "https://github.com/acme/gadgets", ...blobs("## Why\n") },
      r2: null,
    },
    errors: [{ type: "NOT_FOUND", path: ["r2"], locations: [{ line: 4, column: 3 }], message: "Could not resolve to a Repository with the name 'acme/secret'." }],
  };
}

/** The GitHub side of `eng-health report acme/.github` for 2026-W47 over widgets and gadgets. */
function mockRollup(bodies: GraphqlBody[]): nock.Scope {
  const scope = nock(API);
  mockConfigFile(scope, "acme", ".github", ROLLUP_CONFIG);
  // widgets has its own config; gadgets has none and falls back to acme/.github's, read once more
  // (the rollup repository's own read came first, outside the rollup's shared reads).
  mockConfigFile(scope, "acme", "widgets", "tests:\n  source: [lib/**]\n");
  scope.get(`/repos/acme/gadgets/contents/${encodeURIComponent(".github/eng-health.yml")}`).reply(404, { message: "Not Found" });
  scope.get(`/repos/acme/.github/contents/${encodeURIComponent(".github/eng-health.yml")}`).reply(200, ROLLUP_CONFIG, { "content-type": "text/plain; charset=utf-8" });
  return scope
    .get("/repos/acme/.github/issues")
    .query(LIST)
    .reply(200, [])
    .post("/graphql", (body: GraphqlBody) => body.query.includes("r0: repository(owner: $o0, name: $n0)"))
    .reply(200, (_uri, body) => {
      bodies.push(body as GraphqlBody);
      return probeAnswer();
    })
    .post("/graphql", (body: GraphqlBody) => body.variables.q0 !== undefined)
    .reply(200, (_uri, requestBody) => {
      const body = requestBody as GraphqlBody;
      bodies.push(body);
      const mergedFields = (at: string) => ({
        state: "MERGED",
        createdAt: "2026-11-17T09:00:00Z",
        mergedAt: at,
        closedAt: at,
        files: { pageInfo: { hasNextPage: false }, nodes: [{ path: "src/billing/invoice.ts", additions: 30, deletions: 4, changeType: "MODIFIED" }] },
      });
      return {
        data: {
          s0: page([pr("widgets", 2, { state: "OPEN", createdAt: "2026-11-20T10:00:00Z", mergedAt: null, closedAt: null })]),
          s1: page([
            pr("widgets", 1, { ...mergedFields("2026-11-18T09:00:00Z"), timelineItems: reviewed("2026-11-17T11:00:00Z") }),
            pr("gadgets", 1, { ...mergedFields("2026-11-19T09:00:00Z"), timelineItems: reviewed("2026-11-17T15:00:00Z") }),
          ]),
          s2: page([]),
          s3: page([]),
        },
      };
    });
}

describe("eng-health report for a rollup", () => {
  it("--json prints the team's figures, each repository's, those not included and the API calls", async () => {
    const bodies: GraphqlBody[] = [];
    const scope = mockRollup(bodies);
    const { out, io: cliIo } = io();

    const code = await runCli(["report", "acme/.github", "--json"], ENV, cliIo, { now: NOW });

    scope.done();
    expect(code).toBe(0);
    const printed = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual(["week", "metrics", "repositories", "not_included", "api_calls"]);
    expect(printed.week).toBe("2026-W47");
    expect(printed.metrics).toMatchObject({
      prs_opened: 3,
      prs_merged: 2,
      // One median over both first reviews: 2 and 6 business hours.
      ttfr_median_hours: 4,
      // widgets counts only lib/** as source (its own rule): its PR is skipped; gadgets' fails.
      tests_pass_pct: 0,
      reasoning_pass_pct: 100,
      waiting_for_review: 1,
    });
    expect(printed.repositories).toMatchObject({
      "acme/gadgets": { prs_opened: 1, prs_merged: 1, ttfr_median_hours: 6, tests_pass_pct: 0, waiting_for_review: 0 },
      "acme/widgets": { prs_opened: 2, prs_merged: 1, ttfr_median_hours: 2, tests_pass_pct: null, waiting_for_review: 1 },
    });
    expect(printed.not_included).toEqual([{ repository: "acme/secret", reason: "unreadable" }]);
    // Rollup config (1), listing (1), probe (1), widgets' config (1), gadgets' (404 + the shared .github file: 2), one search request.
    expect(printed.api_calls).toBe(7);
    expect(printed.api_calls).toBeLessThanOrEqual(Math.ceil(3 / 50) + 10 + 2);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]?.variables).toEqual({ o0: "acme", n0: "widgets", o1: "acme", n1: "gadgets", o2: "acme", n2: "secret" });
    // One request: both pull-request searches and both flaky searches, each across the two repositories.
    const searches = bodies[1]?.variables ?? {};
    expect([searches.q0, searches.q1, searches.q2, searches.q3, searches.q4]).toEqual([OPEN_PRS, CLOSED_PRS, OPEN_FLAKY, CLOSED_FLAKY, undefined]);
    expect(out.stderr).toContain("eng-health: acme/secret is not included: it cannot be read with this token\n");
    expect(out.stderr).toContain("eng-health: collecting 2 repositories 2026-W47: 3 pull requests and 0 flaky-test issues so far (1 API call)\n");
  });

  it("prints the issue with the By repository table and names what it could not read", async () => {
    const scope = mockRollup([]);
    const { out, io: cliIo } = io();

    const code = await runCli(["report", "acme/.github", "--week", "2026-W47"], ENV, cliIo, { now: NOW });

    scope.done();
    expect(code).toBe(0);
    expect(out.stdout).toContain("## By repository\n| Repository | PRs opened |");
    expect(out.stdout).toContain("| [gadgets](https://github.com/acme/gadgets) ([its reports](https://github.com/acme/gadgets/issues?q=is%3Aissue%20label%3A%22team-health%22)) | 1 | 1 |");
    expect(out.stdout).toContain("[widgets#2](https://github.com/acme/widgets/pull/2)");
    expect(out.stdout).toContain("Not included: `acme/secret`, listed in `rollup.repos` but not readable by the app");
    expect(out.stdout).toContain('"repositories":{"acme/gadgets":{"prs_opened":1');
  });
});
