import { FLAKY_ISSUE_NODE, type toFlakyIssue } from "./gather-pull-request-state.js";
import { REVIEW_REQUESTS_FIELD, TIMELINE_TYPES, timelineFields, type toReviewFacts } from "./to-review-facts.js";
import { PR_TEMPLATE_FIELDS } from "./pr-template-paths.js";
import { REPOSITORY_RULE_FILE_FIELDS, type RuleFileBlobs } from "./repository-rule-files.js";
import type { ReportSearchKind, SearchPage } from "./report-searches.js";

type TimelineNode = Parameters<typeof toReviewFacts>[1][number];
type ReviewRequestsField = Parameters<typeof toReviewFacts>[0]["reviewRequests"];
type FlakyIssueNode = Parameters<typeof toFlakyIssue>[0];

/** A pull request node as {@link PULL_REQUEST_FIELDS} selects it. */
export interface PullRequestNode {
  number: number;
  title: string;
  body: string | null;
  url: string;
  state: "OPEN" | "CLOSED" | "MERGED";
  isDraft: boolean;
  createdAt: string;
  mergedAt: string | null;
  closedAt: string | null;
  author: { login: string; __typename: string } | null;
  labels: { nodes: Array<{ name: string }> };
  files: { pageInfo: { hasNextPage: boolean }; nodes: Array<{ path: string; additions: number; deletions: number; changeType: string }> } | null;
  timelineItems: { nodes: TimelineNode[] };
  reviewRequests: ReviewRequestsField;
}

/** An issue node as {@link FLAKY_ISSUE_FIELDS} selects it. */
export interface ReportIssueNode extends FlakyIssueNode {
  state: "OPEN" | "CLOSED";
  closedAt: string | null;
  timelineItems: { nodes: Array<{ createdAt?: string; label?: { name: string } | null }> };
}

/** One search's page in a {@link ReportPageResponse} (alias `sN`). */
export interface SearchResult extends SearchPage {
  /** Search results of another type come back as empty objects. */
  nodes: Array<Partial<PullRequestNode> | Partial<ReportIssueNode> | null>;
}

/** The answer to a query of {@link buildReportPageQuery}: the template aliases, then one page per search. */
export interface ReportPageResponse {
  repository?: (RuleFileBlobs & { [templateAlias: `template${number}`]: { text: string | null } | null }) | null;
  [searchAlias: `s${number}`]: SearchResult | undefined;
}

/**
 * The fields of a pull request in a report search. The timeline selection is
 * the one `toReviewFacts` reads (to-review-facts.ts); its first 100
 * events, oldest first, hold the first ready transition and the first review
 * of any real PR, so it is not paged further (paging would cost a request per
 * PR). Files: the first 100 (`filesTruncated` says when there are more).
 * With `reviewTeams` (`review.require_owner`), each review's `onBehalfOf` teams too.
 */
export function pullRequestFields(reviewTeams: boolean): string {
  return `number title body url state isDraft createdAt mergedAt closedAt
      author { login __typename }
      labels(first: 50) { nodes { name } }
      files(first: 100) { pageInfo { hasNextPage } nodes { path additions deletions changeType } }
      timelineItems(first: 100, itemTypes: ${TIMELINE_TYPES}) {${timelineFields(reviewTeams)}
      }
      ${REVIEW_REQUESTS_FIELD}`;
}
/** {@link pullRequestFields} without the review teams. */
export const PULL_REQUEST_FIELDS = pullRequestFields(false);

/** The fields of a flaky-test issue: those `toFlakyIssue` reads, its state, and when labels were added. */
export const FLAKY_ISSUE_FIELDS = `${FLAKY_ISSUE_NODE} state closedAt
      timelineItems(last: 20, itemTypes: [LABELED_EVENT]) { nodes { ... on LabeledEvent { createdAt label { name } } } }`;

/**
 * Build one GraphQL request: a page of each given search (aliases `s0`, `s1`,
 * … with variables `$q0`/`$c0`, …), and, when `withRepository`, the PR
 * template from the default branch (the paths of `PR_TEMPLATE_PATHS`, aliases
 * `template0` …), CODEOWNERS and `.gitattributes` (`REPOSITORY_RULE_FILE_FIELDS`).
 * Exported for tests that assert the exact query sent.
 *
 * @param kinds what each search returns, in alias order
 * @param options `withRepository`: ask for the PR template too (the first
 *   request); `pageSize`: results per search, 1 to 100 (GraphQL's `first`);
 *   `reviewTeams`: each review's `onBehalfOf` teams (`review.require_owner`)
 * @returns the query text; its variables are `$owner`/`$repo` (with the
 *   repository) and `$qN` (the search text) / `$cN` (the cursor, or null) per search
 */
export function buildReportPageQuery(
  kinds: readonly ReportSearchKind[],
  options: { withRepository: boolean; pageSize: number; reviewTeams?: boolean },
): string {
  const variables = kinds.flatMap((_, index) => [`$q${index}: String!`, `$c${index}: String`]);
  if (options.withRepository) variables.unshift("$owner: String!", "$repo: String!");
  const repository = options.withRepository
    ? `
  repository(owner: $owner, name: $repo) {${PR_TEMPLATE_FIELDS}${REPOSITORY_RULE_FILE_FIELDS}
  }`
    : "";
  const searches = kinds
    .map(
      (kind, index) => `
  s${index}: search(type: ISSUE, query: $q${index}, first: ${options.pageSize}, after: $c${index}) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes {
      ... on ${kind === "pullRequest" ? "PullRequest" : "Issue"} {
      ${kind === "pullRequest" ? pullRequestFields(options.reviewTeams === true) : FLAKY_ISSUE_FIELDS}
      }
    }
  }`,
    )
    .join("");
  return `query (${variables.join(", ")}) {${repository}${searches}
}`;
}

