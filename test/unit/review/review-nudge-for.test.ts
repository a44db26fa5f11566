import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type Config } from "../../../src/config/schema.js";
import type { PullRequestFacts, ReviewFacts } from "../../../src/model/pull-request-facts.js";
import { REVIEW_NUDGE_MARKER } from "../../../src/review/render-review-nudge.js";
import { reviewNudgeFor } from "../../../src/review/review-nudge-for.js";
import { evaluateRules } from "../../../src/rules/evaluate-rules.js";
import { reviewRule } from "../../../src/rules/review.js";
import { buildFacts } from "../../helpers/build-facts.js";

/** Wall-clock hours, a 4 h target, nudges on. */
const review: Config["review"] = { ...DEFAULT_CONFIG.review, first_review_within: "4h", business_hours: false, nudge: "comment" };
const config: Config = { ...DEFAULT_CONFIG, review };

function reviewFacts(overrides: Partial<ReviewFacts> = {}): ReviewFacts {
  return { createdAsDraft: false, timeline: [], reviews: [], requestedReviewers: ["alice"], requestedTeams: [], ...overrides };
}

/** The nudge for facts created at 09:00, evaluated with the real review rule's result. */
function nudgeAt(now: string, overrides: Partial<PullRequestFacts> = {}, reviewConfig = review): string | null {
  const facts = buildFacts({ createdAt: "2026-11-16T09:00:00Z", now, review: reviewFacts(), ...overrides });
  const [result] = evaluateRules([reviewRule], facts, { ...config, review: reviewConfig });
  return reviewNudgeFor({ facts, review: reviewConfig, result });
}

describe("reviewNudgeFor", () => {
  it("renders the nudge once a PR waits past its target with no review", () => {
    const body = nudgeAt("2026-11-16T14:30:00Z");
    expect(body).toMatchInlineSnapshot(`
      "This pull request has been ready for review for 5.5 hours without a first review yet; the team aims for a first review within 4 hours.

      @alice: you're invited to review this one. Could you take a first look when there's a moment? A short first pass helps too.

      Prompt first reviews keep changes small and flowing, while the context is still fresh. If this PR is hard to review in one sitting, would splitting it into smaller ones help? Asking in the team channel can also find a reviewer.

      <sub>Posted once by eng-health (\`review.nudge: comment\` in \`.github/eng-health.yml\`).</sub>
      <!-- eng-health:review-nudge -->"
    `);
    expect(body?.endsWith(REVIEW_NUDGE_MARKER)).toBe(true);
  });

  it.each<[string, string, Partial<PullRequestFacts>, Config["review"]]>([
    ["within the target", "2026-11-16T12:00:00Z", {}, review],
    ["nudge off", "2026-11-16T14:30:00Z", {}, { ...review, nudge: "off" }],
    ["review level off", "2026-11-16T14:30:00Z", {}, { ...review, level: "off" }],
    ["a draft", "2026-11-16T14:30:00Z", { draft: true }, review],
    ["a bot author", "2026-11-16T14:30:00Z", { author: { login: "renovate[bot]", type: "Bot" } }, review],
    [
      "reviewed late (nobody left to invite)",
      "2026-11-16T20:00:00Z",
      { review: reviewFacts({ reviews: [{ author: { login: "alice", type: "User" }, submittedAt: "2026-11-16T19:00:00Z", state: "APPROVED" }] }) },
      review,
    ],
  ])("gives none when %s", (_case, now, overrides, reviewConfig) => {
    expect(nudgeAt(now, overrides, reviewConfig)).toBeNull();
  });

  it("counts only a self-review as no review: still nudges", () => {
    const selfReviewed = reviewFacts({
      reviews: [{ author: { login: "octocat", type: "User" }, submittedAt: "2026-11-16T10:00:00Z", state: "COMMENTED" }],
    });
    expect(nudgeAt("2026-11-16T14:30:00Z", { review: selfReviewed })).toContain("5.5 hours");
  });

  it("gives none without a failing review result or review facts", () => {
    const facts = buildFacts({ createdAt: "2026-11-16T09:00:00Z", now: "2026-11-16T14:30:00Z", review: reviewFacts() });
    expect(reviewNudgeFor({ facts, review, result: undefined })).toBeNull();
    expect(reviewNudgeFor({ facts, review, result: { id: "tests", status: "fail" } })).toBeNull();
    expect(reviewNudgeFor({ facts: { ...facts, review: undefined }, review, result: { id: "review", status: "fail" } })).toBeNull();
  });
});
