import { describe, expect, it } from "vitest";
import { mockPullRequestFlow } from "../helpers/mock-github.js";
import { examplePayload } from "../helpers/payloads.js";
import { createTestProbot, mockInstallationToken } from "../helpers/test-probot.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";
/** Two hours after the example PR was opened (2019-05-15T15:20:33Z, a Wednesday). */
const NOW = new Date("2019-05-15T17:20:33Z");
const CONFIG = "reasoning:\n  min_words: 5\n";
const CODEOWNERS = "# Billing is owned by its team.\n* @acme/platform\n/src/billing/ @acme/billing\n";
const GITATTRIBUTES = "gen/** linguist-generated\n";

const patch = "@@ -1,1 +1,2 @@\n a\n+b\n";
/** 480 counted lines: above the 400-line default, with a lock file and a generated file left out. */
const LARGE_CHANGE = [
  { filename: "src/billing/invoice.ts", status: "modified", additions: 400, deletions: 50, patch },
  { filename: "test/billing/invoice.test.ts", status: "modified", additions: 30, deletions: 0, patch },
  { filename: "package-lock.json", status: "modified", additions: 3000, deletions: 2000 },
  { filename: "gen/api.pb.go", status: "modified", additions: 900, deletions: 0 },
];

type RunBody = { conclusion: string; output: { title: string; summary: string } };

interface PrPayload {
  action: string;
  pull_request: { number: number };
}

describe("a large pull request in a repository with CODEOWNERS and .gitattributes", () => {
  it("gets a size finding at notice (conclusion unchanged) and an owners suggestion in the review row, in 4 API calls", async () => {
    const { probot, logs } = createTestProbot({ now: NOW });
    const token = mockInstallationToken();
    const { scope, record } = mockPullRequestFlow({
      owner: OWNER,
      repo: REPO,
      number: 2,
      config: CONFIG,
      files: LARGE_CHANGE,
      codeOwners: CODEOWNERS,
      gitAttributes: GITATTRIBUTES,
    });

    await probot.receive({ id: "d-large", name: "pull_request", payload: examplePayload("pull_request", "opened") } as never);

    token.done();
    scope.done();
    // The config, the files, the one GraphQL query, the write: CODEOWNERS and .gitattributes cost no request.
    expect(record.calls).toBe(4);
    expect(logs.find((line) => line.msg === "eng-health: check run written")).toMatchObject({ deliveryId: "d-large", apiCalls: 4 });
    expect(record.graphql).toHaveLength(1);
    const query = record.graphql[0]?.query ?? "";
    expect(query).toContain('codeowners0: object(expression: "HEAD:.github/CODEOWNERS") { ... on Blob { text isTruncated } }');
    expect(query).toContain('codeowners1: object(expression: "HEAD:CODEOWNERS")');
    expect(query).toContain('codeowners2: object(expression: "HEAD:docs/CODEOWNERS")');
    expect(query).toContain('gitattributes: object(expression: "HEAD:.gitattributes")');

    const run = record.writes[0]?.body as RunBody;
    // reasoning, tests, disabled tests and flaky pass; size fails at notice; review passes with a question.
    expect(run.conclusion).toBe("success");
    expect(run.output.title).toBe("5 of 6 agreements met · 2 questions");
    expect(run.output.summary).toContain(
      "| 💬 | Small pull requests | 480 changed lines in 2 files; 2 generated or ignored files not counted, above the limit of 400. |",
    );
    expect(run.output.summary).toContain("### 💬 Small pull requests\nThis PR changes 480 lines; the team agreed to keep pull requests within 400 changed lines.");
    expect(run.output.summary).toContain("- `src/billing/invoice.ts`: 450 lines\n- `test/billing/invoice.test.ts`: 30 lines");
    expect(run.output.summary).toContain("| 💬 | Review turnaround | Waiting 1.7 business hours for a first review (target: 24 h). |");
    expect(run.output.summary).toContain(
      "### 💬 Review turnaround\nThe changed files have code owners (CODEOWNERS): @acme/billing owns `src/billing/invoice.ts`; @acme/platform owns `test/billing/invoice.test.ts`, `package-lock.json` and 1 more file. None of them is requested for review yet.",
    );
  });

  it("reuses the cached snapshot on the next event: no CODEOWNERS in the query, owners still known, requested owners named", async () => {
    const { probot } = createTestProbot({ now: NOW });
    mockInstallationToken();
    const first = mockPullRequestFlow({ owner: OWNER, repo: REPO, number: 2, config: CONFIG, files: LARGE_CHANGE, codeOwners: CODEOWNERS, gitAttributes: GITATTRIBUTES });
    await probot.receive({ id: "d-warm-1", name: "pull_request", payload: examplePayload("pull_request", "opened") } as never);
    first.scope.done();

    const payload = examplePayload<PrPayload>("pull_request", "opened");
    payload.action = "review_requested";
    const second = mockPullRequestFlow({
      owner: OWNER,
      repo: REPO,
      number: 2,
      config: CONFIG,
      files: LARGE_CHANGE,
      existingRunId: 1001,
      includeSnapshot: false,
      pullRequest: {
        isDraft: false,
        timelineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [{ __typename: "ReviewRequestedEvent", createdAt: "2019-05-15T16:00:00Z" }] },
        reviewRequests: { nodes: [{ requestedReviewer: { __typename: "Team", combinedSlug: "acme/billing" } }] },
      },
    });
    await probot.receive({ id: "d-warm-2", name: "pull_request", payload } as never);
    second.scope.done();

    expect(second.record.calls).toBe(4);
    expect(second.record.graphql[0]?.query).not.toContain("codeowners0");
    expect(second.record.graphql[0]?.query).not.toContain("onBehalfOf"); // review.require_owner is off
    const run = second.record.writes[0]?.body as RunBody;
    expect(run.output.summary).toContain(
      "| ✅ | Review turnaround | Waiting 1.7 business hours for a first review (target: 24 h); code owners requested: @acme/billing. |",
    );
    // The cached .gitattributes still leaves the generated file out.
    expect(run.output.summary).toContain("2 generated or ignored files not counted");
  });

  it("with review.require_owner, asks for the teams each review was made on behalf of, in the same query", async () => {
    const { probot } = createTestProbot({ now: NOW });
    mockInstallationToken();
    const payload = examplePayload<PrPayload>("pull_request", "opened");
    payload.action = "synchronize";
    const { scope, record } = mockPullRequestFlow({
      owner: OWNER,
      repo: REPO,
      number: 2,
      config: `${CONFIG}review:\n  require_owner: true\n`,
      files: LARGE_CHANGE,
      codeOwners: CODEOWNERS,
      pullRequest: {
        isDraft: false,
        timelineItems: {
          pageInfo: { hasNextPage: false, endCursor: null },
          nodes: [
            { __typename: "PullRequestReview", submittedAt: "2019-05-15T16:20:33Z", state: "COMMENTED", author: { login: "bob", __typename: "User" }, onBehalfOf: { nodes: [] } },
          ],
        },
        reviewRequests: { nodes: [{ requestedReviewer: { __typename: "Team", combinedSlug: "acme/billing" } }] },
      },
    });
    await probot.receive({ id: "d-owner", name: "pull_request", payload } as never);
    scope.done();

    expect(record.calls).toBe(4);
    expect(record.graphql[0]?.query).toContain("onBehalfOf(first: 10) { nodes { combinedSlug } }");
    const run = record.writes[0]?.body as RunBody;
    // bob is no code owner: the PR still waits for one.
    expect(run.output.summary).toContain(
      "| ✅ | Review turnaround | Waiting 1.7 business hours for a first review from a code owner (target: 24 h); code owners requested: @acme/billing. |",
    );
  });
});
