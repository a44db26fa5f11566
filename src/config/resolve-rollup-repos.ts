import type { RepoRef } from "../model/repo-ref.js";

/**
 * The most repositories one rollup covers. Its issue holds a table row and a
 * marker entry per repository within GitHub's 65,536-character issue body,
 * and its cost, about one config read per repository plus the searches,
 * within the budget `ceil(N/50) + 10 + R`.
 */
export const MAX_ROLLUP_REPOSITORIES = 50;

/** What {@link resolveRollupRepos} makes of `rollup.repos`. */
export interface ResolvedRollupRepos {
  /** The repositories to cover, in the order listed (an `owner/*` entry in name order), each once. */
  repositories: RepoRef[];
  /** `owner/name` of the repositories past {@link MAX_ROLLUP_REPOSITORIES}, in the same order. */
  overLimit: string[];
}

/**
 * The repositories `rollup.repos` names (pure): `owner/name` entries as
 * written, `owner/*` entries expanded to `available(owner)` (the
 * installation's repositories under that owner that are not archived), in
 * name order; duplicates (any case) kept once, at their first place; at most
 * `max`, the rest named as over the limit.
 *
 * @param entries `rollup.repos`, validated (`owner/name` or `owner/*`)
 * @param available the repositories an `owner/*` entry stands for
 * @param max the most repositories to cover (default {@link MAX_ROLLUP_REPOSITORIES})
 */
export function resolveRollupRepos(
  entries: readonly string[],
  available: (owner: string) => readonly RepoRef[],
  max: number = MAX_ROLLUP_REPOSITORIES,
): ResolvedRollupRepos {
  const seen = new Set<string>();
  const all: RepoRef[] = [];
  const add = (repository: RepoRef) => {
    const key = `${repository.owner}/${repository.repo}`.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    all.push(repository);
  };
  for (const entry of entries) {
    const [owner = "", repo = ""] = entry.split("/");
    if (repo !== "*") {
      add({ owner, repo });
      continue;
    }
    const byName = [...available(owner)].sort((a, b) => a.repo.toLowerCase().localeCompare(b.repo.toLowerCase()));
    for (const repository of byName) if (repository.owner.toLowerCase() === owner.toLowerCase()) add(repository);
  }
  return { repositories: all.slice(0, max), overLimit: all.slice(max).map((repository) => `${repository.owner}/${repository.repo}`) };
}

/** The owners of `owner/*` entries, each once (any case). */
export function wildcardOwners(entries: readonly string[]): string[] {
  const owners = entries.filter((entry) => entry.endsWith("/*")).map((entry) => entry.slice(0, -2));
  return owners.filter((owner, index) => owners.findIndex((other) => other.toLowerCase() === owner.toLowerCase()) === index);
}
