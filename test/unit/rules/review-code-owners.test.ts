import { describe, expect, it } from "vitest";
import { configSchema, DEFAULT_CONFIG } from "../../../src/config/schema.js";
import type { ChangedFile, ReviewFacts } from "../../../src/model/pull-request-facts.js";
import { evaluateRules } from "../../../src/rules/evaluate-rules.js";
import { reviewRule } from "../../../src/rules/review.js";
import { buildFacts } from "../../helpers/build-facts.js";

// buildFacts: created Monday 2026-11-16 09:00Z by octocat; default review config:
// 24 h target, 09:00-17:00 UTC, Monday to Friday.

const CODEOWNERS = {
  path: ".github/CODEOWNERS",
  text: "* @acme/platform\n/src/billing/ @acme/billing\n/docs/ @alice docs@example.com\n/src/octocat-only/ @octocat\n",
};
const WITHIN = "2026-11-16T12:30:00Z"; // 3.5 business hours
const PAST = "2026-11-19T11:00:00Z"; // 26 business hours

function file(filename: string, previousFilename?: string): ChangedFile {
  return { filename, status: previousFilename ? "renamed" : "modified", additions: 3, deletions: 1, ...(previousFilename ? { previousFilename } : {}) };
}

function reviewFacts(overrides: Partial<ReviewFacts> = {}): ReviewFacts {
  return { createdAsDraft: false, timeline: [], reviews: [], requestedReviewers: [], requestedTeams: [], ...overrides };
}

function review(files: ChangedFile[], facts: Partial<ReviewFacts>, now: string, config = DEFAULT_CONFIG) {
  const [result] = evaluateRules([reviewRule], buildFacts({ files, codeOwners: CODEOWNERS, review: reviewFacts(facts), now }), config);
  return result;
}

describe("the review row with CODEOWNERS: waiting within the target", () => {
  it("suggests requesting the owners of the changed files when none is requested", () => {
    const result = review([file("src/billing/invoice.ts"), file("src/billing/tax.ts"), file("src/billing/refund.ts"), file("docs/guide.md")], {}, WITHIN);
    expect(result?.status).toBe("pass");
    expect(result?.message).toBe("Waiting 3.5 business hours for a first review (target: 24 h).");
    expect(result?.findings.map((finding) => finding.message)).toEqual([
      "The changed files have code owners (CODEOWNERS): @acme/billing owns `src/billing/invoice.ts`, `src/billing/tax.ts` and 1 more file; @alice owns `docs/guide.md`. " +
        "None of them is requested for review yet. Owners know what a change to their code could break, and GitHub lets them know once they are requested. " +
        "Could @acme/billing and @alice be requested?",
    ]);
  });

  it("names the requested owners as the ones being waited on, with no finding", () => {
    const result = review([file("src/billing/invoice.ts"), file("docs/guide.md")], { requestedTeams: ["acme/billing"], requestedReviewers: ["bob"] }, WITHIN);
    expect(result).toMatchObject({
      status: "pass",
      message: "Waiting 3.5 business hours for a first review (target: 24 h); code owners requested: @acme/billing.",
      findings: [],
    });
  });

  it("matches requested logins and team slugs case-insensitively", () => {
    const result = review([file("docs/guide.md")], { requestedReviewers: ["Alice"] }, WITHIN);
    expect(result?.message).toMatch(/code owners requested: @alice\.$/);
  });

  it("leaves the PR author out of its own owners, and says nothing when no one else owns the files", () => {
    const result = review([file("src/octocat-only/a.ts")], {}, WITHIN);
    expect(result).toMatchObject({ message: "Waiting 3.5 business hours for a first review (target: 24 h).", findings: [] });
  });

  it("counts a renamed file under its old path too", () => {
    const result = review([file("lib/invoice.ts", "src/billing/invoice.ts")], {}, WITHIN);
    expect(result?.findings[0]?.message).toContain("@acme/billing owns `src/billing/invoice.ts`");
    expect(result?.findings[0]?.message).toContain("@acme/platform owns `lib/invoice.ts`");
  });

  it("is unchanged without a CODEOWNERS file", () => {
    const [result] = evaluateRules([reviewRule], buildFacts({ files: [file("src/billing/invoice.ts")], codeOwners: null, review: reviewFacts(), now: WITHIN }), DEFAULT_CONFIG);
    expect(result).toMatchObject({ message: "Waiting 3.5 business hours for a first review (target: 24 h).", findings: [] });
  });
});

describe("the review row with CODEOWNERS: past the target", () => {
  it("says which owners own which files and suggests requesting them when none is requested", () => {
    const result = review([file("src/billing/invoice.ts")], { requestedReviewers: ["bob"] }, PAST);
    expect(result?.status).toBe("fail");
    const message = result?.findings[0]?.message ?? "";
    expect(message).toContain("Review is requested from @bob. No code owner of the changed files is requested yet: @acme/billing owns `src/billing/invoice.ts`.");
    expect(message).toContain("Could @acme/billing be requested? Owners know what a change to their code could break");
    expect(message).toContain("Could @bob take a first look?");
  });

  it("names the requested owners among the reviewers being waited on", () => {
    const result = review([file("src/billing/invoice.ts")], { requestedTeams: ["acme/billing"] }, PAST);
    expect(result?.findings[0]?.message).toContain(
      "Review is requested from @acme/billing. Code owners among them: @acme/billing owns `src/billing/invoice.ts`.",
    );
  });
});

describe("review.require_owner", () => {
  const requireOwner = configSchema.parse({ review: { require_owner: true } });
  const bobReviewed = { requestedTeams: ["acme/billing"], reviews: [{ author: { login: "bob", type: "User" }, submittedAt: "2026-11-16T10:00:00Z", state: "COMMENTED" }] };

  it("is off by default: any teammate's review is the first one", () => {
    expect(review([file("src/billing/invoice.ts")], bobReviewed, WITHIN)?.message).toBe("First review after 1 business hour (target: 24 h).");
  });

  it("with true, a non-owner's review does not count: the PR still waits for a code owner", () => {
    const result = review([file("src/billing/invoice.ts")], bobReviewed, WITHIN, requireOwner);
    expect(result?.message).toBe("Waiting 3.5 business hours for a first review from a code owner (target: 24 h); code owners requested: @acme/billing.");
  });

  it("with true, a review on behalf of an owning team counts", () => {
    const onBehalf = { ...bobReviewed, reviews: [{ ...bobReviewed.reviews[0]!, onBehalfOf: ["Acme/Billing"] }] };
    expect(review([file("src/billing/invoice.ts")], onBehalf, WITHIN, requireOwner)?.message).toBe("First review after 1 business hour (target: 24 h).");
  });

  it("with true, an owning user's review counts", () => {
    const byAlice = { reviews: [{ author: { login: "alice", type: "User" }, submittedAt: "2026-11-16T11:00:00Z", state: "APPROVED" }] };
    expect(review([file("docs/guide.md")], byAlice, WITHIN, requireOwner)?.message).toBe("First review after 2 business hours (target: 24 h).");
  });

  it("with true but no owned file (email owners only, or no CODEOWNERS), any review counts", () => {
    const onlyEmail = { path: "CODEOWNERS", text: "*.md docs@example.com\n" };
    const facts = buildFacts({ files: [file("guide.md")], codeOwners: onlyEmail, review: reviewFacts(bobReviewed), now: WITHIN });
    expect(evaluateRules([reviewRule], facts, requireOwner)[0]?.message).toBe("First review after 1 business hour (target: 24 h).");
  });
});
