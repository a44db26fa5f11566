import { formatHours } from "../text/format-figures.js";
import type { Config } from "../config/schema.js";
import type { PullRequestFacts, ReviewFacts } from "../model/pull-request-facts.js";
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
  const ttfr = measureTimeToFirstReview(
    { author: facts.author, createdAt: facts.createdAt, closedAt: facts.closedAt, mergedAt: facts.mergedAt, review: reviewFacts },
    { clock: createBusinessClock(review), ignoreAuthors: review.ignore_authors, now: facts.now },
  );

  if (ttfr.hours !== null) {
    const took = formatReviewHours(ttfr.hours, businessHours);
    const message = `First review after ${took} (target: ${target}).`;
    if (ttfr.hours <= targetHours) return { status: "pass", message, findings: [] };
    return { status: "fail", message, findings: [slowReviewFinding(took, formatReviewHours(targetHours, businessHours))] };
  }
  if (ttfr.waitingHours !== null) {
    const waited = formatReviewHours(ttfr.waitingHours, businessHours);
    if (ttfr.waitingHours <= targetHours) {
      return { status: "pass", message: `Waiting ${waited} for a first review (target: ${target}).`, findings: [] };
    }
    return {
      status: "fail",
      message: `Waiting ${waited} for a first review, past the target of ${target}.`,
      findings: [waitingFinding(waited, formatReviewHours(targetHours, businessHours), reviewFacts)],
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

function waitingFinding(waited: string, target: string, reviewFacts: ReviewFacts): Finding {
  const requested = formatRequestedReviewers(reviewFacts.requestedReviewers, reviewFacts.requestedTeams);
  const who =
    requested === null
      ? "No reviewer is requested yet."
      : `Review is requested from ${requested.list}.`;
  const ask =
    requested === null
      ? "Could a reviewer or a team be requested, so GitHub lets them know?"
      : `Could ${requested.invitation} take a first look? A short first pass helps too.`;
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
