import { checkSuitesSelection } from "./gather-pull-request-state.js";
import { REVIEW_REQUESTS_FIELD, TIMELINE_TYPES, timelineFields, toActor, toReviewFacts, type PullRequestNode, type TimelineNode } from "./to-review-facts.js";
import { GRAPHQL_PAGE_SIZE } from "../model/github-limits.js";
import type { GitHubClient } from "./github-client.js";
import type { RepoRef } from "../model/repo-ref.js";
import type { PullRequestFacts, ReviewFacts } from "../model/pull-request-facts.js";
import type { PullRequestNode as ReportPullRequestNode } from "./build-report-page-query.js";
import { CODE_OWNERS_FIELDS, readRepositoryRules, type RuleFileBlobs } from "./repository-rule-files.js";
import { toChangedFiles } from "./to-report-pull-request.js";

/**
 * Check suites read per head commit. GitHub Actions makes one suite per
 * workflow, so a busy commit has many; ours is one of them. Same bound as the
 * PR-event lookup in `gather-pull-request-state.ts`.
 */
const CHECK_SUITES_PER_COMMIT = 50;
/** Labels read per PR (a PR with more is unheard of; the review rule has no skip labels anyway). */
const LABELS_PER_PR = 50;

/** One open, non-draft pull request as the review sweep sees it. */
export interface OpenPullRequest {
  /**
   * Facts for the `review` rule only: number, title, author, draft, state,
   * labels, head SHA, URL, creation time, review facts, the first 100 changed
   * files (without patches) and the repository's CODEOWNERS (so the code
   * owners the row names, and `review.require_owner`, agree with a PR
   * event's). `body`, `template` and `flakyIssues` are left empty: other
   * rules must not be evaluated on these.
   */
  facts: PullRequestFacts & { review: ReviewFacts };
  /** False when the review timeline has more than one page (more than 100 events): the facts may miss some. */
  timelineComplete: boolean;
  /** This app's latest check run with the configured name on the head commit, or null. */
  checkRun: { id: number; summary: string | null } | null;
  /**
   * Bodies of the PR's last 100 comments (oldest first) when comments were
   * asked for, else null. `complete` is false when the PR has more.
   */
  comments: { bodies: string[]; complete: boolean } | null;
}

/** The result of {@link gatherOpenPullRequests}. */
export interface OpenPullRequests {
  /** Open PRs that are not drafts, oldest first. */
  pullRequests: OpenPullRequest[];
  /** Open drafts left out. */
  drafts: number;
}

interface Connection<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}
interface OpenPullRequestNode extends Pick<PullRequestNode, "isDraft" | "reviewRequests"> {
  number: number;
  title: string;
  url: string;
  createdAt: string;
  headRefOid: string;
  author: { login: string; __typename: string } | null;
  labels: { nodes: Array<{ name: string }> };
  files: ReportPullRequestNode["files"];
  timelineItems: Connection<TimelineNode>;
  commits: {
    nodes: Array<{
      commit: {
        checkSuites: { nodes: Array<{ checkRuns: { nodes: Array<{ databaseId: number; summary: string | null }> } | null }> } | null;
      };
    }>;
  };
  comments?: { totalCount: number; nodes: Array<{ body: string }> };
}
interface OpenPullRequestsResponse {
  repository: (RuleFileBlobs & { pullRequests: Connection<OpenPullRequestNode> }) | null;
}

/**
 * The query for one page of open PRs, with everything the review sweep needs
 * per PR: the review timeline and requests (same selection as a PR event;
 * with `reviewTeams`, each review's `onBehalfOf` teams for
 * `review.require_owner`), the first 100 changed files,
 * labels, and the head commit's check run with our name, summary included
 * (it carries the results marker). With `includeComments`, the last 100
 * comment bodies too, so the nudge marker is found without a request per PR.
 * Exported for tests that assert the exact query sent.
 */
export function buildOpenPullRequestsQuery(parts: { includeComments: boolean; appId?: number; reviewTeams?: boolean }): string {
  const comments = parts.includeComments
    ? `
        comments(last: ${GRAPHQL_PAGE_SIZE}) { totalCount nodes { body } }`
    : "";
  const appIdVariable = parts.appId === undefined ? "" : ", $appId: Int!";
  return `query ($owner: String!, $repo: String!, $checkName: String!, $cursor: String${appIdVariable}) {
  repository(owner: $owner, name: $repo) {${CODE_OWNERS_FIELDS}
    pullRequests(first: ${GRAPHQL_PAGE_SIZE}, after: $cursor, states: OPEN, orderBy: { field: CREATED_AT, direction: ASC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number
        title
        url
        isDraft
        createdAt
        headRefOid
        author { login __typename }
        labels(first: ${LABELS_PER_PR}) { nodes { name } }
        files(first: ${GRAPHQL_PAGE_SIZE}) { pageInfo { hasNextPage } nodes { path additions deletions changeType } }
        timelineItems(first: ${GRAPHQL_PAGE_SIZE}, itemTypes: ${TIMELINE_TYPES}) {${timelineFields(parts.reviewTeams === true)}
        }
        ${REVIEW_REQUESTS_FIELD}
        commits(last: 1) {
          nodes {
            commit {
              ${checkSuitesSelection(parts.appId, CHECK_SUITES_PER_COMMIT)} {
                nodes { checkRuns(first: 1, filterBy: { checkName: $checkName, checkType: LATEST }) { nodes { databaseId summary } } }
              }
            }
          }
        }${comments}
      }
    }
  }
}`;
}

/**
 * Every open pull request of a repository that is not a draft, in pages of
 * 100 (GraphQL's maximum `first`): one request per page, nothing per PR.
 * Drafts are counted and left out (the review clock is stopped for them).
 *
 * @param client GraphQL-capable client
 * @param input `checkName`: the configured check run name (`checks.name`);
 *   `includeComments`: read the last 100 comment bodies per PR (for the nudge
 *   marker); `now`: ISO instant of evaluation, set as the facts' `now`;
 *   `reviewTeams`: read each review's `onBehalfOf` teams (`review.require_owner`)
 * @returns the PRs, oldest first, with their facts, check run and comments
 * @throws the client's GraphQL or request error
 */
export async function gatherOpenPullRequests(
  client: GitHubClient,
  input: RepoRef & { checkName: string; includeComments: boolean; now: string; appId?: number; reviewTeams?: boolean },
): Promise<OpenPullRequests> {
  const query = buildOpenPullRequestsQuery({
    includeComments: input.includeComments,
    ...(input.appId !== undefined ? { appId: input.appId } : {}),
    ...(input.reviewTeams === true ? { reviewTeams: true } : {}),
  });
  const pullRequests: OpenPullRequest[] = [];
  let drafts = 0;
  let cursor: string | null = null;
  let codeOwners: PullRequestFacts["codeOwners"] | undefined;
  for (;;) {
    const response: OpenPullRequestsResponse = await client.graphql<OpenPullRequestsResponse>(query, {
      owner: input.owner,
      repo: input.repo,
      checkName: input.checkName,
      ...(input.appId !== undefined ? { appId: input.appId } : {}),
      cursor,
    });
    const page = response.repository?.pullRequests;
    if (!page) break;
    // Every page reads CODEOWNERS again (an object, no extra request); the first answer is kept for all PRs.
    codeOwners ??= readRepositoryRules(response.repository).codeOwners;
    for (const node of page.nodes) {
      if (node.isDraft) drafts += 1;
      else pullRequests.push(toOpenPullRequest(node, { ...input, codeOwners }));
    }
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    cursor = page.pageInfo.endCursor;
  }
  return { pullRequests, drafts };
}

function toOpenPullRequest(
  node: OpenPullRequestNode,
  input: RepoRef & { now: string; codeOwners: PullRequestFacts["codeOwners"] },
): OpenPullRequest {
  const runs = node.commits.nodes.flatMap(
    (commit) => commit.commit.checkSuites?.nodes.flatMap((suite) => suite.checkRuns?.nodes ?? []) ?? [],
  );
  const latest = runs.reduce<(typeof runs)[number] | null>(
    (best, run) => (best === null || run.databaseId > best.databaseId ? run : best),
    null,
  );
  return {
    facts: {
      owner: input.owner,
      repo: input.repo,
      number: node.number,
      title: node.title,
      body: "",
      author: toActor(node.author),
      draft: node.isDraft,
      state: "open",
      mergedAt: null,
      closedAt: null,
      labels: node.labels.nodes.map((label) => label.name),
      headSha: node.headRefOid,
      htmlUrl: node.url,
      createdAt: node.createdAt,
      files: toChangedFiles(node.files),
      filesTruncated: node.files?.pageInfo.hasNextPage ?? false,
      template: null,
      flakyIssues: [],
      codeOwners: input.codeOwners ?? null,
      review: toReviewFacts(node, node.timelineItems.nodes),
      now: input.now,
    },
    timelineComplete: !node.timelineItems.pageInfo.hasNextPage,
    checkRun: latest === null ? null : { id: latest.databaseId, summary: latest.summary },
    comments: node.comments
      ? { bodies: node.comments.nodes.map((comment) => comment.body), complete: node.comments.totalCount <= node.comments.nodes.length }
      : null,
  };
}
