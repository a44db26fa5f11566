import type { Config } from "../config/schema.js";
import { GRAPHQL_PAGE_SIZE } from "../model/github-limits.js";
import type { RepoRef } from "../model/repo-ref.js";
import type { ReportFacts, ReportFlakyIssue, ReportPullRequest } from "../model/report-facts.js";
import { countOf } from "../text/count-of.js";
import { parseInstant } from "../time/parse-instant.js";
import { buildReportPageQuery, type PullRequestNode, type ReportIssueNode, type ReportPageResponse } from "./build-report-page-query.js";
import { requestMeter } from "./count-requests.js";
import type { GitHubClient } from "./github-client.js";
import { readPrTemplate } from "./pr-template-paths.js";
import { readRepositoryRules } from "./repository-rule-files.js";
import { advanceSearch, mergedSearches, reportSearches, searchQueryText, type SearchCursor } from "./report-searches.js";
import { toReportFlakyIssue, toReportPullRequest } from "./to-report-pull-request.js";

/** Inputs of {@link gatherReportFacts}. */
export interface GatherReportInput extends RepoRef {
  /**
   * The window to gather for (`isoWeekWindow`). `start` may be earlier than
   * the week's Monday to cover earlier weeks of a trend in the same pass: the
   * facts are then a superset of each week's, which `measureWeek` filters.
   */
  window: { week: string; start: string; end: string };
  /** `flaky.label` is read; `review.require_owner`, when given, adds each review's `onBehalfOf` teams. */
  config: Pick<Config, "flaky"> & Partial<Pick<Config, "review">>;
  /** Called after every request with a one-line progress message (the CLI writes it to stderr). */
  onProgress?: (message: string) => void;
  /** Search results per request, 1 to 100 (default 100, GitHub's maximum `first`). */
  pageSize?: number;
  /**
   * Which items to read: `"touched"` (the default, the weekly report) the pull
   * requests and flaky-test issues open at some moment of the window
   * ({@link reportSearches}); `"merged"` (the backtest) only the pull requests
   * merged in the window ({@link mergedSearches}), no issues.
   */
  population?: "touched" | "merged";
}

/**
 * Gather a week's {@link ReportFacts} with GraphQL search, in pages of up to
 * 100 results: the pull requests and flaky-test issues that were open at some
 * moment of the window ({@link reportSearches}), or with `population:
 * "merged"` the pull requests merged in it ({@link mergedSearches}: one
 * request per 100, the backtest's collection), and the PR template,
 * CODEOWNERS and `.gitattributes` on the default branch.
 *
 * Requests: each carries one page of pull requests, the pending pages of both
 * flaky-issue searches, and (the first) the repository's files, so N pull requests
 * cost about ceil(N/100) + 2 requests, within the issue's budget of
 * ceil(N/50) + 10. A search with more than 1,000 results (`SEARCH_RESULT_CAP`)
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

  const searches = input.population === "merged" ? mergedSearches(input) : reportSearches({ ...input, flakyLabel: input.config.flaky.label });
  const pending: SearchCursor[] = searches.map((search) => ({
    search,
    after: null,
    read: 0,
  }));
  const pullRequests = new Map<number, ReportPullRequest>();
  const flakyIssues = new Map<number, ReportFlakyIssue>();
  let template: string | null = null;
  let rules = readRepositoryRules(null);
  const reviewTeams = input.config.review?.require_owner === true;
  const calls = requestMeter(client);
  let withRepository = true;

  while (pending.length > 0) {
    const nextPullRequests = pending.find((cursor) => cursor.search.kind === "pullRequest");
    const batch = [...(nextPullRequests ? [nextPullRequests] : []), ...pending.filter((cursor) => cursor.search.kind === "flakyIssue")];
    const query = buildReportPageQuery(
      batch.map((cursor) => cursor.search.kind),
      { withRepository, pageSize, ...(reviewTeams ? { reviewTeams } : {}) },
    );
    const variables: Record<string, unknown> = withRepository ? { owner: input.owner, repo: input.repo } : {};
    batch.forEach((cursor, index) => {
      variables[`q${index}`] = searchQueryText(cursor.search);
      variables[`c${index}`] = cursor.after;
    });
    const response = await client.graphql<ReportPageResponse>(query, variables);

    if (withRepository) {
      template = readPrTemplate(response.repository);
      rules = readRepositoryRules(response.repository);
    }
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
      const next = advanceSearch(cursor, result, nodes.map((node) => node.createdAt ?? ""));
      pending.splice(pending.indexOf(cursor), 1, ...(next ? [next] : []));
    });

    const issues = input.population === "merged" ? "" : ` and ${countOf(flakyIssues.size, "flaky-test issue")}`;
    input.onProgress?.(
      `collecting ${input.owner}/${input.repo} ${input.window.week}: ${countOf(pullRequests.size, "pull request")}${issues} so far (${countOf(calls(), "API call")})`,
    );
  }

  return {
    owner: input.owner,
    repo: input.repo,
    window: { ...input.window },
    template,
    ...rules,
    pullRequests: [...pullRequests.values()].sort((a, b) => a.number - b.number),
    flakyIssues: [...flakyIssues.values()].sort((a, b) => a.number - b.number),
  };
}

