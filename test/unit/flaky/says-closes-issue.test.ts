import { describe, expect, it } from "vitest";
import { saysClosesIssue } from "../../../src/flaky/says-closes-issue.js";

const issue = { number: 12, owner: "acme", repo: "widgets" };

describe("saysClosesIssue", () => {
  it.each([
    "Fixes #12",
    "fixes #12",
    "This PR closes #12.",
    "Resolves #12",
    "FIXED: #12",
    "Fixes acme/widgets#12",
    "Fixes https://github.com/acme/widgets/issues/12",
    "Summary\n\nResolved #12, finally",
  ])("reads %j as closing #12", (body) => {
    expect(saysClosesIssue(body, issue)).toBe(true);
  });

  it.each([
    "",
    "Related to #12",
    "Fixes #123",
    "Fixes #1",
    "Fixes other/repo#12",
    "prefixes #12",
    "Fixes the flake in #12's test", // a keyword must be followed by the reference
  ])("does not read %j as closing #12", (body) => {
    expect(saysClosesIssue(body, issue)).toBe(false);
  });
});
