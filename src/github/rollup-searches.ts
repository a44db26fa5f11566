import { SEARCH_QUERY_MAX_CHARS } from "../model/github-limits.js";
import { searchesInScope, searchQueryText, type ReportSearch, type ReportSearchKind } from "./report-searches.js";

/** A repository of a rollup as its searches need it. */
export interface RollupSearchRepository {
  /** `owner/name`. */
  name: string;
  /** The repository's own `flaky.label`: its flaky-test issues are the issues carrying it. */
  flakyLabel: string;
}

/**
 * The searches of a rollup: the four searches of one repository's report
 * (`searchesInScope`: PRs open now, PRs closed since the window's start, and
 * the same for flaky-test issues), each covering as many repositories as fit
 * in one query (`repo:a repo:b …`, which search combines with OR). A query is
 * split into several only when its text would pass
 * {@link SEARCH_QUERY_MAX_CHARS}, measured in its longest form (the
 * continuation past 1,000 results, `created:FROM..LAST`), so a continuation
 * never passes it either. Flaky-test searches group repositories that share a
 * `flaky.label`. A repository whose name alone is too long for the limit gets
 * a search of its own.
 *
 * @param repositories the readable repositories, in the order to search them
 * @param window the pass's start and the week's end (ISO instants)
 * @param maxChars the longest query text (default {@link SEARCH_QUERY_MAX_CHARS}; tests pass a smaller one)
 * @returns the searches, pull requests first
 */
export function rollupSearches(
  repositories: readonly RollupSearchRepository[],
  window: { start: string; end: string },
  maxChars: number = SEARCH_QUERY_MAX_CHARS,
): ReportSearch[] {
  const inScope = (names: readonly string[], flakyLabel: string, kind: ReportSearchKind) =>
    searchesInScope(names.map((name) => `repo:${name}`).join(" "), { window, flakyLabel }).filter((search) => search.kind === kind);
  const fits = (searches: readonly ReportSearch[]) => searches.every((search) => longestQueryText(search).length <= maxChars);

  /** Greedy groups, in order: a repository joins the current group while every search of the group still fits. */
  const grouped = (names: readonly string[], flakyLabel: string, kind: ReportSearchKind): ReportSearch[][] => {
    const groups: string[][] = [];
    for (const name of names) {
      const current = groups.at(-1);
      if (current !== undefined && fits(inScope([...current, name], flakyLabel, kind))) current.push(name);
      else groups.push([name]);
    }
    return groups.map((group) => inScope(group, flakyLabel, kind));
  };

  const names = repositories.map((repository) => repository.name);
  const labels = [...new Set(repositories.map((repository) => repository.flakyLabel))];
  // Open PRs of every group first, then closed ones: the order of reportSearches.
  const pullRequests = transpose(grouped(names, "", "pullRequest"));
  const flaky = transpose(
    labels.flatMap((label) =>
      grouped(
        repositories.filter((repository) => repository.flakyLabel === label).map((repository) => repository.name),
        label,
        "flakyIssue",
      ),
    ),
  );
  return [...pullRequests, ...flaky];
}

/** A search's text in its longest form: a continuation from one instant to the window's end. */
function longestQueryText(search: ReportSearch): string {
  return searchQueryText({ ...search, createdFrom: search.createdBefore });
}

/** `[[open A, closed A], [open B, closed B]]` → `[open A, open B, closed A, closed B]`. */
function transpose(groups: readonly ReportSearch[][]): ReportSearch[] {
  const width = Math.max(0, ...groups.map((group) => group.length));
  return Array.from({ length: width }, (_, index) => index).flatMap((index) => groups.flatMap((group) => group.slice(index, index + 1)));
}
