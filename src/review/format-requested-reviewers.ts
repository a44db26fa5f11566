import { joinWords } from "../text/join-words.js";

/** Requested reviewers as handles, worded two ways. */
export interface RequestedReviewersText {
  /** Everyone invited, e.g. `"@alice, @bob and @acme/billing"`. */
  list: string;
  /** Who could take a look, e.g. `"@alice, @bob or someone from @acme/billing"`. */
  invitation: string;
  /** How many handles there are (people plus teams). */
  count: number;
}

/**
 * Word the PR's currently requested reviewers as GitHub handles: people as
 * `@login`, teams as `@org/team`. These name who was invited to review, never
 * who is at fault.
 *
 * @param reviewers logins of people whose review is requested (a leading `@` is tolerated)
 * @param teams team slugs in `org/team` form whose review is requested
 * @returns the worded handles, or null when nobody is requested
 */
export function formatRequestedReviewers(
  reviewers: readonly string[],
  teams: readonly string[],
): RequestedReviewersText | null {
  const people = reviewers.map(toHandle);
  const groups = teams.map(toHandle);
  const all = [...people, ...groups];
  if (all.length === 0) return null;
  const askable = [...people, ...groups.map((team) => `someone from ${team}`)];
  return { list: joinWords(all, "and"), invitation: joinWords(askable, "or"), count: all.length };
}

function toHandle(name: string): string {
  return `@${name.replace(/^@/, "")}`;
}

