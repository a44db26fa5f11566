import { Octokit } from "@octokit/rest";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { renderCheckRun } from "../../src/check-run/render-check-run.js";
import { appendResultsMarker } from "../../src/check-run/results-marker.js";
import type { Log } from "../../src/model/log.js";
import type { RuleResult } from "../../src/model/rule-result.js";
import { sweepRepository } from "../../src/pipelines/sweep-repository.js";
import type { GraphqlBody } from "../helpers/mock-github.js";
import { API, mockConfigFile } from "../helpers/test-probot.js";

const OWNER = "acme";
const REPO = "widgets";
/** Wednesday 12:00 UTC. PR 2 was opened Monday 10:00: 18 business hours ago, past the 8 h target. */
const NOW = new Date("2026-11-18T12:00:00.000Z");
const CONFIG = "review:\n  level: warning\n  first_review_within: 8h\n";
const CODEOWNERS = "/src/billing/ @acme/billing\n";
const silentLog: Log = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };

/** The run a PR event wrote while PR 2 still waited within its target. */
function storedSummary(): string {
  const results: RuleResult[] = [
    { id: "review", agreement: "Review turnaround", level: "warning", status: "pass", message: "Waiting 1 business hour for a first review (target: 8 h).", findings: [] },
  ];
  const output = renderCheckRun({ results, conclusion: "success", configUrl: "https://x.test/c", referenceUrl: "https://x.test/r" });
  return appendResultsMarker(output.summary, { results, conclusion: "success" }).summary;
}

/** PR 2 in the sweep query's shape, changing a billing file, with `reviews` on its timeline. */
function prNode(reviews: unknown[] = []) {
  return {
    number: 2,
    title: "Change 2",
    url: `https://github.com/${OWNER}/${REPO}/pull/2`,
    isDraft: false,
    createdAt: "2026-11-16T10:00:00Z",
    headRefOid: "2".padStart(40, "0"),
    author: { login: "octocat", __typename: "User" },
    labels: { nodes: [] },
    files: { pageInfo: { hasNextPage: false }, nodes: [{ path: "src/billing/invoice.ts", additions: 12, deletions: 3, changeType: "MODIFIED" }] },
    timelineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: reviews },
    reviewRequests: { nodes: [{ requestedReviewer: { __typename: "User", login: "bob" } }] },
    commits: { nodes: [{ commit: { checkSuites: { nodes: [{ checkRuns: { nodes: [{ databaseId: 102, summary: storedSummary() }] } }] } } }] },
  };
}

function sweep(config: string, node: unknown) {
  const record = { calls: 0, graphql: [] as GraphqlBody[], patches: [] as Array<{ output: { summary: string } }> };
  const scope = nock(API);
  scope.on("request", () => {
    record.calls += 1;
  });
  mockConfigFile(scope, OWNER, REPO, config);
  scope
    .post("/graphql", (body: GraphqlBody) => {
      record.graphql.push(body);
      return true;
    })
    .reply(200, {
      data: {
        repository: {
          codeowners0: { text: CODEOWNERS, isTruncated: false },
          codeowners1: null,
          codeowners2: null,
          pullRequests: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [node] },
        },
      },
    })
    .patch(`/repos/${OWNER}/${REPO}/check-runs/102`, (body: { output: { summary: string } }) => {
      record.patches.push(body);
      return true;
    })
    .reply(200, { id: 102 });
  return { scope, record };
}

describe("review sweep with CODEOWNERS", () => {
  it("reads the changed files and CODEOWNERS in its one query per page, and names the owners in the updated row", async () => {
    const { scope, record } = sweep(CONFIG, prNode());
    const outcome = await sweepRepository(new Octokit({ auth: "t" }), { owner: OWNER, repo: REPO }, { now: NOW, log: silentLog });
    scope.done();

    // The config, one page of open PRs, one write: owners add no request.
    expect(outcome).toMatchObject({ apiCalls: 3, updated: [2] });
    expect(record.calls).toBe(3);
    const query = record.graphql[0]?.query ?? "";
    expect(query).toContain('codeowners0: object(expression: "HEAD:.github/CODEOWNERS") { ... on Blob { text isTruncated } }');
    expect(query).toContain("files(first: 100) { pageInfo { hasNextPage } nodes { path additions deletions changeType } }");
    expect(query).not.toContain("onBehalfOf");
    expect(record.patches[0]?.output.summary).toContain(
      "Review is requested from @bob. No code owner of the changed files is requested yet: @acme/billing owns `src/billing/invoice.ts`.",
    );
  });

  it("with review.require_owner, a non-owner's review leaves the PR waiting, as a PR event would judge it", async () => {
    const byBob = [
      { __typename: "PullRequestReview", submittedAt: "2026-11-16T11:00:00Z", state: "APPROVED", author: { login: "bob", __typename: "User" }, onBehalfOf: { nodes: [] } },
    ];
    const { scope, record } = sweep(`${CONFIG}  require_owner: true\n`, prNode(byBob));
    const outcome = await sweepRepository(new Octokit({ auth: "t" }), { owner: OWNER, repo: REPO }, { now: NOW, log: silentLog });
    scope.done();

    expect(outcome).toMatchObject({ apiCalls: 3, updated: [2] });
    expect(record.graphql[0]?.query).toContain("onBehalfOf(first: 10) { nodes { combinedSlug } }");
    expect(record.patches[0]?.output.summary).toContain("Waiting 18 business hours for a first review from a code owner, past the target of 8 h.");
  });
});
