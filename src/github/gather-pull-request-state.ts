import type { Actor, FlakyIssue, ReviewFacts, ReviewTimelineEvent, SubmittedReview } from "../model/pull-request-facts.js";
import { GRAPHQL_PAGE_SIZE } from "../model/github-limits.js";
import type { GitHubClient } from "./github-client.js";
import type { RepoRef } from "../model/repo-ref.js";
import { PR_TEMPLATE_FIELDS, readPrTemplate } from "./pr-template-paths.js";

/**
 * The `checkSuites` selection head for our check run: with the app's id, only
 * this app's suite is read (one node instead of up to 50, and a run of another
 * app with the same name is never picked); the query then declares `$appId: Int!`.
 */
export function checkSuitesSelection(appId: number | undefined, first = 50): string {
  return appId === undefined ? `checkSuites(first: ${first})` : `checkSuites(first: 1, filterBy: { appId: $appId })`;
}

/** Pages of flaky issues or timeline items read at most (1,000 nodes). */
const MAX_EXTRA_PAGES = 9;

/** What the repository-wide part of the query returns (cached per repository). */
export interface RepoSnapshot {
  /** The PR template text on the default branch, or null. */
  template: string | null;
  /** Open issues with the flaky-test label. */
  flakyIssues: FlakyIssue[];
}

/** The result of {@link gatherPullRequestState}. */
export interface PullRequestState {
  /** The id of this app's check run with that name on the head SHA, or null. */
  existingCheckRunId: number | null;
  /** Present when `includeReview` was asked for. */
  review?: ReviewFacts;
  /** Present when `flakyLabel` was given (the repository snapshot was not cached). */
  snapshot?: RepoSnapshot;
}

interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}
interface IssueNode {
  number: number;
  title: string;
  body: string;
  url: string;
  createdAt: string;
  assignees: { nodes: Array<{ login: string }> };
  labels: { nodes: Array<{ name: string }> };
}
/** A node of the review timeline as {@link TIMELINE_FIELDS} selects it. */
export type TimelineNode =
  | { __typename: "ReadyForReviewEvent" | "ConvertToDraftEvent" | "ReviewRequestedEvent"; createdAt: string }
  | {
      __typename: "PullRequestReview";
      submittedAt: string | null;
      state: string;
      author: { login: string; __typename: string } | null;
    };
/** A requested reviewer as {@link REVIEW_REQUESTS_FIELD} selects it. */
export type ReviewerNode = { __typename: string; login?: string; combinedSlug?: string } | null;
/** The review part of a pull request node, as {@link toReviewFacts} reads it. */
export interface PullRequestNode {
  isDraft: boolean;
  timelineItems: Page<TimelineNode>;
  reviewRequests: { nodes: Array<{ requestedReviewer: ReviewerNode }> };
}
interface StateResponse {
  repository: {
    object: {
      checkSuites?: {
        nodes: Array<{ checkRuns: { nodes: Array<{ databaseId: number }> } | null }>;
      };
    } | null;
    pullRequest?: PullRequestNode | null;
    issues?: Page<IssueNode>;
    [templateAlias: `template${number}`]: { text: string | null } | null;
  } | null;
}

/** The selection of a `timelineItems` connection that {@link toReviewFacts} reads (page info included). */
export const TIMELINE_FIELDS = `
  pageInfo { hasNextPage endCursor }
  nodes {
    __typename
    ... on ReadyForReviewEvent { createdAt }
    ... on ConvertToDraftEvent { createdAt }
    ... on ReviewRequestedEvent { createdAt }
    ... on PullRequestReview { submittedAt state author { login __typename } }
  }`;
/** The `itemTypes` of the review timeline: ready/draft transitions, review requests and reviews. */
export const TIMELINE_TYPES = "[READY_FOR_REVIEW_EVENT, CONVERT_TO_DRAFT_EVENT, REVIEW_REQUESTED_EVENT, PULL_REQUEST_REVIEW]";
/** A pull request's current review requests, as {@link toReviewFacts} reads them. */
export const REVIEW_REQUESTS_FIELD =
  "reviewRequests(first: 50) { nodes { requestedReviewer { __typename ... on User { login } ... on Bot { login } ... on Team { combinedSlug } } } }";
/** The fields of an issue node that {@link toFlakyIssue} reads. */
export const FLAKY_ISSUE_NODE = "number title body url createdAt assignees(first: 10) { nodes { login } } labels(first: 20) { nodes { name } }";
const ISSUE_FIELDS = `
  pageInfo { hasNextPage endCursor }
  nodes { ${FLAKY_ISSUE_NODE} }`;

/**
 * Build the one GraphQL query for a PR event: the existing check run on the
 * head SHA (always), the PR's review timeline (when asked), and the
 * repository snapshot, the PR template and open flaky-test issues (when not
 * cached). Exported for tests that assert the exact query sent.
 */
export function buildPullRequestStateQuery(parts: { includeReview: boolean; includeSnapshot: boolean; appId?: number }): string {
  const variables = ["$owner: String!", "$repo: String!", "$sha: GitObjectID!", "$checkName: String!"];
  if (parts.appId !== undefined) variables.push("$appId: Int!");
  if (parts.includeReview) variables.push("$number: Int!");
  if (parts.includeSnapshot) variables.push("$label: String!");
  const review = parts.includeReview
    ? `
    pullRequest(number: $number) {
      isDraft
      timelineItems(first: ${GRAPHQL_PAGE_SIZE}, itemTypes: ${TIMELINE_TYPES}) {${TIMELINE_FIELDS}
      }
      ${REVIEW_REQUESTS_FIELD}
    }`
    : "";
  const snapshot = parts.includeSnapshot
    ? `
    issues(first: ${GRAPHQL_PAGE_SIZE}, states: OPEN, labels: [$label], orderBy: { field: CREATED_AT, direction: ASC }) {${ISSUE_FIELDS}
    }${PR_TEMPLATE_FIELDS}`
    : "";
  return `query (${variables.join(", ")}) {
  repository(owner: $owner, name: $repo) {
    object(oid: $sha) {
      ... on Commit {
        ${checkSuitesSelection(parts.appId)} { nodes { checkRuns(first: 1, filterBy: { checkName: $checkName, checkType: ALL }) { nodes { databaseId } } } }
      }
    }${review}${snapshot}
  }
}`;
}

const FLAKY_PAGE_QUERY = `query ($owner: String!, $repo: String!, $label: String!, $cursor: String!) {
  repository(owner: $owner, name: $repo) {
    issues(first: ${GRAPHQL_PAGE_SIZE}, after: $cursor, states: OPEN, labels: [$label], orderBy: { field: CREATED_AT, direction: ASC }) {${ISSUE_FIELDS}
    }
  }
}`;
const TIMELINE_PAGE_QUERY = `query ($owner: String!, $repo: String!, $number: Int!, $cursor: String!) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      timelineItems(first: ${GRAPHQL_PAGE_SIZE}, after: $cursor, itemTypes: ${TIMELINE_TYPES}) {${TIMELINE_FIELDS}
      }
    }
  }
}`;

/**
 * Everything a PR event needs besides the config and the changed files, in one
 * GraphQL request: the existing check run (for an idempotent write keyed by
 * head SHA), the review timeline, and the repository snapshot.
 *
 * @param client GraphQL-capable client
 * @param input `checkName`: the configured check run name; `includeReview`: fetch the
 *   PR's review timeline (needs `number`); `flakyLabel`: fetch the repository
 *   snapshot with this label (omit when it is cached); `appId`: this GitHub App's id,
 *   when known, so only its own check suite is read
 * @throws the client's GraphQL or request error
 */
export async function gatherPullRequestState(
  client: GitHubClient,
  input: RepoRef & { number: number; headSha: string; checkName: string; includeReview: boolean; flakyLabel?: string; appId?: number },
): Promise<PullRequestState> {
  const includeSnapshot = input.flakyLabel !== undefined;
  const query = buildPullRequestStateQuery({
    includeReview: input.includeReview,
    includeSnapshot,
    ...(input.appId !== undefined ? { appId: input.appId } : {}),
  });
  const response = await client.graphql<StateResponse>(query, {
    owner: input.owner,
    repo: input.repo,
    sha: input.headSha,
    checkName: input.checkName,
    ...(input.appId !== undefined ? { appId: input.appId } : {}),
    ...(input.includeReview ? { number: input.number } : {}),
    ...(includeSnapshot ? { label: input.flakyLabel } : {}),
  });
  const repository = response.repository;
  const runIds = (repository?.object?.checkSuites?.nodes ?? []).flatMap(
    (suite) => suite.checkRuns?.nodes.map((run) => run.databaseId) ?? [],
  );
  const state: PullRequestState = { existingCheckRunId: runIds.length > 0 ? Math.max(...runIds) : null };

  if (input.includeReview && repository?.pullRequest) {
    const pr = repository.pullRequest;
    const nodes = [...pr.timelineItems.nodes];
    let pageInfo = pr.timelineItems.pageInfo;
    for (let page = 0; pageInfo.hasNextPage && pageInfo.endCursor && page < MAX_EXTRA_PAGES; page += 1) {
      const next = await client.graphql<{ repository: { pullRequest: { timelineItems: Page<TimelineNode> } } }>(
        TIMELINE_PAGE_QUERY,
        { owner: input.owner, repo: input.repo, number: input.number, cursor: pageInfo.endCursor },
      );
      nodes.push(...next.repository.pullRequest.timelineItems.nodes);
      pageInfo = next.repository.pullRequest.timelineItems.pageInfo;
    }
    state.review = toReviewFacts(pr, nodes);
  }

  if (includeSnapshot && repository?.issues) {
    const issues = [...repository.issues.nodes];
    let pageInfo = repository.issues.pageInfo;
    for (let page = 0; pageInfo.hasNextPage && pageInfo.endCursor && page < MAX_EXTRA_PAGES; page += 1) {
      const next = await client.graphql<{ repository: { issues: Page<IssueNode> } }>(FLAKY_PAGE_QUERY, {
        owner: input.owner,
        repo: input.repo,
        label: input.flakyLabel,
        cursor: pageInfo.endCursor,
      });
      issues.push(...next.repository.issues.nodes);
      pageInfo = next.repository.issues.pageInfo;
    }
    state.snapshot = { template: readPrTemplate(repository), flakyIssues: issues.map(toFlakyIssue) };
  }
  return state;
}

/** Map a GraphQL issue node to a plain {@link FlakyIssue}. */
export function toFlakyIssue(node: IssueNode): FlakyIssue {
  return {
    number: node.number,
    title: node.title,
    body: node.body ?? "",
    htmlUrl: node.url,
    createdAt: node.createdAt,
    assignees: node.assignees.nodes.map((assignee) => assignee.login),
    labels: node.labels.nodes.map((label) => label.name),
  };
}

/**
 * A GraphQL `author { login __typename }` as an {@link Actor}: a deleted
 * account (null) is `ghost`; an app's login gets GitHub's `[bot]` suffix, as
 * REST spells it, so `review.ignore_authors` entries match either way.
 */
export function toActor(author: { login: string; __typename: string } | null): Actor {
  if (!author) return { login: "ghost", type: "User" };
  return { login: author.__typename === "Bot" && !author.login.endsWith("[bot]") ? `${author.login}[bot]` : author.login, type: author.__typename };
}

/**
 * Turn GraphQL timeline nodes into {@link ReviewFacts}. A PR whose first
 * ready/draft transition is `ready_for_review` was opened as a draft; with no
 * transition at all, it was opened as it is now.
 */
export function toReviewFacts(pr: Pick<PullRequestNode, "isDraft" | "reviewRequests">, nodes: TimelineNode[]): ReviewFacts {
  const timeline: ReviewTimelineEvent[] = [];
  const reviews: SubmittedReview[] = [];
  for (const node of nodes) {
    if (node.__typename === "PullRequestReview") {
      if (node.submittedAt) reviews.push({ author: toActor(node.author), submittedAt: node.submittedAt, state: node.state });
    } else {
      const type =
        node.__typename === "ReadyForReviewEvent"
          ? "ready_for_review"
          : node.__typename === "ConvertToDraftEvent"
            ? "convert_to_draft"
            : "review_requested";
      timeline.push({ type, at: node.createdAt });
    }
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  reviews.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  const firstTransition = timeline.find((event) => event.type !== "review_requested");
  const requested = pr.reviewRequests.nodes.map((request) => request.requestedReviewer).filter((r) => r !== null);
  return {
    createdAsDraft: firstTransition ? firstTransition.type === "ready_for_review" : pr.isDraft,
    timeline,
    reviews,
    requestedReviewers: requested.filter((r) => r.__typename !== "Team" && r.login).map((r) => r.login as string),
    requestedTeams: requested.filter((r) => r.__typename === "Team" && r.combinedSlug).map((r) => r.combinedSlug as string),
  };
}
