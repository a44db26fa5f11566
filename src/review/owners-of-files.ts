import type { ChangedFile } from "../model/pull-request-facts.js";
import { decidingRule, type CodeOwnerKind, type CodeOwnersFile } from "./parse-code-owners.js";

/** One owner and the paths it owns among the ones asked about. */
export interface OwnedPaths {
  /** As written in CODEOWNERS: `@octocat`, `@octo-org/octocats`, `docs@example.com`. */
  handle: string;
  kind: CodeOwnerKind;
  /** The paths this owner owns, in the order they were given. */
  paths: string[];
}

/**
 * Who owns a set of paths: for each path the owners of its deciding rule
 * (the last matching line), grouped by owner. Owners compare
 * case-insensitively (GitHub logins and team slugs do), keeping the first
 * spelling seen. Paths no rule matches, or whose deciding rule has no owners,
 * are in `unowned`. Pure.
 *
 * @param file a parsed CODEOWNERS file (`parseCodeOwners`)
 * @param paths repository-relative paths, `/`-separated, no leading `/`; duplicates are counted once
 * @returns owners in order of their first owned path, and the unowned paths in the given order
 */
export function ownersOfFiles(file: CodeOwnersFile, paths: readonly string[]): { owners: OwnedPaths[]; unowned: string[] } {
  const owners = new Map<string, OwnedPaths>();
  const unowned: string[] = [];
  for (const path of new Set(paths)) {
    const rule = decidingRule(file, path);
    if (rule === null || rule.owners.length === 0) {
      unowned.push(path);
      continue;
    }
    for (const owner of rule.owners) {
      const key = owner.handle.toLowerCase();
      const entry = owners.get(key) ?? { handle: owner.handle, kind: owner.kind, paths: [] };
      entry.paths.push(path);
      owners.set(key, entry);
    }
  }
  return { owners: [...owners.values()], unowned };
}

/**
 * The paths a PR's changes touch, for ownership: each file's path, and its
 * old path too when it was renamed (both sides of a rename are changed code).
 */
export function changedPaths(files: readonly Pick<ChangedFile, "filename" | "previousFilename">[]): string[] {
  return files.flatMap((file) => (file.previousFilename ? [file.filename, file.previousFilename] : [file.filename]));
}
