import { Octokit } from "@octokit/rest";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/schema.js";
import { countRequests, requestCount } from "../../src/github/count-requests.js";
import { gatherReportFacts } from "../../src/github/gather-report-facts.js";

const API = "https://api.github.com";
const WINDOW = { week: "2026-W47", start: "2026-11-16T00:00:00Z", end: "2026-11-23T00:00:00Z" };
const OPEN_PRS = "repo:acme/widgets is:pr is:open created:<2026-11-23T00:00:00Z sort:created-asc";
const CLOSED_PRS = "repo:acme/widgets is:pr is:closed closed:>=2026-11-16T00:00:00Z created:<2026-11-23T00:00:00Z sort:created-asc";
const OPEN_FLAKY = 'repo:acme/widgets is:issue is:open label:"flaky-test" created:<2026-11-23T00:00:00Z sort:created-asc';
const CLOSED_FLAKY = 'repo:acme/widgets is:issue is:closed label:"flaky-test" closed:>=2026-11-16T00:00:00Z created:<2026-11-23T00:00:00Z sort:created-asc';

interface GraphqlBody {
  query: string;
  variables: Record<string, string | null>;
}

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
/** A client whose requests are counted (`requestCount`). */
function client(): Octokit {
  const octokit = new Octokit({ log: quiet });
  countRequests(octokit);
  return octokit;
}

/** A pull request node as GitHub's GraphQL returns it for the report's selection. */
function prNode(number: number, overrides: Record<string, unknown> = {}) {
  return {
    number,
    title: `Change ${number}`,
    body: "Because the cache expired too early.",
    url: `https://github.com/acme/widgets/pull/${number}`,
    state: "MERGED",
    isDraft: false,
    createdAt: new Date(Date.parse("2026-11-10T00:00:00Z") + number * 60_000).toISOString().replace(".000Z", "Z"),
    mergedAt: "2026-11-17T10:00:00Z",
    closedAt: "2026-11-17T10:00:00Z",
    author: { login: "ada", __typename: "User" },
    labels: { nodes: [] },
    files: { pageInfo: { hasNextPage: false }, nodes: [] },
    timelineItems: { nodes: [] },
    reviewRequests: { nodes: [] },
    ...overrides,
  };
}

function page(nodes: unknown[], options: { issueCount?: number; endCursor?: string | null; hasNextPage?: boolean } = {}) {
  return {
    issueCount: options.issueCount ?? nodes.length,
    pageInfo: { hasNextPage: options.hasNextPage ?? false, endCursor: options.endCursor ?? null },
    nodes,
  };
}

/**
 * Serve the report's GraphQL requests from a script keyed by each alias's
 * search text and cursor, exactly `requests` times (a further request fails
 * the test); records every request body in order.
 */
function serveSearches(script: Map<string, ReturnType<typeof page>>, requests: number, templates: Record<string, unknown> = {}) {
  const bodies: GraphqlBody[] = [];
  const scope = nock(API)
    .post("/graphql")
    .times(requests)
    .reply(200, (_uri, requestBody) => {
      const body = requestBody as GraphqlBody;
      bodies.push(body);
      const data: Record<string, unknown> = {};
      if (body.query.includes("repository(owner: $owner")) {
        data.repository = { template0: null, template1: null, template2: null, template3: null, template4: null, template5: null, ...templates };
      }
      for (let index = 0; typeof body.variables[`q${index}`] === "string"; index += 1) {
        const key = `${body.variables[`q${index}`]}|${body.variables[`c${index}`] ?? ""}`;
        const answer = script.get(key);
        if (!answer) throw new Error(`unexpected search ${key}`);
        data[`s${index}`] = answer;
      }
      return { data };
    });
  return { bodies, scope };
}

/** The searches of each request, as `query|cursor`. */
function searchesOf(bodies: GraphqlBody[]): string[][] {
  return bodies.map((body) => {
    const keys: string[] = [];
    for (let index = 0; typeof body.variables[`q${index}`] === "string"; index += 1) {
      keys.push(`${body.variables[`q${index}`]}|${body.variables[`c${index}`] ?? ""}`);
    }
    return keys;
  });
}

describe("gatherReportFacts, population: merged (the backtest)", () => {
  const MERGED = "repo:acme/widgets is:pr is:merged merged:2026-11-16T00:00:00Z..2026-11-22T23:59:59Z created:<2026-11-23T00:00:00Z sort:created-asc";

  it("reads the PRs merged in the window, one page of 100 per request, and no flaky-test issues", async () => {
    const merged = Array.from({ length: 250 }, (_, index) => prNode(index + 1));
    const script = new Map([
      [`${MERGED}|`, page(merged.slice(0, 100), { issueCount: 250, hasNextPage: true, endCursor: "MTAw" })],
      [`${MERGED}|MTAw`, page(merged.slice(100, 200), { issueCount: 250, hasNextPage: true, endCursor: "MjAw" })],
      [`${MERGED}|MjAw`, page(merged.slice(200), { issueCount: 250 })],
    ]);
    const { bodies, scope } = serveSearches(script, 3);
    const progress: string[] = [];

    const octokit = client();
    const facts = await gatherReportFacts(octokit, {
      owner: "acme",
      repo: "widgets",
      window: WINDOW,
      config: DEFAULT_CONFIG,
      population: "merged",
      onProgress: (message) => progress.push(message),
    });

    scope.done();
    expect(searchesOf(bodies)).toEqual([[`${MERGED}|`], [`${MERGED}|MTAw`], [`${MERGED}|MjAw`]]);
    expect(requestCount(octokit)).toBe(Math.ceil(250 / 100));
    expect(facts.pullRequests).toHaveLength(250);
    expect(facts.flakyIssues).toEqual([]);
    expect(progress.at(-1)).toBe("collecting acme/widgets 2026-W47: 250 pull requests so far (3 API calls)");
  });
});

describe("gatherReportFacts", () => {
  it("pages through the four searches with cursors, reads the template once and stays within the budget", async () => {
    const open = Array.from({ length: 120 }, (_, index) => prNode(index + 1, { state: "OPEN", mergedAt: null, closedAt: null }));
    const closed = Array.from({ length: 30 }, (_, index) => prNode(index + 200));
    // #7 moved from open to closed while paging: found by both searches, kept once.
    closed.push(prNode(7));
    const flaky = {
      number: 900,
      title: "Flaky: cache expiry",
      body: "fails 1 in 20",
      url: "https://github.com/acme/widgets/issues/900",
      createdAt: "2026-11-02T08:00:00Z",
      state: "OPEN",
      closedAt: null,
      assignees: { nodes: [{ login: "grace" }] },
      labels: { nodes: [{ name: "flaky-test" }] },
      timelineItems: {
        nodes: [
          { createdAt: "2026-11-03T08:00:00Z", label: { name: "Flaky-Test" } },
          { createdAt: "2026-11-04T08:00:00Z", label: { name: "bug" } },
          { createdAt: "2026-11-24T08:00:00Z", label: { name: "flaky-test" } },
        ],
      },
    };
    const script = new Map([
      [`${OPEN_PRS}|`, page(open.slice(0, 100), { issueCount: 120, hasNextPage: true, endCursor: "Y3Vyc29yOjEwMA==" })],
      [`${OPEN_PRS}|Y3Vyc29yOjEwMA==`, page(open.slice(100), { issueCount: 120 })],
      [`${CLOSED_PRS}|`, page(closed)],
      [`${OPEN_FLAKY}|`, page([flaky])],
      [`${CLOSED_FLAKY}|`, page([])],
    ]);
    const { bodies, scope } = serveSearches(script, 3, { template1: { text: "## Why\n" } });
    const progress: string[] = [];

    const octokit = client();
    const facts = await gatherReportFacts(octokit, {
      owner: "acme",
      repo: "widgets",
      window: WINDOW,
      config: DEFAULT_CONFIG,
      onProgress: (message) => progress.push(message),
    });

    scope.done();
    expect(searchesOf(bodies)).toEqual([
      [`${OPEN_PRS}|`, `${OPEN_FLAKY}|`, `${CLOSED_FLAKY}|`],
      [`${OPEN_PRS}|Y3Vyc29yOjEwMA==`],
      [`${CLOSED_PRS}|`],
    ]);
    expect(bodies[0]?.variables).toMatchObject({ owner: "acme", repo: "widgets" });
    expect(bodies[0]?.query).toContain('template0: object(expression: "HEAD:.github/pull_request_template.md") { ... on Blob { text } }');
    expect(bodies[0]?.query).toContain("s0: search(type: ISSUE, query: $q0, first: 100, after: $c0)");
    expect(bodies[1]?.query).not.toContain("repository(");
    expect(requestCount(octokit)).toBe(3);
    expect(facts.pullRequests).toHaveLength(150);
    expect(requestCount(octokit)).toBeLessThanOrEqual(Math.ceil(facts.pullRequests.length / 50) + 10);
    expect(facts.pullRequests.map((pr) => pr.number)).toEqual([...Array.from({ length: 120 }, (_, index) => index + 1), ...Array.from({ length: 30 }, (_, index) => index + 200)]);
    expect(facts.pullRequests.find((pr) => pr.number === 7)?.state).toBe("closed");
    expect(facts.template).toBe("## Why\n");
    expect(facts.flakyIssues).toEqual([
      {
        number: 900,
        title: "Flaky: cache expiry",
        htmlUrl: "https://github.com/acme/widgets/issues/900",
        createdAt: "2026-11-02T08:00:00Z",
        closedAt: null,
        assignees: ["grace"],
        // The last time the label (any case) was added before the window's end.
        labeledAt: "2026-11-03T08:00:00Z",
        state: "open",
      },
    ]);
    expect(progress).toEqual([
      "collecting acme/widgets 2026-W47: 100 pull requests and 1 flaky-test issue so far (1 API call)",
      "collecting acme/widgets 2026-W47: 120 pull requests and 1 flaky-test issue so far (2 API calls)",
      "collecting acme/widgets 2026-W47: 150 pull requests and 1 flaky-test issue so far (3 API calls)",
    ]);
  });

  it("maps a pull request node to plain facts: bot login, file changes, review timeline, requests", async () => {
    const node = prNode(12, {
      state: "OPEN",
      mergedAt: null,
      closedAt: null,
      body: null,
      isDraft: false,
      createdAt: "2026-11-16T09:00:00Z",
      author: { login: "renovate", __typename: "Bot" },
      labels: { nodes: [{ name: "skip-tests" }] },
      files: {
        pageInfo: { hasNextPage: true },
        nodes: [
          { path: "src/a.ts", additions: 3, deletions: 1, changeType: "MODIFIED" },
          { path: "src/b.ts", additions: 9, deletions: 0, changeType: "ADDED" },
          { path: "src/c.ts", additions: 0, deletions: 7, changeType: "DELETED" },
          { path: "src/d.ts", additions: 0, deletions: 0, changeType: "RENAMED" },
        ],
      },
      timelineItems: {
        nodes: [
          { __typename: "ConvertToDraftEvent", createdAt: "2026-11-16T10:00:00Z" },
          { __typename: "ReadyForReviewEvent", createdAt: "2026-11-16T12:00:00Z" },
          { __typename: "PullRequestReview", submittedAt: "2026-11-16T15:00:00Z", state: "APPROVED", author: { login: "grace", __typename: "User" } },
          { __typename: "PullRequestReview", submittedAt: null, state: "PENDING", author: { login: "ken", __typename: "User" } },
        ],
      },
      reviewRequests: { nodes: [{ requestedReviewer: { __typename: "User", login: "ken" } }, { requestedReviewer: { __typename: "Team", combinedSlug: "acme/billing" } }] },
    });
    const { scope } = serveSearches(
      new Map([
        [`${OPEN_PRS}|`, page([node])],
        [`${CLOSED_PRS}|`, page([])],
        [`${OPEN_FLAKY}|`, page([])],
        [`${CLOSED_FLAKY}|`, page([])],
      ]),
      2,
    );

    const octokit = client();
    const facts = await gatherReportFacts(octokit, { owner: "acme", repo: "widgets", window: WINDOW, config: DEFAULT_CONFIG });

    scope.done();
    expect(requestCount(octokit)).toBe(2);
    expect(facts.pullRequests).toEqual([
      {
        number: 12,
        title: "Change 12",
        body: "",
        author: { login: "renovate[bot]", type: "Bot" },
        draft: false,
        state: "open",
        createdAt: "2026-11-16T09:00:00Z",
        mergedAt: null,
        closedAt: null,
        labels: ["skip-tests"],
        htmlUrl: "https://github.com/acme/widgets/pull/12",
        files: [
          { filename: "src/a.ts", status: "modified", additions: 3, deletions: 1 },
          { filename: "src/b.ts", status: "added", additions: 9, deletions: 0 },
          { filename: "src/c.ts", status: "removed", additions: 0, deletions: 7 },
          { filename: "src/d.ts", status: "renamed", additions: 0, deletions: 0 },
        ],
        filesTruncated: true,
        review: {
          createdAsDraft: false,
          timeline: [
            { type: "convert_to_draft", at: "2026-11-16T10:00:00Z" },
            { type: "ready_for_review", at: "2026-11-16T12:00:00Z" },
          ],
          reviews: [{ author: { login: "grace", type: "User" }, submittedAt: "2026-11-16T15:00:00Z", state: "APPROVED" }],
          requestedReviewers: ["ken"],
          requestedTeams: ["acme/billing"],
        },
      },
    ]);
    expect(facts.template).toBeNull();
  });

  it("splits a search past the 1,000-result cap at the creation time of its 1,000th result", async () => {
    // 1,500 PRs closed in the window, created a minute apart; search shows the first 1,000 only.
    const all = Array.from({ length: 1500 }, (_, index) => prNode(index + 1));
    const script = new Map<string, ReturnType<typeof page>>([
      [`${OPEN_PRS}|`, page([])],
      [`${OPEN_FLAKY}|`, page([])],
      [`${CLOSED_FLAKY}|`, page([])],
    ]);
    for (let index = 0; index < 10; index += 1) {
      script.set(`${CLOSED_PRS}|${index === 0 ? "" : `p${index}`}`, page(all.slice(index * 100, index * 100 + 100), { issueCount: 1500, hasNextPage: index < 9, endCursor: `p${index + 1}` }));
    }
    const thousandth = all[999]?.createdAt ?? "";
    const rest = `repo:acme/widgets is:pr is:closed closed:>=2026-11-16T00:00:00Z created:${thousandth}..2026-11-22T23:59:59Z sort:created-asc`;
    // The continuation starts at #1000 again (same second): 501 results.
    const tail = all.slice(999);
    for (let index = 0; index < 6; index += 1) {
      script.set(`${rest}|${index === 0 ? "" : `r${index}`}`, page(tail.slice(index * 100, index * 100 + 100), { issueCount: 501, hasNextPage: index < 5, endCursor: `r${index + 1}` }));
    }
    const { bodies, scope } = serveSearches(script, 17);

    const octokit = client();
    const facts = await gatherReportFacts(octokit, { owner: "acme", repo: "widgets", window: WINDOW, config: DEFAULT_CONFIG });

    scope.done();
    expect(thousandth).toBe("2026-11-10T16:40:00Z");
    const searches = searchesOf(bodies).flat();
    expect(searches.filter((key) => key.startsWith(CLOSED_PRS))).toHaveLength(10);
    expect(searches.filter((key) => key.startsWith(rest))).toEqual([`${rest}|`, ...[1, 2, 3, 4, 5].map((index) => `${rest}|r${index}`)]);
    expect(facts.pullRequests).toHaveLength(1500);
    expect(new Set(facts.pullRequests.map((pr) => pr.number)).size).toBe(1500);
    // 1 (open PRs, flaky issues, template) + 10 + 6 pages of closed PRs.
    expect(requestCount(octokit)).toBe(17);
    expect(bodies).toHaveLength(17);
    expect(requestCount(octokit)).toBeLessThanOrEqual(Math.ceil(1500 / 50) + 10);
  });

  it("refuses a window that ends before it starts, before any request", async () => {
    await expect(
      gatherReportFacts(client(), { owner: "acme", repo: "widgets", window: { ...WINDOW, end: WINDOW.start }, config: DEFAULT_CONFIG }),
    ).rejects.toThrow(RangeError);
  });

  it("reads CODEOWNERS and .gitattributes with the template in the first request, and review teams only with review.require_owner", async () => {
    const script = () =>
      new Map([
        [`${OPEN_PRS}|`, page([])],
        [`${CLOSED_PRS}|`, page([])],
        [`${OPEN_FLAKY}|`, page([])],
        [`${CLOSED_FLAKY}|`, page([])],
      ]);
    const files = { codeowners0: null, codeowners1: { text: "* @acme/platform\n", isTruncated: false }, gitattributes: { text: "gen/** linguist-generated\n" } };
    const plain = serveSearches(script(), 2, files);
    const facts = await gatherReportFacts(client(), { owner: "acme", repo: "widgets", window: WINDOW, config: DEFAULT_CONFIG });
    plain.scope.done();
    expect(facts.codeOwners).toEqual({ path: "CODEOWNERS", text: "* @acme/platform\n" });
    expect(facts.gitAttributes).toBe("gen/** linguist-generated\n");
    expect(plain.bodies[0]?.query).toContain('codeowners1: object(expression: "HEAD:CODEOWNERS")');
    expect(plain.bodies[0]?.query).not.toContain("onBehalfOf");

    const owners = serveSearches(script(), 2, files);
    const config = { ...DEFAULT_CONFIG, review: { ...DEFAULT_CONFIG.review, require_owner: true } };
    await gatherReportFacts(client(), { owner: "acme", repo: "widgets", window: WINDOW, config });
    owners.scope.done();
    expect(owners.bodies[0]?.query).toContain("onBehalfOf(first: 10) { nodes { combinedSlug } }");
  });
});
