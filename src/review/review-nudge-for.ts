import type { Config } from "../config/schema.js";
import type { PullRequestFacts } from "../model/pull-request-facts.js";
import type { RuleResult } from "../model/rule-result.js";
import { createBusinessClock } from "../time/business-clock.js";
import { codeOwnersOfChange } from "./code-owners-of-change.js";
import { firstReviewOwners } from "./first-review-owners.js";
import { measureTimeToFirstReview } from "./measure-time-to-first-review.js";
import { renderReviewNudge } from "./render-review-nudge.js";
import { reviewTargetHours } from "./review-target-hours.js";

/**
 * The nudge comment a PR is due, if any (pure; `review.nudge: comment`).
 *
 * A nudge is due when all hold: `review.nudge` is `comment`; the `review`
 * rule's result failed (so the PR is open, not a draft, not by a bot or an
 * ignored author, and the rule is on); the PR has no first review yet; and it
 * has waited past `review.first_review_within` (in business hours when
 * configured), measured as of `facts.now` (with `review.require_owner`, only
 * a code owner's review counts, as for the rule). A PR reviewed late fails
 * the rule too, but gets no nudge: there is nobody left to invite. The code
 * owners of the changed files (`facts.codeOwners`) are named in it.
 *
 * Whether the comment was already posted is not decided here (see
 * `nudgeIfDue` and `postCommentOnce`).
 *
 * @param input `facts` of the PR (with `review` facts), the validated `review`
 *   config section, and the `review` rule's result for these facts
 * @returns the comment body from `renderReviewNudge` (ending with
 *   `REVIEW_NUDGE_MARKER`), or null when no nudge is due
 * @throws RangeError when an instant in the facts is not ISO 8601 (the rule
 *   would have reported it as a skip first)
 */
export function reviewNudgeFor(input: {
  facts: PullRequestFacts;
  review: Config["review"];
  result: Pick<RuleResult, "id" | "status"> | undefined;
}): string | null {
  const { facts, review, result } = input;
  if (review.nudge !== "comment" || result?.id !== "review" || result.status !== "fail" || facts.review === undefined) return null;
  const measured = measureTimeToFirstReview(
    { author: facts.author, createdAt: facts.createdAt, closedAt: facts.closedAt, mergedAt: facts.mergedAt, review: facts.review },
    {
      clock: createBusinessClock(review),
      ignoreAuthors: review.ignore_authors,
      now: facts.now,
      owners: firstReviewOwners({ requireOwner: review.require_owner, codeOwners: facts.codeOwners, files: facts.files }),
    },
  );
  const targetHours = reviewTargetHours(review);
  if (measured.firstReviewAt !== null || measured.waitingHours === null || measured.waitingHours <= targetHours) return null;
  return renderReviewNudge({
    waitingHours: measured.waitingHours,
    targetHours,
    businessHours: review.business_hours !== false,
    requestedReviewers: facts.review.requestedReviewers,
    requestedTeams: facts.review.requestedTeams,
    codeOwners: codeOwnersOfChange({
      codeOwners: facts.codeOwners,
      files: facts.files,
      author: facts.author.login,
      requestedReviewers: facts.review.requestedReviewers,
      requestedTeams: facts.review.requestedTeams,
    }),
  });
}
