import type { FlakyIssue, RepositoryRules, ReviewFacts } from "../model/pull-request-facts.js";
import { GRAPHQL_PAGE_SIZE } from "../model/github-limits.js";
import type { GitHubClient } from "./github-client.js";
import type { RepoRef } from "../model/repo-ref.js";
import { PR_TEMPLATE_FIELDS, readPrTemplate } from "./pr-template-paths.js";
import { readRepositoryRules, REPOSITORY_RULE_FILE_FIELDS, type RuleFileBlobs } from "./repository-rule-files.js";
import { REVIEW_REQUESTS_FIELD, TIMELINE_TYPES, timelineFields, toReviewFacts, type PullRequestNode, type TimelineNode } from "./to-review-facts.js";

export {
  REVIEW_REQUESTS_FIELD,
  TIMELINE_FIELDS,
  TIMELINE_TYPES,
  timelineFields,
  toActor,
  toReviewFacts,
  type PullRequestNode,
  type ReviewerNode,
  type TimelineNode,
} from "./to-review-facts.js";

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
export interface RepoSnapshot extends Required<RepositoryRules> {
  /** The PR template text on the default branch, or null. */
  template: string | null;
  /** Open issues with the flaky-test label. */
  flakyIssues: FlakyIssue[];
}

/** A snapshot of a repository with none of its files and no flaky issue (a new object each time). */
export function emptySnapshot(): RepoSnapshot {
  return { template: null, flakyIssues: [], codeOwners: null, gitAttributes: null };
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
interface StateResponse {
  repository: (RuleFileBlobs & {
    object: {
      checkSuites?: {
        nodes: Array<{ checkRuns: { nodes: Array<{ databaseId: number }> } | null }>;
      };
    } | null;
    pullRequest?: PullRequestNode | null;
    issues?: Page<IssueNode>;
    [templateAlias: `template${number}`]: { text: string | null } | null;
  }) | null;
}

/** The fields of an issue node that {@link toFlakyIssue} reads. */
export const FLAKY_ISSUE_NODE = "number title body url createdAt assignees(first: 10) { nodes { login } } labels(first: 20) { nodes { name } }";
const ISSUE_FIELDS = `
  pageInfo { hasNextPage endCursor }
  nodes { ${FLAKY_ISSUE_NODE} }`;

/**
 * Build the one GraphQL query for a PR event: the existing check run on the
 * head SHA (always), the PR's review timeline (when asked; with
 * `reviewTeams`, each review's `onBehalfOf` teams), and the repository
 * snapshot, the PR template, open flaky-test issues, CODEOWNERS and
 * `.gitattributes` (when not cached). Exported for tests that assert the
 * exact query sent.
 */
export function buildPullRequestStateQuery(parts: { includeReview: boolean; includeSnapshot: boolean; appId?: number; reviewTeams?: boolean }): string {
  const variables = ["$owner: String!", "$repo: String!", "$sha: GitObjectID!", "$checkName: String!"];
  if (parts.appId !== undefined) variables.push("$appId: Int!");
  if (parts.includeReview) variables.push("$number: Int!");
  if (parts.includeSnapshot) variables.push("$label: String!");
  const review = parts.includeReview
    ? `
    pullRequest(number: $number) {
      isDraft
      timelineItems(first: ${GRAPHQL_PAGE_SIZE}, itemTypes: ${TIMELINE_TYPES}) {${timelineFields(parts.reviewTeams === true)}
      }
      ${REVIEW_REQUESTS_FIELD}
    }`
    : "";
  const snapshot = parts.includeSnapshot
    ? `
    issues(first: ${GRAPHQL_PAGE_SIZE}, states: OPEN, labels: [$label], orderBy: { field: CREATED_AT, direction: ASC }) {${ISSUE_FIELDS}
    }${PR_TEMPLATE_FIELDS}${REPOSITORY_RULE_FILE_FIELDS}`
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
const timelinePageQuery = (reviewTeams: boolean): string => `query ($owner: String!, $repo: String!, $number: Int!, $cursor: String!) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      timelineItems(first: ${GRAPHQL_PAGE_SIZE}, after: $cursor, itemTypes: ${TIMELINE_TYPES}) {${timelineFields(reviewTeams)}
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
 *   when known, so only its own check suite is read; `reviewTeams`: read the
 *   teams each review was made on behalf of (`review.require_owner`)
 * @throws the client's GraphQL or request error
 */
export async function gatherPullRequestState(
  client: GitHubClient,
  input: RepoRef & {
    number: number;
    headSha: string;
    checkName: string;
    includeReview: boolean;
    flakyLabel?: string;
    appId?: number;
    reviewTeams?: boolean;
  },
): Promise<PullRequestState> {
  const includeSnapshot = input.flakyLabel !== undefined;
  const reviewTeams = input.reviewTeams === true;
  const query = buildPullRequestStateQuery({
    includeReview: input.includeReview,
    includeSnapshot,
    ...(reviewTeams ? { reviewTeams } : {}),
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
        timelinePageQuery(reviewTeams),
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
    state.snapshot = { template: readPrTemplate(repository), flakyIssues: issues.map(toFlakyIssue), ...readRepositoryRules(repository) };
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
