import type { ChangedFile, RepositoryFile } from "../model/pull-request-facts.js";
import { changedPaths, ownersOfFiles } from "./owners-of-files.js";
import { parseCodeOwners } from "./parse-code-owners.js";

/** Who may give a PR its first review under `review.require_owner: true`. */
export interface ReviewOwners {
  /** Lower-case logins (no `@`) of users owning a changed file. */
  users: string[];
  /** Lower-case `org/team` slugs of teams owning a changed file: a review counts when made on behalf of one. */
  teams: string[];
}

/**
 * The owners whose review counts as a PR's first one (`review.require_owner`,
 * README `review`): the users and teams that CODEOWNERS on the default branch
 * names for at least one changed file (a renamed file under both paths).
 *
 * Null, meaning any qualifying review counts, when `requireOwner` is false,
 * when there is no CODEOWNERS file, or when no user or team owns a changed
 * file (owners given only as an email address cannot be matched to a
 * reviewer). Every consumer of time to first review (the `review` rule, the
 * nudge, the sweep, the weekly report) asks this same function. Pure.
 *
 * @param input `requireOwner`: `review.require_owner`; `codeOwners`: the
 *   file or null/absent; `files`: the PR's changed files
 */
export function firstReviewOwners(input: {
  requireOwner: boolean;
  codeOwners: RepositoryFile | null | undefined;
  files: readonly Pick<ChangedFile, "filename" | "previousFilename">[];
}): ReviewOwners | null {
  if (!input.requireOwner || !input.codeOwners) return null;
  const paths = changedPaths(input.files);
  const { owners } = ownersOfFiles(parseCodeOwners(input.codeOwners.text), paths);
  const users = owners.filter((owner) => owner.kind === "user").map((owner) => owner.handle.slice(1).toLowerCase());
  const teams = owners.filter((owner) => owner.kind === "team").map((owner) => owner.handle.slice(1).toLowerCase());
  return users.length + teams.length === 0 ? null : { users, teams };
}
