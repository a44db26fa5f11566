import { hiddenMarker } from "../text/hidden-marker.js";
import { CONFIG_PATH } from "../config/schema.js";
import type { CodeOwnersOfChange } from "./code-owners-of-change.js";
import { describeOwnedFiles, ownerHandles } from "./describe-code-owners.js";
import { formatRequestedReviewers } from "./format-requested-reviewers.js";
import { formatReviewHours } from "./format-review-hours.js";

/**
 * Hidden marker that ends every review nudge comment. The publisher looks for
 * it among the PR's comments so the nudge is posted once, never twice
 * (README, "How it works": state lives in hidden markers).
 */
export const REVIEW_NUDGE_MARKER = hiddenMarker("review-nudge");

/**
 * Render the optional nudge comment (`review.nudge: comment`), posted once a
 * PR has waited past its review target with no first review.
 *
 * The comment speaks to the team: it says how long the PR has waited and what
 * the team agreed, names the requested reviewers and teams as the ones
 * invited (or suggests requesting one when nobody is), and offers next steps as
 * questions. It never blames anyone. With `codeOwners` (`codeOwnersOfChange`):
 * when none of the owners of the changed files is requested, it says who
 * owns which files and suggests requesting them; when some are, it names the
 * files they own.
 *
 * @param input `waitingHours` and `targetHours` in hours (business hours when
 *   `businessHours` is true); `requestedReviewers` are logins, `requestedTeams`
 *   are `org/team` slugs
 * @returns the comment body (markdown), ending with {@link REVIEW_NUDGE_MARKER}
 */
export function renderReviewNudge(input: {
  waitingHours: number;
  targetHours: number;
  businessHours: boolean;
  requestedReviewers: string[];
  requestedTeams: string[];
  /** The code owners of the changed files, or null/absent when there are none. */
  codeOwners?: CodeOwnersOfChange | null;
}): string {
  const waited = formatReviewHours(input.waitingHours, input.businessHours);
  const target = formatReviewHours(input.targetHours, input.businessHours);
  const requested = formatRequestedReviewers(input.requestedReviewers, input.requestedTeams);

  const invitation =
    requested === null
      ? "No reviewer is requested yet. Could someone request a reviewer or a team, so GitHub lets them know?"
      : `${requested.list}: you're invited to review this one. Could ${requested.count === 1 && input.requestedTeams.length === 0 ? "you" : "one of you"} take a first look when there's a moment? A short first pass helps too.`;
  const owners = input.codeOwners ?? null;
  const ownersLine =
    owners === null
      ? []
      : owners.requested.length > 0
        ? ["", `Code owners (CODEOWNERS) among those invited: ${describeOwnedFiles(owners.requested)}.`]
        : [
            "",
            `The changed files have code owners (CODEOWNERS), and none of them is requested yet: ${describeOwnedFiles(owners.owners)}. Could someone request ${ownerHandles(owners.owners)}? Owners know what a change to their code could break.`,
          ];

  return [
    `This pull request has been ready for review for ${waited} without a first review yet; the team aims for a first review within ${target}.`,
    "",
    invitation,
    ...ownersLine,
    "",
    "Prompt first reviews keep changes small and flowing, while the context is still fresh. If this PR is hard to review in one sitting, would splitting it into smaller ones help? Asking in the team channel can also find a reviewer.",
    "",
    `<sub>Posted once by eng-health (\`review.nudge: comment\` in \`${CONFIG_PATH}\`).</sub>`,
    REVIEW_NUDGE_MARKER,
  ].join("\n");
}
