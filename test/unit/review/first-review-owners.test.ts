import { describe, expect, it } from "vitest";
import type { SubmittedReview } from "../../../src/model/pull-request-facts.js";
import { codeOwnersOfChange } from "../../../src/review/code-owners-of-change.js";
import { firstReviewOwners } from "../../../src/review/first-review-owners.js";
import { measureTimeToFirstReview } from "../../../src/review/measure-time-to-first-review.js";
import { createBusinessClock } from "../../../src/time/business-clock.js";

const CODEOWNERS = { path: ".github/CODEOWNERS", text: "* @Acme/Platform\n/src/billing/ @alice @acme/billing billing@example.com\n" };
const files = [{ filename: "src/billing/invoice.ts" }];

describe("firstReviewOwners", () => {
  it("is null unless review.require_owner is on and a user or team owns a changed file", () => {
    expect(firstReviewOwners({ requireOwner: false, codeOwners: CODEOWNERS, files })).toBeNull();
    expect(firstReviewOwners({ requireOwner: true, codeOwners: null, files })).toBeNull();
    expect(firstReviewOwners({ requireOwner: true, codeOwners: { path: "CODEOWNERS", text: "*.ts a@example.com\n" }, files })).toBeNull();
  });

  it("lists the owning users and teams in lower case, for a renamed file under both paths", () => {
    expect(firstReviewOwners({ requireOwner: true, codeOwners: CODEOWNERS, files: [{ filename: "lib/invoice.ts", previousFilename: "src/billing/invoice.ts" }] })).toEqual({
      users: ["alice"],
      teams: ["acme/platform", "acme/billing"],
    });
  });
});

describe("measureTimeToFirstReview with owners", () => {
  const clock = createBusinessClock({ business_hours: false, holidays: [] });
  const pr = (reviews: SubmittedReview[]) => ({
    author: { login: "octocat", type: "User" },
    createdAt: "2026-11-16T09:00:00Z",
    closedAt: null,
    mergedAt: null,
    review: { createdAsDraft: false, timeline: [], reviews, requestedReviewers: [], requestedTeams: [] },
  });
  const by = (login: string, hour: number, onBehalfOf?: string[]): SubmittedReview => ({
    author: { login, type: "User" },
    submittedAt: `2026-11-16T${String(hour).padStart(2, "0")}:00:00Z`,
    state: "COMMENTED",
    ...(onBehalfOf ? { onBehalfOf } : {}),
  });
  const owners = { users: ["alice"], teams: ["acme/billing"] };
  const measure = (reviews: SubmittedReview[]) =>
    measureTimeToFirstReview(pr(reviews), { clock, ignoreAuthors: [], now: "2026-11-16T17:00:00Z", owners }).hours;

  it("skips reviews by non-owners, and counts an owning user (any case) or a review on behalf of an owning team", () => {
    expect(measure([by("bob", 10), by("Alice", 12)])).toBe(3);
    expect(measure([by("bob", 10), by("carol", 11, ["Acme/Billing"])])).toBe(2);
    expect(measure([by("bob", 10), by("carol", 11, ["acme/other"])])).toBeNull();
  });
});

describe("codeOwnersOfChange", () => {
  it("leaves out email owners and the author, and compares requests without regard to case", () => {
    const change = codeOwnersOfChange({ codeOwners: CODEOWNERS, files, author: "ALICE", requestedReviewers: [], requestedTeams: ["ACME/billing"] });
    expect(change?.owners.map((owner) => owner.handle)).toEqual(["@acme/billing"]);
    expect(change?.requested.map((owner) => owner.handle)).toEqual(["@acme/billing"]);
  });

  it("is null without a file, or when no user or team owns a changed file", () => {
    expect(codeOwnersOfChange({ codeOwners: null, files, author: "x", requestedReviewers: [], requestedTeams: [] })).toBeNull();
    expect(codeOwnersOfChange({ codeOwners: { path: "CODEOWNERS", text: "/docs/ @docs\n" }, files, author: "x", requestedReviewers: [], requestedTeams: [] })).toBeNull();
  });
});
