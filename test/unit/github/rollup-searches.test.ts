import { describe, expect, it } from "vitest";
import { SEARCH_QUERY_MAX_CHARS } from "../../../src/model/github-limits.js";
import { searchQueryText } from "../../../src/github/report-searches.js";
import { rollupSearches } from "../../../src/github/rollup-searches.js";
import { MAX_ROLLUP_REPOSITORIES, resolveRollupRepos, wildcardOwners } from "../../../src/config/resolve-rollup-repos.js";

const WINDOW = { start: "2026-11-16T00:00:00Z", end: "2026-11-23T00:00:00Z" };
const repos = (count: number, label = "flaky-test") =>
  Array.from({ length: count }, (_, index) => ({ name: `bench/repo-${String(index + 1).padStart(2, "0")}`, flakyLabel: label }));

describe("rollupSearches", () => {
  it("searches two repositories with one query per search", () => {
    const searches = rollupSearches(repos(2), WINDOW);
    expect(searches.map((search) => [search.kind, searchQueryText(search)])).toEqual([
      ["pullRequest", "repo:bench/repo-01 repo:bench/repo-02 is:pr is:open created:<2026-11-23T00:00:00Z sort:created-asc"],
      ["pullRequest", "repo:bench/repo-01 repo:bench/repo-02 is:pr is:closed closed:>=2026-11-16T00:00:00Z created:<2026-11-23T00:00:00Z sort:created-asc"],
      ["flakyIssue", 'repo:bench/repo-01 repo:bench/repo-02 is:issue is:open label:"flaky-test" created:<2026-11-23T00:00:00Z sort:created-asc'],
      ["flakyIssue", 'repo:bench/repo-01 repo:bench/repo-02 is:issue is:closed label:"flaky-test" closed:>=2026-11-16T00:00:00Z created:<2026-11-23T00:00:00Z sort:created-asc'],
    ]);
  });

  it("splits only where a query, even continued past 1,000 results, would pass GitHub's 256 characters", () => {
    const searches = rollupSearches(repos(20), WINDOW);
    for (const search of searches) {
      expect(searchQueryText(search).length).toBeLessThanOrEqual(SEARCH_QUERY_MAX_CHARS);
      expect(searchQueryText({ ...search, createdFrom: "2026-11-20T12:34:56Z" }).length).toBeLessThanOrEqual(SEARCH_QUERY_MAX_CHARS);
    }
    // Every repository in exactly one query of each of the four searches.
    for (const qualifiers of ["is:pr is:open", "is:pr is:closed", "is:issue is:open", "is:issue is:closed"]) {
      const named = searches.filter((search) => search.qualifiers.includes(qualifiers)).flatMap((search) => search.qualifiers.match(/repo:\S+/g) ?? []);
      expect(named.sort()).toEqual(repos(20).map((repository) => `repo:${repository.name}`));
    }
    // As few queries as fit: 20 names of 19 characters in three (pull requests) or four (flaky issues, with a label).
    expect(searches.filter((search) => search.qualifiers.includes("is:pr is:open"))).toHaveLength(3);
    expect(searches.filter((search) => search.qualifiers.includes("is:pr is:closed"))).toHaveLength(3);
    expect(searches.filter((search) => search.qualifiers.includes("is:issue is:closed"))).toHaveLength(4);
    // Pull requests first: every group's open PRs, then every group's closed ones.
    expect(searches.map((search) => search.kind).lastIndexOf("pullRequest")).toBeLessThan(searches.map((search) => search.kind).indexOf("flakyIssue"));
  });

  it("groups flaky-test searches by each repository's own label", () => {
    const searches = rollupSearches([...repos(1), { name: "acme/gadgets", flakyLabel: "flaky" }], WINDOW);
    expect(searches.filter((search) => search.kind === "flakyIssue").map((search) => search.qualifiers)).toEqual([
      'repo:bench/repo-01 is:issue is:open label:"flaky-test"',
      'repo:acme/gadgets is:issue is:open label:"flaky"',
      'repo:bench/repo-01 is:issue is:closed label:"flaky-test" closed:>=2026-11-16T00:00:00Z',
      'repo:acme/gadgets is:issue is:closed label:"flaky" closed:>=2026-11-16T00:00:00Z',
    ]);
  });

  it("gives a repository whose name alone is too long a search of its own", () => {
    const searches = rollupSearches([...repos(2), { name: `acme/${"x".repeat(100)}`, flakyLabel: "flaky-test" }], WINDOW, 200);
    expect(searches.filter((search) => search.qualifiers.includes("is:pr is:open")).map((search) => (search.qualifiers.match(/repo:/g) ?? []).length)).toEqual([2, 1]);
  });
});

describe("resolveRollupRepos", () => {
  const installation = [
    { owner: "acme", repo: "widgets" },
    { owner: "acme", repo: "Api" },
    { owner: "other", repo: "tools" },
  ];

  it("expands owner/* to the installation's repositories of that owner by name, each repository once", () => {
    const resolved = resolveRollupRepos(["acme/widgets", "acme/*", "other/lib", "ACME/WIDGETS"], (owner) => (owner === "acme" ? installation : []));
    expect(resolved.repositories).toEqual([
      { owner: "acme", repo: "widgets" },
      { owner: "acme", repo: "Api" },
      { owner: "other", repo: "lib" },
    ]);
    expect(resolved.overLimit).toEqual([]);
    expect(wildcardOwners(["acme/*", "Acme/*", "other/x"])).toEqual(["acme"]);
  });

  it(`covers at most ${MAX_ROLLUP_REPOSITORIES} repositories and names the rest`, () => {
    const many = Array.from({ length: MAX_ROLLUP_REPOSITORIES + 2 }, (_, index) => `acme/r${String(index).padStart(3, "0")}`);
    const resolved = resolveRollupRepos(many, () => []);
    expect(resolved.repositories).toHaveLength(MAX_ROLLUP_REPOSITORIES);
    expect(resolved.overLimit).toEqual([`acme/r050`, `acme/r051`]);
  });
});
