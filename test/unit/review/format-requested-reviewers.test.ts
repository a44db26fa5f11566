import { describe, expect, it } from "vitest";
import { formatRequestedReviewers } from "../../../src/review/format-requested-reviewers.js";

describe("formatRequestedReviewers", () => {
  it.each([
    { reviewers: ["alice"], teams: [], expected: { list: "@alice", invitation: "@alice", count: 1 } },
    { reviewers: [], teams: ["acme/billing"], expected: { list: "@acme/billing", invitation: "someone from @acme/billing", count: 1 } },
    {
      reviewers: ["alice", "@bob"],
      teams: ["acme/billing"],
      expected: { list: "@alice, @bob and @acme/billing", invitation: "@alice, @bob or someone from @acme/billing", count: 3 },
    },
  ])("$reviewers + $teams", ({ reviewers, teams, expected }) => {
    expect(formatRequestedReviewers(reviewers, teams)).toEqual(expected);
  });

  it("is null when nobody is requested", () => {
    expect(formatRequestedReviewers([], [])).toBeNull();
  });
});
