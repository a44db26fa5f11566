import { describe, expect, it } from "vitest";
import { type Config, type ConfigInput, configSchema, DEFAULT_CONFIG } from "../../../src/config/schema.js";
import type { ReviewFacts } from "../../../src/model/pull-request-facts.js";
import { evaluateRules } from "../../../src/rules/evaluate-rules.js";
import { reviewRule } from "../../../src/rules/review.js";
import { buildFacts } from "../../helpers/build-facts.js";

// buildFacts: created Monday 2026-11-16 09:00Z by octocat; default review config:
// 24 h target, 09:00-17:00 UTC, Monday to Friday.

function reviewFacts(overrides: Partial<ReviewFacts> = {}): ReviewFacts {
  return { createdAsDraft: false, timeline: [], reviews: [], requestedReviewers: [], requestedTeams: [], ...overrides };
}

function reviewBy(login: string, submittedAt: string): ReviewFacts["reviews"][number] {
  return { author: { login, type: "User" }, submittedAt, state: "APPROVED" };
}

function config(review: NonNullable<ConfigInput>["review"]): Config {
  return configSchema.parse({ review });
}

describe("reviewRule", () => {
  it("is the review turnaround agreement, at review.level, with no skip labels", () => {
    expect(reviewRule.id).toBe("review");
    expect(reviewRule.agreement).toBe("Review turnaround");
    expect(reviewRule.level(config({ level: "warning" }))).toBe("warning");
    expect(reviewRule.skipLabels(DEFAULT_CONFIG)).toEqual([]);
  });

  it.each([
    {
      name: "waiting within the target",
      facts: buildFacts({ review: reviewFacts(), now: "2026-11-16T12:30:00Z" }),
      config: DEFAULT_CONFIG,
      status: "pass",
      message: "Waiting 3.5 business hours for a first review (target: 24 h).",
    },
    {
      name: "waiting within the target, over a weekend (Friday 16:00 to Monday 10:00)",
      facts: buildFacts({ createdAt: "2026-11-13T16:00:00Z", review: reviewFacts(), now: "2026-11-16T10:00:00Z" }),
      config: DEFAULT_CONFIG,
      status: "pass",
      message: "Waiting 2 business hours for a first review (target: 24 h).",
    },
    {
      name: "waiting, measured in wall-clock hours",
      facts: buildFacts({ review: reviewFacts(), now: "2026-11-16T12:00:00Z" }),
      config: config({ business_hours: false, first_review_within: "4h" }),
      status: "pass",
      message: "Waiting 3 hours for a first review (target: 4 h).",
    },
    {
      name: "waiting past the target",
      facts: buildFacts({ review: reviewFacts(), now: "2026-11-19T11:00:00Z" }),
      config: DEFAULT_CONFIG,
      status: "fail",
      message: "Waiting 26 business hours for a first review, past the target of 24 h.",
    },
    {
      name: "reviewed within the target",
      facts: buildFacts({ review: reviewFacts({ reviews: [reviewBy("hubot", "2026-11-17T10:12:00Z")] }), now: "2026-11-20T12:00:00Z" }),
      config: DEFAULT_CONFIG,
      status: "pass",
      message: "First review after 9.2 business hours (target: 24 h).",
    },
    {
      name: "reviewed after the target",
      facts: buildFacts({ review: reviewFacts({ reviews: [reviewBy("hubot", "2026-11-19T12:00:00Z")] }), now: "2026-11-20T12:00:00Z" }),
      config: DEFAULT_CONFIG,
      status: "fail",
      message: "First review after 27 business hours (target: 24 h).",
    },
    {
      name: "reviewed after the target of 30 minutes, in wall-clock time",
      facts: buildFacts({ review: reviewFacts({ reviews: [reviewBy("hubot", "2026-11-16T09:45:00Z")] }) }),
      config: config({ business_hours: false, first_review_within: "30m" }),
      status: "fail",
      message: "First review after 45 minutes (target: 30 min).",
    },
    {
      name: "a self-review does not count",
      facts: buildFacts({ review: reviewFacts({ reviews: [reviewBy("octocat", "2026-11-16T10:00:00Z")] }), now: "2026-11-16T12:00:00Z" }),
      config: DEFAULT_CONFIG,
      status: "pass",
      message: "Waiting 3 business hours for a first review (target: 24 h).",
    },
    {
      name: "review facts missing",
      facts: buildFacts(),
      config: DEFAULT_CONFIG,
      status: "skip",
      message: "Review facts were not gathered.",
    },
    {
      name: "a draft",
      facts: buildFacts({ draft: true, review: reviewFacts({ createdAsDraft: true }) }),
      config: DEFAULT_CONFIG,
      status: "skip",
      message: "Draft: the review clock starts when it is ready for review.",
    },
    {
      name: "an author in review.ignore_authors",
      facts: buildFacts({ author: { login: "Release-Captain", type: "User" }, review: reviewFacts() }),
      config: config({ ignore_authors: ["release-captain"] }),
      status: "skip",
      message: "Skipped: the author is listed in `review.ignore_authors`.",
    },
    {
      name: "closed without a review",
      facts: buildFacts({ state: "closed", closedAt: "2026-11-16T11:00:00Z", review: reviewFacts() }),
      config: DEFAULT_CONFIG,
      status: "skip",
      message: "Closed without a review: no time to first review to measure.",
    },
    {
      name: "not a draft, but no sign of when it became ready",
      facts: buildFacts({ review: reviewFacts({ createdAsDraft: true }) }),
      config: DEFAULT_CONFIG,
      status: "skip",
      message: "No `ready_for_review` event found, so the review clock has not started.",
    },
    {
      name: "not a draft, but the timeline ends in convert_to_draft",
      facts: buildFacts({ review: reviewFacts({ timeline: [{ type: "convert_to_draft", at: "2026-11-16T10:00:00Z" }] }) }),
      config: DEFAULT_CONFIG,
      status: "skip",
      message: "The timeline shows it back in draft, so the review clock is stopped.",
    },
  ])("$name: $status", ({ facts, config, status, message }) => {
    const result = reviewRule.evaluate(facts, config);
    expect(result.status).toBe(status);
    expect(result.message).toBe(message);
    expect(result.findings.length > 0).toBe(status === "fail");
  });

  it("words the waiting finding for the team, naming who was invited", () => {
    const facts = buildFacts({
      review: reviewFacts({ requestedReviewers: ["alice"], requestedTeams: ["acme/billing"] }),
      now: "2026-11-19T11:00:00Z",
    });
    const [finding] = reviewRule.evaluate(facts, DEFAULT_CONFIG).findings;
    expect(finding?.message).toMatchInlineSnapshot(`
      "This PR has waited 26 business hours for a first review; the team's target is 24 business hours. Review is requested from @alice and @acme/billing.

      The team agreed on prompt first reviews: they keep changes small and flowing, and feedback lands while the context is fresh.

      Could @alice or someone from @acme/billing take a first look? A short first pass helps too. If the PR is large, would splitting it into smaller ones make it quicker to review? Asking in the team channel can also find a reviewer."
    `);
  });

  it("suggests requesting a reviewer when nobody is requested yet", () => {
    const facts = buildFacts({ review: reviewFacts(), now: "2026-11-19T11:00:00Z" });
    const [finding] = reviewRule.evaluate(facts, DEFAULT_CONFIG).findings;
    expect(finding?.message).toMatchInlineSnapshot(`
      "This PR has waited 26 business hours for a first review; the team's target is 24 business hours. No reviewer is requested yet.

      The team agreed on prompt first reviews: they keep changes small and flowing, and feedback lands while the context is fresh.

      Could a reviewer or a team be requested, so GitHub lets them know? If the PR is large, would splitting it into smaller ones make it quicker to review? Asking in the team channel can also find a reviewer."
    `);
  });

  it("words the slow-review finding without blame", () => {
    const facts = buildFacts({ review: reviewFacts({ reviews: [reviewBy("hubot", "2026-11-19T12:00:00Z")] }), now: "2026-11-20T12:00:00Z" });
    const [finding] = reviewRule.evaluate(facts, DEFAULT_CONFIG).findings;
    expect(finding?.message).toMatchInlineSnapshot(`
      "The first review came after 27 business hours; the team's target is 24 business hours.

      The team agreed on prompt first reviews: they keep changes small and flowing, and feedback lands while the context is fresh.

      Nothing more is needed on this PR. If waits like this are common, could the next retro look at what slows first reviews down (PR size, timing, how review requests are shared)?"
    `);
  });

  it("runs through evaluateRules at the configured level", () => {
    const facts = buildFacts({ review: reviewFacts(), now: "2026-11-19T11:00:00Z" });
    const [result] = evaluateRules([reviewRule], facts, config({ level: "warning" }));
    expect(result).toMatchObject({ id: "review", agreement: "Review turnaround", level: "warning", status: "fail" });
  });
});
