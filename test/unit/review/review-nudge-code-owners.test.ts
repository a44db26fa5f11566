import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type Config } from "../../../src/config/schema.js";
import type { PullRequestFacts, ReviewFacts } from "../../../src/model/pull-request-facts.js";
import { reviewNudgeFor } from "../../../src/review/review-nudge-for.js";
import { evaluateRules } from "../../../src/rules/evaluate-rules.js";
import { reviewRule } from "../../../src/rules/review.js";
import { buildFacts } from "../../helpers/build-facts.js";

/** Wall-clock hours, a 4 h target, nudges on. */
const review: Config["review"] = { ...DEFAULT_CONFIG.review, first_review_within: "4h", business_hours: false, nudge: "comment" };
const CODEOWNERS = { path: ".github/CODEOWNERS", text: "/src/billing/ @acme/billing\n" };
const files = [{ filename: "src/billing/invoice.ts", status: "modified" as const, additions: 5, deletions: 1 }];

function nudge(reviewFacts: Partial<ReviewFacts>, reviewConfig = review, overrides: Partial<PullRequestFacts> = {}): string | null {
  const facts = buildFacts({
    createdAt: "2026-11-16T09:00:00Z",
    now: "2026-11-16T14:30:00Z",
    files,
    codeOwners: CODEOWNERS,
    review: { createdAsDraft: false, timeline: [], reviews: [], requestedReviewers: [], requestedTeams: [], ...reviewFacts },
    ...overrides,
  });
  const [result] = evaluateRules([reviewRule], facts, { ...DEFAULT_CONFIG, review: reviewConfig });
  return reviewNudgeFor({ facts, review: reviewConfig, result });
}

describe("the review nudge with CODEOWNERS", () => {
  it("says who owns which files and suggests requesting them when no owner is requested", () => {
    const body = nudge({ requestedReviewers: ["bob"] });
    expect(body).toContain("@bob: you're invited to review this one.");
    expect(body).toContain(
      "The changed files have code owners (CODEOWNERS), and none of them is requested yet: @acme/billing owns `src/billing/invoice.ts`. Could someone request @acme/billing? Owners know what a change to their code could break.",
    );
  });

  it("names the files the requested owners own", () => {
    const body = nudge({ requestedTeams: ["acme/billing"] });
    expect(body).toContain("@acme/billing: you're invited to review this one.");
    expect(body).toContain("Code owners (CODEOWNERS) among those invited: @acme/billing owns `src/billing/invoice.ts`.");
    expect(body).not.toContain("none of them is requested");
  });

  it("with review.require_owner, a non-owner's review leaves the nudge due", () => {
    const reviews = [{ author: { login: "bob", type: "User" }, submittedAt: "2026-11-16T10:00:00Z", state: "COMMENTED" }];
    expect(nudge({ requestedTeams: ["acme/billing"], reviews })).toBeNull(); // any review counts by default
    expect(nudge({ requestedTeams: ["acme/billing"], reviews }, { ...review, require_owner: true })).toContain("@acme/billing: you're invited");
  });

  it("says nothing about owners without a CODEOWNERS file", () => {
    expect(nudge({ requestedReviewers: ["bob"] }, review, { codeOwners: null })).not.toContain("code owners");
  });
});
