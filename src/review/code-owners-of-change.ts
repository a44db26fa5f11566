import type { ChangedFile, RepositoryFile } from "../model/pull-request-facts.js";
import { changedPaths, ownersOfFiles, type OwnedPaths } from "./owners-of-files.js";
import { parseCodeOwners } from "./parse-code-owners.js";

/** The code owners of a PR's changed files, against who is asked to review it. */
export interface CodeOwnersOfChange {
  /** Users and teams owning at least one changed file (the PR's author left out), each with the files it owns. */
  owners: OwnedPaths[];
  /** Of `owners`, those whose review is requested now (a user among the requested reviewers, a team among the requested teams). */
  requested: OwnedPaths[];
}

/**
 * The code owners of a PR's changed files (CODEOWNERS from the default
 * branch, `parseCodeOwners`): which users and teams own which files, and
 * which of them are requested for review. A renamed file counts under both
 * its old and new path. Owners given as an email address are left out:
 * GitHub maps them to accounts eng-health cannot see, so it cannot tell
 * whether they were requested. Logins and team slugs compare
 * case-insensitively. Pure.
 *
 * @param input `codeOwners`: the file or null/absent; `files`: the changed
 *   files; `author`: the PR author's login; `requestedReviewers`: logins,
 *   `requestedTeams`: `org/team` slugs requested now
 * @returns the owners, or null when there is no CODEOWNERS file or no user or
 *   team owns a changed file
 */
export function codeOwnersOfChange(input: {
  codeOwners: RepositoryFile | null | undefined;
  files: readonly Pick<ChangedFile, "filename" | "previousFilename">[];
  author: string;
  requestedReviewers: readonly string[];
  requestedTeams: readonly string[];
}): CodeOwnersOfChange | null {
  if (!input.codeOwners) return null;
  const paths = changedPaths(input.files);
  const author = `@${input.author}`.toLowerCase();
  const owners = ownersOfFiles(parseCodeOwners(input.codeOwners.text), paths).owners.filter(
    (owner) => owner.kind !== "email" && owner.handle.toLowerCase() !== author,
  );
  if (owners.length === 0) return null;
  const people = new Set(input.requestedReviewers.map((login) => login.replace(/^@/, "").toLowerCase()));
  const teams = new Set(input.requestedTeams.map((slug) => slug.replace(/^@/, "").toLowerCase()));
  const requested = owners.filter((owner) => {
    const name = owner.handle.slice(1).toLowerCase();
    return owner.kind === "team" ? teams.has(name) : people.has(name);
  });
  return { owners, requested };
}
