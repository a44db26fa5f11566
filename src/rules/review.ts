import { formatHours } from "../text/format-figures.js";
import type { Config } from "../config/schema.js";
import type { PullRequestFacts, ReviewFacts } from "../model/pull-request-facts.js";
import { codeOwnersOfChange, type CodeOwnersOfChange } from "../review/code-owners-of-change.js";
import { describeOwnedFiles, ownerHandles } from "../review/describe-code-owners.js";
import { firstReviewOwners } from "../review/first-review-owners.js";
import { formatRequestedReviewers } from "../review/format-requested-reviewers.js";
import { formatReviewHours } from "../review/format-review-hours.js";
import { measureTimeToFirstReview } from "../review/measure-time-to-first-review.js";
import { reviewTargetHours } from "../review/review-target-hours.js";
import { createBusinessClock } from "../time/business-clock.js";
import type { Rule } from "./rule.js";
import type { Finding, RuleResult } from "../model/rule-result.js";

type Outcome = Omit<RuleResult, "id" | "agreement" | "level">;

/** Why prompt first reviews matter, said the same way everywhere. */
const AGREEMENT =
  "The team agreed on prompt first reviews: they keep changes small and flowing, and feedback lands while the context is fresh.";

/**
 * Review turnaround (rule id `review`, README `review` and "Time to
 * first review"): while a non-draft PR waits for its first review it passes
 * within the target (`review.first_review_within`, in business hours when
 * `review.business_hours` is set) and fails once the wait passes it, with a
 * finding for the team; after the first review it passes or fails by the
 * measured time to first review.
 *
 * Code owners (CODEOWNERS on the default branch, `facts.codeOwners`): while
 * the PR waits, a row whose owners are requested names them; when none of
 * the owners of its changed files is requested, a finding says who owns
 * which files and suggests requesting them. With `review.require_owner`,
 * only an owner's review counts as the first one (`firstReviewOwners`).
 *
 * Skips when review facts were not gathered, the PR is a draft, its author is
 * in `review.ignore_authors`, or there is nothing to measure (closed without a
 * review, or no sign of when it became ready). It has no skip labels; bots
 * and `level: off` are handled by `evaluateRules`.
 */
export const reviewRule: Rule = {
  id: "review",
  agreement: "Review turnaround",
  level: (config) => config.review.level,
  skipLabels: () => [],
  evaluate: (facts, config) => evaluateReview(facts, config.review),
};

function evaluateReview(facts: PullRequestFacts, review: Config["review"]): Outcome {
  const reviewFacts = facts.review;
  if (facts.draft) return skip("Draft: the review clock starts when it is ready for review.");
  if (reviewFacts === undefined) return skip("Review facts were not gathered.");
  const author = facts.author.login.toLowerCase();
  if (review.ignore_authors.some((login) => login.toLowerCase() === author)) {
    return skip("Skipped: the author is listed in `review.ignore_authors`.");
  }

  const businessHours = review.business_hours !== false;
  const targetHours = reviewTargetHours(review);
  const target = formatHours(targetHours);
  const reviewOwners = firstReviewOwners({ requireOwner: review.require_owner, codeOwners: facts.codeOwners, files: facts.files });
  const ttfr = measureTimeToFirstReview(
    { author: facts.author, createdAt: facts.createdAt, closedAt: facts.closedAt, mergedAt: facts.mergedAt, review: reviewFacts },
    { clock: createBusinessClock(review), ignoreAuthors: review.ignore_authors, now: facts.now, owners: reviewOwners },
  );
  const firstReview = reviewOwners === null ? "a first review" : "a first review from a code owner";

  if (ttfr.hours !== null) {
    const took = formatReviewHours(ttfr.hours, businessHours);
    const message = `First review after ${took} (target: ${target}).`;
    if (ttfr.hours <= targetHours) return { status: "pass", message, findings: [] };
    return { status: "fail", message, findings: [slowReviewFinding(took, formatReviewHours(targetHours, businessHours))] };
  }
  if (ttfr.waitingHours !== null) {
    const waited = formatReviewHours(ttfr.waitingHours, businessHours);
    const owners = codeOwnersOfChange({
      codeOwners: facts.codeOwners,
      files: facts.files,
      author: facts.author.login,
      requestedReviewers: reviewFacts.requestedReviewers,
      requestedTeams: reviewFacts.requestedTeams,
    });
    if (ttfr.waitingHours <= targetHours) {
      const waiting = `Waiting ${waited} for ${firstReview} (target: ${target})`;
      if (owners !== null && owners.requested.length > 0) {
        return { status: "pass", message: `${waiting}; code owners requested: ${ownerHandles(owners.requested)}.`, findings: [] };
      }
      return { status: "pass", message: `${waiting}.`, findings: owners === null ? [] : [ownersNotRequestedFinding(owners)] };
    }
    return {
      status: "fail",
      message: `Waiting ${waited} for ${firstReview}, past the target of ${target}.`,
      findings: [waitingFinding(waited, formatReviewHours(targetHours, businessHours), reviewFacts, owners)],
    };
  }
  // The facts say "not a draft" but the timeline disagrees (events missing or late): say so plainly.
  if (ttfr.readyAt === null) return skip("No `ready_for_review` event found, so the review clock has not started.");
  if (ttfr.inDraft) return skip("The timeline shows it back in draft, so the review clock is stopped.");
  return skip("Closed without a review: no time to first review to measure.");
}

function skip(message: string): Outcome {
  return { status: "skip", message, findings: [] };
}

/** Why asking the owners matters, said the same way everywhere. */
const OWNERS_WHY = "Owners know what a change to their code could break, and GitHub lets them know once they are requested.";

function ownersNotRequestedFinding(owners: CodeOwnersOfChange): Finding {
  return {
    message: `The changed files have code owners (CODEOWNERS): ${describeOwnedFiles(owners.owners)}. None of them is requested for review yet. ${OWNERS_WHY} Could ${ownerHandles(owners.owners)} be requested?`,
  };
}

function waitingFinding(waited: string, target: string, reviewFacts: ReviewFacts, owners: CodeOwnersOfChange | null): Finding {
  const requested = formatRequestedReviewers(reviewFacts.requestedReviewers, reviewFacts.requestedTeams);
  const unrequestedOwners = owners !== null && owners.requested.length === 0;
  let who = requested === null ? "No reviewer is requested yet." : `Review is requested from ${requested.list}.`;
  if (owners !== null) {
    who += unrequestedOwners
      ? ` No code owner of the changed files is requested yet: ${describeOwnedFiles(owners.owners)}.`
      : ` Code owners among them: ${describeOwnedFiles(owners.requested)}.`;
  }
  let ask =
    requested === null
      ? "Could a reviewer or a team be requested, so GitHub lets them know?"
      : `Could ${requested.invitation} take a first look? A short first pass helps too.`;
  if (unrequestedOwners) ask = `Could ${ownerHandles(owners.owners)} be requested? ${OWNERS_WHY} ${requested === null ? "" : ask}`.trim();
  return {
    message: [
      `This PR has waited ${waited} for a first review; the team's target is ${target}. ${who}`,
      "",
      AGREEMENT,
      "",
      `${ask} If the PR is large, would splitting it into smaller ones make it quicker to review? Asking in the team channel can also find a reviewer.`,
    ].join("\n"),
  };
}

function slowReviewFinding(took: string, target: string): Finding {
  return {
    message: [
      `The first review came after ${took}; the team's target is ${target}.`,
      "",
      AGREEMENT,
      "",
      "Nothing more is needed on this PR. If waits like this are common, could the next retro look at what slows first reviews down (PR size, timing, how review requests are shared)?",
    ].join("\n"),
  };
}
