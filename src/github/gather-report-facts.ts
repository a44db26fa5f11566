import type { Config } from "../config/schema.js";
import { parseInstant } from "../time/parse-instant.js";
import { FLAKY_ISSUE_NODE, REVIEW_REQUESTS_FIELD, TIMELINE_FIELDS, TIMELINE_TYPES, toActor, toFlakyIssue, toReviewFacts } from "./gather-pull-request-state.js";
import { GRAPHQL_PAGE_SIZE, SEARCH_RESULT_CAP } from "../model/github-limits.js";
import { requestMeter } from "./count-requests.js";
import type { GitHubClient } from "./github-client.js";
import type { RepoRef } from "../model/repo-ref.js";
import { PR_TEMPLATE_FIELDS, readPrTemplate } from "./pr-template-paths.js";
import type { ChangedFile } from "../model/pull-request-facts.js";
import type { ReportChangedFile, ReportFacts, ReportFlakyIssue, ReportPullRequest } from "../model/report-facts.js";
import { countOf } from "../text/count-of.js";

/** Which node type a search returns. */
export type ReportSearchKind = "pullRequest" | "flakyIssue";

/**
 * One GitHub search to page through. Every search is sorted by creation,
 * oldest first, and limited to items created before the window's end; when it
 * has more than {@link SEARCH_RESULT_CAP} results, the rest is read by a new
 * search starting at the creation time of the last result read.
 */
export interface ReportSearch {
  kind: ReportSearchKind;
  /** Qualifiers except the creation range and the sort, e.g. `repo:acme/widgets is:pr is:open`. */
  qualifiers: string;
  /** Inclusive lower bound on creation (ISO, whole seconds), or null for none. */
  createdFrom: string | null;
  /** Exclusive upper bound on creation (ISO): the window's end. */
  createdBefore: string;
}

/** Inputs of {@link gatherReportFacts}. */
export interface GatherReportInput extends RepoRef {
  /**
   * The window to gather for (`isoWeekWindow`). `start` may be earlier than
   * the week's Monday to cover earlier weeks of a trend in the same pass: the
   * facts are then a superset of each week's, which `measureWeek` filters.
   */
  window: { week: string; start: string; end: string };
  /** `flaky.label` is read. */
  config: Pick<Config, "flaky">;
  /** Called after every request with a one-line progress message (the CLI writes it to stderr). */
  onProgress?: (message: string) => void;
  /** Search results per request, 1 to 100 (default 100, GitHub's maximum `first`). */
  pageSize?: number;
}

/** A search being paged: where it stands. */
interface SearchCursor {
  search: ReportSearch;
  /** `after` for the next page; null for the first page of this search. */
  after: string | null;
  /** Results read by this search so far (its cap is {@link SEARCH_RESULT_CAP}). */
  read: number;
}

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
type TimelineNode = Parameters<typeof toReviewFacts>[1][number];
type ReviewRequestsField = Parameters<typeof toReviewFacts>[0]["reviewRequests"];
type FlakyIssueNode = Parameters<typeof toFlakyIssue>[0];

/** A pull request node as {@link PULL_REQUEST_FIELDS} selects it. */
interface PullRequestNode {
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
interface ReportIssueNode extends FlakyIssueNode {
  state: "OPEN" | "CLOSED";
  closedAt: string | null;
  timelineItems: { nodes: Array<{ createdAt?: string; label?: { name: string } | null }> };
}

interface SearchResult {
  issueCount: number;
  pageInfo: PageInfo;
  /** Search results of another type come back as empty objects. */
  nodes: Array<Partial<PullRequestNode> | Partial<ReportIssueNode> | null>;
}

interface ReportPageResponse {
  repository?: { [templateAlias: `template${number}`]: { text: string | null } | null } | null;
  [searchAlias: `s${number}`]: SearchResult | undefined;
}

/**
 * The fields of a pull request in a report search. The timeline selection is
 * the one `toReviewFacts` reads (gather-pull-request-state.ts); its first 100
 * events, oldest first, hold the first ready transition and the first review
 * of any real PR, so it is not paged further (paging would cost a request per
 * PR). Files: the first 100 (`filesTruncated` says when there are more).
 */
export const PULL_REQUEST_FIELDS = `number title body url state isDraft createdAt mergedAt closedAt
      author { login __typename }
      labels(first: 50) { nodes { name } }
      files(first: 100) { pageInfo { hasNextPage } nodes { path additions deletions changeType } }
      timelineItems(first: 100, itemTypes: ${TIMELINE_TYPES}) {${TIMELINE_FIELDS}
      }
      ${REVIEW_REQUESTS_FIELD}`;

/** The fields of a flaky-test issue: those `toFlakyIssue` reads, its state, and when labels were added. */
export const FLAKY_ISSUE_FIELDS = `${FLAKY_ISSUE_NODE} state closedAt
      timelineItems(last: 20, itemTypes: [LABELED_EVENT]) { nodes { ... on LabeledEvent { createdAt label { name } } } }`;

/**
 * The four searches a report needs, each limited to items created before the
 * window's end. Together they are exactly the pull requests and flaky issues
 * that were open at some moment of the window, the population every metric
 * of the README's "What the figures mean" table draws from:
 *
 * - PRs open now (so open at the window's end, or reopened since);
 * - PRs closed (merged or not) at or after the window's start: those merged
 *   or closed in the window, and those still open at its end but closed later;
 * - the same two for issues with `flaky.label`.
 *
 * PRs created and closed before the window are never read.
 *
 * @returns the searches, pull requests first
 */
export function reportSearches(input: RepoRef & { window: { start: string; end: string }; flakyLabel: string }): ReportSearch[] {
  const repo = `repo:${input.owner}/${input.repo}`;
  const start = searchInstant(input.window.start);
  const end = searchInstant(input.window.end);
  // Search cannot escape a double quote inside a quoted value; label names rarely have one.
  const label = `label:"${input.flakyLabel.replaceAll('"', "")}"`;
  const search = (kind: ReportSearchKind, qualifiers: string): ReportSearch => ({ kind, qualifiers, createdFrom: null, createdBefore: end });
  return [
    search("pullRequest", `${repo} is:pr is:open`),
    search("pullRequest", `${repo} is:pr is:closed closed:>=${start}`),
    search("flakyIssue", `${repo} is:issue is:open ${label}`),
    search("flakyIssue", `${repo} is:issue is:closed ${label} closed:>=${start}`),
  ];
}

/**
 * The query text of a search: its qualifiers, the creation range
 * (`created:<END`, or `created:FROM..LAST` with both ends inclusive, LAST being
 * one second before the end: search compares whole seconds) and
 * `sort:created-asc`.
 */
export function searchQueryText(search: ReportSearch): string {
  const range =
    search.createdFrom === null
      ? `created:<${search.createdBefore}`
      : `created:${search.createdFrom}..${searchInstant(new Date(parseInstant(search.createdBefore) - 1000).toISOString())}`;
  return `${search.qualifiers} ${range} sort:created-asc`;
}

/**
 * Build one GraphQL request: a page of each given search (aliases `s0`, `s1`,
 * … with variables `$q0`/`$c0`, …), and, when `withRepository`, the PR
 * template from the default branch (the paths of `PR_TEMPLATE_PATHS`, aliases
 * `template0` …). Exported for tests that assert the exact query sent.
 */
export function buildReportPageQuery(kinds: readonly ReportSearchKind[], options: { withRepository: boolean; pageSize: number }): string {
  const variables = kinds.flatMap((_, index) => [`$q${index}: String!`, `$c${index}: String`]);
  if (options.withRepository) variables.unshift("$owner: String!", "$repo: String!");
  const repository = options.withRepository
    ? `
  repository(owner: $owner, name: $repo) {${PR_TEMPLATE_FIELDS}
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
      ${kind === "pullRequest" ? PULL_REQUEST_FIELDS : FLAKY_ISSUE_FIELDS}
      }
    }
  }`,
    )
    .join("");
  return `query (${variables.join(", ")}) {${repository}${searches}
}`;
}

/**
 * Gather a week's {@link ReportFacts} with GraphQL search, in pages of up to
 * 100 results: the pull requests and flaky-test issues that were open at some
 * moment of the window ({@link reportSearches}), and the PR template on the
 * default branch.
 *
 * Requests: each carries one page of pull requests, the pending pages of both
 * flaky-issue searches, and (the first) the PR template, so N pull requests
 * cost about ceil(N/100) + 2 requests, within the issue's budget of
 * ceil(N/50) + 10. A search with more than {@link SEARCH_RESULT_CAP} results
 * is split at the creation time of its 1,000th result and the rest read by a
 * new search from there, so no request is spent on a result count alone. PRs
 * or issues found twice (a split boundary, or moving between open and closed
 * while paging) are kept once, by number.
 *
 * Facts are as GitHub has them now; `measureWeek` cuts them back to the
 * window's end. Per PR: the first 100 changed files, the first 100 review
 * timeline events, 50 labels and 50 review requests.
 *
 * @param client GraphQL-capable client
 * @param input the repository, window (ISO instants), `config.flaky.label`, and an optional progress callback
 * @returns the facts, sorted by number (the requests made are counted by the client: `countRequests`)
 * @throws RangeError when the window's instants are not ISO 8601 or it ends before it starts;
 *   the client's GraphQL or request error otherwise
 */
export async function gatherReportFacts(client: GitHubClient, input: GatherReportInput): Promise<ReportFacts> {
  const startMs = parseInstant(input.window.start);
  const endMs = parseInstant(input.window.end);
  if (endMs <= startMs) throw new RangeError(`the window ends (${input.window.end}) before it starts (${input.window.start})`);
  const pageSize = input.pageSize ?? GRAPHQL_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > GRAPHQL_PAGE_SIZE) {
    throw new RangeError(`pageSize must be a whole number from 1 to ${GRAPHQL_PAGE_SIZE}; it is ${pageSize}`);
  }

  const pending: SearchCursor[] = reportSearches({ ...input, flakyLabel: input.config.flaky.label }).map((search) => ({
    search,
    after: null,
    read: 0,
  }));
  const pullRequests = new Map<number, ReportPullRequest>();
  const flakyIssues = new Map<number, ReportFlakyIssue>();
  let template: string | null = null;
  const calls = requestMeter(client);
  let withRepository = true;

  while (pending.length > 0) {
    const nextPullRequests = pending.find((cursor) => cursor.search.kind === "pullRequest");
    const batch = [...(nextPullRequests ? [nextPullRequests] : []), ...pending.filter((cursor) => cursor.search.kind === "flakyIssue")];
    const query = buildReportPageQuery(
      batch.map((cursor) => cursor.search.kind),
      { withRepository, pageSize },
    );
    const variables: Record<string, unknown> = withRepository ? { owner: input.owner, repo: input.repo } : {};
    batch.forEach((cursor, index) => {
      variables[`q${index}`] = searchQueryText(cursor.search);
      variables[`c${index}`] = cursor.after;
    });
    const response = await client.graphql<ReportPageResponse>(query, variables);

    if (withRepository) template = readPrTemplate(response.repository);
    withRepository = false;
    batch.forEach((cursor, index) => {
      const result = response[`s${index}`];
      const nodes = (result?.nodes ?? []).filter((node): node is NonNullable<typeof node> => node !== null && typeof node.number === "number");
      for (const node of nodes) {
        if (cursor.search.kind === "pullRequest") {
          const pr = toReportPullRequest(node as PullRequestNode);
          pullRequests.set(pr.number, pr);
        } else {
          const issue = toReportFlakyIssue(node as ReportIssueNode, input.config.flaky.label, input.window.end);
          flakyIssues.set(issue.number, issue);
        }
      }
      const next = advance(cursor, result, nodes.map((node) => node.createdAt ?? ""));
      pending.splice(pending.indexOf(cursor), 1, ...(next ? [next] : []));
    });

    input.onProgress?.(
      `collecting ${input.owner}/${input.repo} ${input.window.week}: ${countOf(pullRequests.size, "pull request")} and ${countOf(flakyIssues.size, "flaky-test issue")} so far (${countOf(calls(), "API call")})`,
    );
  }

  return {
    owner: input.owner,
    repo: input.repo,
    window: { ...input.window },
    template,
    pullRequests: [...pullRequests.values()].sort((a, b) => a.number - b.number),
    flakyIssues: [...flakyIssues.values()].sort((a, b) => a.number - b.number),
  };
}

/**
 * Where a search goes after a page: its next page; or, when the page ended at
 * the search's 1,000-result cap with more results left, a new search from the
 * creation time of the last result read (inclusive: results in that same
 * second are read again and kept once); or nowhere (null).
 */
function advance(cursor: SearchCursor, result: SearchResult | undefined, createdAts: readonly string[]): SearchCursor | null {
  if (result === undefined) return null;
  const read = cursor.read + createdAts.length;
  if (result.pageInfo.hasNextPage && result.pageInfo.endCursor !== null && createdAts.length > 0) {
    return { ...cursor, after: result.pageInfo.endCursor, read };
  }
  if (read < SEARCH_RESULT_CAP || result.issueCount <= read) return null;
  const last = createdAts.reduce((latest, at) => (at > latest ? at : latest), "");
  if (last === "") return null;
  const from = searchInstant(last);
  // 1,000 results created in one second cannot be split further; stop rather than loop.
  if (from === cursor.search.createdFrom) return null;
  return { search: { ...cursor.search, createdFrom: from }, after: null, read: 0 };
}


const CHANGE_TYPES: Record<string, ChangedFile["status"]> = {
  ADDED: "added",
  DELETED: "removed",
  MODIFIED: "modified",
  RENAMED: "renamed",
  COPIED: "copied",
  CHANGED: "changed",
};

/** A GraphQL pull request node as plain facts. */
function toReportPullRequest(node: PullRequestNode): ReportPullRequest {
  const files: ReportChangedFile[] = (node.files?.nodes ?? []).map((file) => ({
    filename: file.path,
    status: CHANGE_TYPES[file.changeType] ?? "modified",
    additions: file.additions,
    deletions: file.deletions,
  }));
  return {
    number: node.number,
    title: node.title,
    body: node.body ?? "",
    author: toActor(node.author),
    draft: node.isDraft,
    state: node.state === "OPEN" ? "open" : "closed",
    createdAt: node.createdAt,
    mergedAt: node.mergedAt,
    closedAt: node.closedAt,
    labels: node.labels.nodes.map((label) => label.name),
    htmlUrl: node.url,
    files,
    filesTruncated: node.files?.pageInfo.hasNextPage ?? false,
    review: toReviewFacts({ isDraft: node.isDraft, reviewRequests: node.reviewRequests }, node.timelineItems.nodes),
  };
}

/**
 * A GraphQL issue node as a flaky-test issue. `labeledAt` is the last time the
 * label (`flaky.label`, any case) was added before the window's end, so ages
 * run from when the team marked it flaky; unset when no such event is known.
 */
function toReportFlakyIssue(node: ReportIssueNode, label: string, windowEnd: string): ReportFlakyIssue {
  const base = toFlakyIssue({ ...node, body: node.body ?? "" });
  const endMs = parseInstant(windowEnd);
  const wanted = label.toLowerCase();
  const labeledAt = node.timelineItems.nodes
    .filter((event) => event.createdAt !== undefined && event.label?.name.toLowerCase() === wanted && parseInstant(event.createdAt) < endMs)
    .map((event) => event.createdAt as string)
    .sort()
    .at(-1);
  return {
    number: base.number,
    title: base.title,
    htmlUrl: base.htmlUrl,
    createdAt: base.createdAt,
    closedAt: node.closedAt,
    assignees: base.assignees,
    ...(labeledAt === undefined ? {} : { labeledAt }),
    state: node.state === "OPEN" ? "open" : "closed",
  };
}

/** An instant as search qualifiers take it: ISO 8601, UTC, whole seconds (`2026-11-16T00:00:00Z`). */
function searchInstant(iso: string): string {
  return new Date(Math.floor(parseInstant(iso) / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

