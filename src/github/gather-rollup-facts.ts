import { GRAPHQL_PAGE_SIZE } from "../model/github-limits.js";
import type { ReportFacts, ReportFlakyIssue, ReportPullRequest } from "../model/report-facts.js";
import { countOf } from "../text/count-of.js";
import { parseInstant } from "../time/parse-instant.js";
import { buildReportPageQuery, type PullRequestNode, type ReportIssueNode, type ReportPageResponse } from "./build-report-page-query.js";
import { requestMeter } from "./count-requests.js";
import type { ReadableRepository } from "./find-rollup-repositories.js";
import type { GitHubClient } from "./github-client.js";
import { advanceSearch, searchQueryText, type SearchCursor } from "./report-searches.js";
import { rollupSearches } from "./rollup-searches.js";
import { toReportFlakyIssue, toReportPullRequest } from "./to-report-pull-request.js";

/**
 * Pull-request search pages per request: two pages of 100 pull requests, each
 * with up to 100 files, 100 timeline events, 50 labels and 50 review requests
 * (about 30,000 nodes a page), far within GraphQL's 500,000-node limit
 * (`GRAPHQL_MAX_NODES`), while a rollup's several searches take half the
 * requests they would one page at a time.
 */
export const PULL_REQUEST_PAGES_PER_REQUEST = 2;

/** Flaky-test search pages that ride along in each request (about 5,000 nodes each). */
export const FLAKY_PAGES_PER_REQUEST = 10;

/** A readable repository of the rollup, with its own flaky-test label. */
export interface RollupGatherRepository extends ReadableRepository {
  /** The repository's own `flaky.label`. */
  flakyLabel: string;
}

/** Inputs of {@link gatherRollupFacts}. */
export interface GatherRollupInput {
  /** The readable repositories (`findRollupRepositories`), each with its `flaky.label`. */
  repositories: readonly RollupGatherRepository[];
  /** The window, as for `gatherReportFacts`: `start` may reach back to cover a trend's earlier weeks. */
  window: { week: string; start: string; end: string };
  /** Called after every request with a one-line progress message. */
  onProgress?: (message: string) => void;
  /** Search results per request, 1 to 100 (default 100). */
  pageSize?: number;
  /** The longest search query text (default GitHub's 256; tests pass a smaller one). */
  maxQueryChars?: number;
}

/**
 * Gather every repository's {@link ReportFacts} for a rollup with GraphQL
 * search across the repositories at once ({@link rollupSearches}:
 * `repo:a repo:b …`, split only when a query would pass GitHub's length
 * limit), in pages of up to 100: each request carries up to
 * {@link PULL_REQUEST_PAGES_PER_REQUEST} pages of pull requests and up to
 * {@link FLAKY_PAGES_PER_REQUEST} pages of flaky-test issues. Searches past
 * 1,000 results continue from the creation time of the last one read
 * (`advanceSearch`), as for one repository. Each result goes to the
 * repository whose page its link starts with; PRs and issues found twice are
 * kept once per repository, by number (numbers repeat across repositories).
 * The PR templates come from `findRollupRepositories`.
 *
 * For N pull requests over searches in G groups this is about
 * ceil((N/100 + 2G) / 2) requests.
 *
 * @param client GraphQL-capable client
 * @param input the repositories, the window and options
 * @returns the facts of each repository, in the order given, keyed by `owner/name`
 * @throws RangeError when the window's instants are not ISO 8601 or it ends before it starts;
 *   the client's GraphQL or request error otherwise
 */
export async function gatherRollupFacts(client: GitHubClient, input: GatherRollupInput): Promise<Map<string, ReportFacts>> {
  if (parseInstant(input.window.end) <= parseInstant(input.window.start)) {
    throw new RangeError(`the window ends (${input.window.end}) before it starts (${input.window.start})`);
  }
  const pageSize = input.pageSize ?? GRAPHQL_PAGE_SIZE;
  const found = input.repositories.map((repository) => ({
    repository,
    prefix: `${repository.url.toLowerCase()}/`,
    pullRequests: new Map<number, ReportPullRequest>(),
    flakyIssues: new Map<number, ReportFlakyIssue>(),
  }));
  const ownerOf = (url: string) => found.find((entry) => url.toLowerCase().startsWith(entry.prefix));
  const pending: SearchCursor[] = rollupSearches(input.repositories, input.window, input.maxQueryChars).map((search) => ({ search, after: null, read: 0 }));
  const calls = requestMeter(client);
  let pullRequestCount = 0;
  let flakyCount = 0;

  while (pending.length > 0) {
    const batch = [
      ...pending.filter((cursor) => cursor.search.kind === "pullRequest").slice(0, PULL_REQUEST_PAGES_PER_REQUEST),
      ...pending.filter((cursor) => cursor.search.kind === "flakyIssue").slice(0, FLAKY_PAGES_PER_REQUEST),
    ];
    const variables: Record<string, unknown> = {};
    batch.forEach((cursor, index) => {
      variables[`q${index}`] = searchQueryText(cursor.search);
      variables[`c${index}`] = cursor.after;
    });
    const query = buildReportPageQuery(
      batch.map((cursor) => cursor.search.kind),
      { withRepository: false, pageSize },
    );
    const response = await client.graphql<ReportPageResponse>(query, variables);

    batch.forEach((cursor, index) => {
      const result = response[`s${index}`];
      const nodes = (result?.nodes ?? []).filter((node): node is NonNullable<typeof node> => node !== null && typeof node.number === "number");
      for (const node of nodes) {
        const entry = ownerOf(node.url ?? "");
        if (entry === undefined) continue;
        if (cursor.search.kind === "pullRequest") {
          const pr = toReportPullRequest(node as PullRequestNode);
          if (!entry.pullRequests.has(pr.number)) pullRequestCount += 1;
          entry.pullRequests.set(pr.number, pr);
        } else {
          const issue = toReportFlakyIssue(node as ReportIssueNode, entry.repository.flakyLabel, input.window.end);
          if (!entry.flakyIssues.has(issue.number)) flakyCount += 1;
          entry.flakyIssues.set(issue.number, issue);
        }
      }
      const next = advanceSearch(cursor, result, nodes.map((node) => node.createdAt ?? ""));
      pending.splice(pending.indexOf(cursor), 1, ...(next ? [next] : []));
    });

    input.onProgress?.(
      `collecting ${countOf(found.length, "repository", "repositories")} ${input.window.week}: ${countOf(pullRequestCount, "pull request")} and ${countOf(flakyCount, "flaky-test issue")} so far (${countOf(calls(), "API call")})`,
    );
  }

  return new Map(
    found.map(({ repository, pullRequests, flakyIssues }) => {
      const [owner = "", repo = ""] = repository.name.split("/");
      const facts: ReportFacts = {
        owner,
        repo,
        window: { ...input.window },
        template: repository.template,
        pullRequests: [...pullRequests.values()].sort((a, b) => a.number - b.number),
        flakyIssues: [...flakyIssues.values()].sort((a, b) => a.number - b.number),
      };
      return [repository.name, facts];
    }),
  );
}
