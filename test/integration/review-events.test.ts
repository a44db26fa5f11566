import nock from "nock";
import { describe, expect, it } from "vitest";
import { parseResultsMarker } from "../../src/check-run/results-marker.js";
import { REVIEW_NUDGE_MARKER } from "../../src/review/render-review-nudge.js";
import { mockPullRequestFlow } from "../helpers/mock-github.js";
import { examplePayload } from "../helpers/payloads.js";
import { createTestProbot, mockInstallationToken } from "../helpers/test-probot.js";

// The examples' repository and PR: Codertocat/Hello-World#2, opened (not as a draft)
// Wednesday 2019-05-15 15:20:33 UTC by Codertocat, review requested from octocat.
const OWNER = "Codertocat";
const REPO = "Hello-World";
const CONFIG = `review:
  level: warning
  first_review_within: 8h
`;
const sourceChange = [
  { filename: "README.md", status: "modified", additions: 1, deletions: 0, patch: "@@ -1 +1,2 @@\n # x\n+more\n" },
];

interface ReviewPayload {
  pull_request: { number: number; draft: boolean; created_at: string; user: { login: string } };
  review: { user: { login: string }; submitted_at: string; state: string };
}
type RunBody = { name: string; conclusion: string; output: { title: string; summary: string } };

/** The PR's review timeline as GraphQL returns it: the request, the example's own review, and `more`. */
function pullRequestNode(more: unknown[] = []) {
  return {
    isDraft: false,
    timelineItems: {
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: [
        { __typename: "ReviewRequestedEvent", createdAt: "2019-05-15T15:20:34Z" },
        // The example's review is by the PR's author: a self-review, which never counts.
        { __typename: "PullRequestReview", submittedAt: "2019-05-15T15:20:38Z", state: "COMMENTED", author: { login: "Codertocat", __typename: "User" } },
        ...more,
      ],
    },
    reviewRequests: { nodes: [{ requestedReviewer: { __typename: "User", login: "octocat" } }] },
  };
}

function reviewOf(payload: { summary: string } | undefined) {
  return parseResultsMarker(payload?.summary ?? "")?.results.find((result) => result.id === "review");
}

describe("review events refresh the check run", () => {
  it("pull_request_review.submitted: the timeline is fetched and the first review measured in business hours", async () => {
    const { probot } = createTestProbot({ now: new Date("2019-05-16T12:00:00Z") });
    const payload = examplePayload<ReviewPayload>("pull_request_review", "submitted", 1);
    expect(payload.review.user.login).toBe(payload.pull_request.user.login); // the example is a self-review
    mockInstallationToken();
    const { scope, record } = mockPullRequestFlow({
      owner: OWNER,
      repo: REPO,
      number: 2,
      config: CONFIG,
      files: sourceChange,
      existingRunId: 555,
      pullRequest: pullRequestNode([
        { __typename: "PullRequestReview", submittedAt: "2019-05-16T10:00:00Z", state: "APPROVED", author: { login: "octocat", __typename: "User" } },
      ]),
    });

    await probot.receive({ id: "d-review", name: "pull_request_review", payload } as never);

    scope.done();
    expect(record.calls).toBe(4);
    expect(record.graphql[0]?.query).toContain("pullRequest(number: $number)");
    expect(record.graphql[0]?.query).toContain("timelineItems(first: 100, itemTypes: [READY_FOR_REVIEW_EVENT, CONVERT_TO_DRAFT_EVENT, REVIEW_REQUESTED_EVENT, PULL_REQUEST_REVIEW])");
    expect(record.graphql[0]?.variables).toMatchObject({ owner: OWNER, repo: REPO, number: 2, checkName: "Engineering practices" });
    const run = record.writes[0]?.body as RunBody;
    expect(record.writes[0]?.method).toBe("PATCH");
    // Wed 15:20:33-17:00 (1.66 h) + Thu 09:00-10:00 (1 h) = 2.66 business hours.
    expect(run.output.summary).toContain("| ✅ | Review turnaround | First review after 2.7 business hours (target: 8 h). |");
    expect(reviewOf(run.output)).toMatchObject({ status: "pass", level: "warning" });
  });

  it("a self-review alone leaves the PR waiting; past the target it fails and the nudge is posted once", async () => {
    const { probot } = createTestProbot({ now: new Date("2019-05-20T12:00:00Z") });
    const payload = examplePayload<ReviewPayload>("pull_request_review", "submitted", 1);
    mockInstallationToken();
    const nudgeConfig = `${CONFIG}  nudge: comment\n`;
    const first = mockPullRequestFlow({ owner: OWNER, repo: REPO, number: 2, config: nudgeConfig, files: sourceChange, existingRunId: 555, pullRequest: pullRequestNode() });
    const posted: Array<Record<string, unknown>> = [];
    first.scope
      .get(`/repos/${OWNER}/${REPO}/issues/2/comments`)
      .query({ per_page: "100", page: "1" })
      .reply(200, [{ id: 1, body: "Thanks for the PR!" }])
      .post(`/repos/${OWNER}/${REPO}/issues/2/comments`, (body: Record<string, unknown>) => {
        posted.push(body);
        return true;
      })
      .reply(201, { id: 2 });

    await probot.receive({ id: "d-self-review", name: "pull_request_review", payload } as never);

    first.scope.done();
    expect(first.record.calls).toBe(6); // config, files, GraphQL, run update, comments lookup, nudge
    const run = first.record.writes[0]?.body as RunBody;
    // Wed 1.66 + Thu 8 + Fri 8 + Mon 3 = 20.66 business hours.
    expect(run.output.summary).toContain("| ⚠️ | Review turnaround | Waiting 20.7 business hours for a first review, past the target of 8 h. |");
    expect(run.conclusion).toBe("neutral");
    expect(posted).toHaveLength(1);
    expect(posted[0]?.body).toContain("This pull request has been ready for review for 20.7 business hours without a first review yet");
    expect(posted[0]?.body).toContain("@octocat: you're invited to review this one.");
    expect(String(posted[0]?.body).endsWith(REVIEW_NUDGE_MARKER)).toBe(true);

    // Redelivered to another replica (its own memory is empty): the marker is found among the
    // comments, so nothing more is posted.
    const replica = createTestProbot({ now: new Date("2019-05-20T12:00:00Z") }).probot;
    mockInstallationToken();
    const again = mockPullRequestFlow({ owner: OWNER, repo: REPO, number: 2, config: nudgeConfig, files: sourceChange, existingRunId: 555, pullRequest: pullRequestNode() });
    again.scope
      .get(`/repos/${OWNER}/${REPO}/issues/2/comments`)
      .query({ per_page: "100", page: "1" })
      .reply(200, [{ id: 1, body: "Thanks for the PR!" }, { id: 2, body: String(posted[0]?.body) }]);

    await replica.receive({ id: "d-self-review", name: "pull_request_review", payload } as never);

    again.scope.done();
    expect(again.record.calls).toBe(5);
    expect(nock.pendingMocks()).toEqual([]);

    // Redelivered to the process that posted it: its comment ledger knows, so not even the lookup is made.
    const same = mockPullRequestFlow({ owner: OWNER, repo: REPO, number: 2, config: nudgeConfig, files: sourceChange, existingRunId: 555, pullRequest: pullRequestNode(), includeSnapshot: false });
    await probot.receive({ id: "d-self-review", name: "pull_request_review", payload } as never);
    same.scope.done();
    expect(same.record.calls).toBe(4);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("makes no comment lookup when the nudge is off, even past the target", async () => {
    const { probot } = createTestProbot({ now: new Date("2019-05-20T12:00:00Z") });
    const payload = examplePayload<ReviewPayload>("pull_request_review", "submitted", 1);
    mockInstallationToken();
    const { scope, record } = mockPullRequestFlow({ owner: OWNER, repo: REPO, number: 2, config: CONFIG, files: sourceChange, existingRunId: 555, pullRequest: pullRequestNode() });

    await probot.receive({ id: "d-no-nudge", name: "pull_request_review", payload } as never);

    scope.done();
    expect(record.calls).toBe(4);
    expect(reviewOf((record.writes[0]?.body as RunBody).output)?.status).toBe("fail");
  });

  it("pull_request.converted_to_draft: the review rule skips and no timeline is fetched", async () => {
    const { probot } = createTestProbot({ now: new Date("2019-05-20T12:00:00Z") });
    const payload = examplePayload<ReviewPayload>("pull_request", "converted_to_draft");
    expect(payload.pull_request.draft).toBe(true);
    mockInstallationToken();
    const { scope, record } = mockPullRequestFlow({ owner: OWNER, repo: REPO, number: 2, config: `${CONFIG}  nudge: comment\n`, files: sourceChange, existingRunId: 555 });

    await probot.receive({ id: "d-draft", name: "pull_request", payload } as never);

    scope.done();
    expect(record.calls).toBe(4); // no comment lookup: a draft is never nudged
    expect(record.graphql[0]?.query).not.toContain("pullRequest(number");
    const run = record.writes[0]?.body as RunBody;
    // Skipped: a draft gathers no review timeline, and the review clock is stopped.
    expect(run.output.summary).toContain("| ⏭️ | Review turnaround |");
    expect(reviewOf(run.output)).toMatchObject({ status: "skip", message: "Draft: the review clock starts when it is ready for review." });
  });
});
