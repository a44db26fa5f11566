import { SEARCH_RESULT_CAP } from "../model/github-limits.js";
import type { RepoRef } from "../model/repo-ref.js";
import { parseInstant } from "../time/parse-instant.js";

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

/** A search being paged: where it stands. */
export interface SearchCursor {
  search: ReportSearch;
  /** `after` for the next page; null for the first page of this search. */
  after: string | null;
  /** Results read by this search so far (its cap is {@link SEARCH_RESULT_CAP}). */
  read: number;
}

/** What {@link advanceSearch} reads of a page of search results. */
export interface SearchPage {
  /** Results the search has in all (GitHub's count, which may exceed what it returns). */
  issueCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

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
  return searchesInScope(`repo:${input.owner}/${input.repo}`, input);
}

/**
 * The four searches of {@link reportSearches} within any scope: the `repo:`
 * qualifiers that come first in each query (`repo:acme/widgets`, or
 * `repo:acme/widgets repo:acme/gadgets` for several repositories at once,
 * which search combines with OR).
 *
 * @param scope the leading qualifiers
 * @param input the window and `flaky.label`
 * @returns the searches, pull requests first
 */
export function searchesInScope(scope: string, input: { window: { start: string; end: string }; flakyLabel: string }): ReportSearch[] {
  const repo = scope;
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
 * The one search of a backtest: the pull requests merged in the window
 * (`is:merged merged:START..LAST`, both ends inclusive, LAST one second
 * before the window's end: search compares whole seconds), limited like every
 * search to those created before the window's end, which every PR merged in
 * it was. PRs merged before or after the window are never read.
 *
 * @returns the search, of kind `pullRequest`
 */
export function mergedSearches(input: RepoRef & { window: { start: string; end: string } }): ReportSearch[] {
  const start = searchInstant(input.window.start);
  const last = searchInstant(new Date(parseInstant(input.window.end) - 1000).toISOString());
  return [
    {
      kind: "pullRequest",
      qualifiers: `repo:${input.owner}/${input.repo} is:pr is:merged merged:${start}..${last}`,
      createdFrom: null,
      createdBefore: searchInstant(input.window.end),
    },
  ];
}

/**
 * The query text of a search: its qualifiers, the creation range
 * (`created:<END`, or `created:FROM..LAST` with both ends inclusive, LAST being
 * one second before the end: search compares whole seconds) and
 * `sort:created-asc`.
 *
 * @returns the text for GraphQL's `search(query:)`
 */
export function searchQueryText(search: ReportSearch): string {
  const range =
    search.createdFrom === null
      ? `created:<${search.createdBefore}`
      : `created:${search.createdFrom}..${searchInstant(new Date(parseInstant(search.createdBefore) - 1000).toISOString())}`;
  return `${search.qualifiers} ${range} sort:created-asc`;
}

/**
 * Where a search goes after a page: its next page; or, when the page ended at
 * the search's 1,000-result cap with more results left, a new search from the
 * creation time of the last result read (inclusive: results in that same
 * second are read again and kept once); or nowhere (null).
 *
 * @param cursor the search as it stood before the page
 * @param result the page, or undefined when GitHub returned none for the search
 * @param createdAts the creation instants (ISO) of the page's results
 * @returns the cursor for the next request of this search, or null when it is done
 */
export function advanceSearch(cursor: SearchCursor, result: SearchPage | undefined, createdAts: readonly string[]): SearchCursor | null {
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

/** An instant as search qualifiers take it: ISO 8601, UTC, whole seconds (`2026-11-16T00:00:00Z`). */
export function searchInstant(iso: string): string {
  return new Date(Math.floor(parseInstant(iso) / 1000) * 1000).toISOString().replace(".000Z", "Z");
}
