import { FLAKY_ISSUE_NODE, toFlakyIssue } from "./gather-pull-request-state.js";
import { GRAPHQL_PAGE_SIZE } from "../model/github-limits.js";
import type { GitHubClient } from "./github-client.js";
import type { RepoRef } from "../model/repo-ref.js";
import type { FlakyIssue } from "../model/pull-request-facts.js";
import type { KnownComments } from "../model/known-comments.js";

/** What the flaky-test checklist needs, from one GraphQL request. */
export interface FlakyIssueContext {
  /** The issue's last 100 comment bodies, and whether that is all of them. */
  comments: KnownComments;
  /** Open issues with the flaky label (first 100), this one included. */
  openFlakyIssues: FlakyIssue[];
  /** Of the candidate paths, those that exist on the default branch. */
  existingPaths: string[];
  /** The default branch's name. */
  defaultBranch: string;
  /** The repository's web address. */
  repoUrl: string;
}

interface Response {
  repository: {
    url: string;
    defaultBranchRef: { name: string } | null;
    issue: { comments: { totalCount: number; nodes: Array<{ body: string }> } } | null;
    issues: { nodes: Parameters<typeof toFlakyIssue>[0][] };
    [path: `path${number}`]: { __typename: string } | null;
  };
}

/**
 * One GraphQL query for the flaky-test checklist: the issue's comments (where
 * `postCommentOnce` looks for the marker), the open flaky issues (for the team's count and oldest), and
 * whether each candidate test file exists on the default branch.
 *
 * @param input `candidatePaths`: test paths the issue mentions (at most 20 are checked)
 * @throws the client's GraphQL error
 */
export async function gatherFlakyIssueContext(
  client: GitHubClient,
  input: RepoRef & { number: number; label: string; candidatePaths: string[] },
): Promise<FlakyIssueContext> {
  const paths = input.candidatePaths.slice(0, 20);
  const pathFields = paths
    .map((path, index) => `\n    path${index}: object(expression: ${JSON.stringify(`HEAD:${path}`)}) { __typename }`)
    .join("");
  const query = `query ($owner: String!, $repo: String!, $number: Int!, $label: String!) {
  repository(owner: $owner, name: $repo) {
    url
    defaultBranchRef { name }
    issue(number: $number) { comments(last: ${GRAPHQL_PAGE_SIZE}) { totalCount nodes { body } } }
    issues(first: ${GRAPHQL_PAGE_SIZE}, states: OPEN, labels: [$label], orderBy: { field: CREATED_AT, direction: ASC }) {
      nodes { ${FLAKY_ISSUE_NODE} }
    }${pathFields}
  }
}`;
  const response = await client.graphql<Response>(query, {
    owner: input.owner,
    repo: input.repo,
    number: input.number,
    label: input.label,
  });
  const repository = response.repository;
  return {
    comments: {
      bodies: (repository.issue?.comments.nodes ?? []).map((comment) => comment.body),
      complete: (repository.issue?.comments.totalCount ?? 0) <= GRAPHQL_PAGE_SIZE,
    },
    openFlakyIssues: repository.issues.nodes.map(toFlakyIssue),
    existingPaths: paths.filter((_, index) => repository[`path${index}`]?.__typename === "Blob"),
    defaultBranch: repository.defaultBranchRef?.name ?? "main",
    repoUrl: repository.url,
  };
}
