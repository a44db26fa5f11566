import { describe, expect, it } from "vitest";
import { REVIEW_NUDGE_MARKER, renderReviewNudge } from "../../../src/review/render-review-nudge.js";

describe("renderReviewNudge", () => {
  it("invites the requested reviewers and team", () => {
    expect(
      renderReviewNudge({
        waitingHours: 30.04,
        targetHours: 24,
        businessHours: true,
        requestedReviewers: ["alice", "bob"],
        requestedTeams: ["acme/billing"],
      }),
    ).toMatchInlineSnapshot(`
      "This pull request has been ready for review for 30 business hours without a first review yet; the team aims for a first review within 24 business hours.

      @alice, @bob and @acme/billing: you're invited to review this one. Could one of you take a first look when there's a moment? A short first pass helps too.

      Prompt first reviews keep changes small and flowing, while the context is still fresh. If this PR is hard to review in one sitting, would splitting it into smaller ones help? Asking in the team channel can also find a reviewer.

      <sub>Posted once by eng-health (\`review.nudge: comment\` in \`.github/eng-health.yml\`).</sub>
      <!-- eng-health:review-nudge -->"
    `);
  });

  it("speaks to a single requested reviewer directly", () => {
    expect(
      renderReviewNudge({ waitingHours: 5, targetHours: 4, businessHours: false, requestedReviewers: ["alice"], requestedTeams: [] }),
    ).toMatchInlineSnapshot(`
      "This pull request has been ready for review for 5 hours without a first review yet; the team aims for a first review within 4 hours.

      @alice: you're invited to review this one. Could you take a first look when there's a moment? A short first pass helps too.

      Prompt first reviews keep changes small and flowing, while the context is still fresh. If this PR is hard to review in one sitting, would splitting it into smaller ones help? Asking in the team channel can also find a reviewer.

      <sub>Posted once by eng-health (\`review.nudge: comment\` in \`.github/eng-health.yml\`).</sub>
      <!-- eng-health:review-nudge -->"
    `);
  });

  it("suggests requesting a reviewer when nobody is requested", () => {
    expect(
      renderReviewNudge({ waitingHours: 26, targetHours: 24, businessHours: true, requestedReviewers: [], requestedTeams: [] }),
    ).toMatchInlineSnapshot(`
      "This pull request has been ready for review for 26 business hours without a first review yet; the team aims for a first review within 24 business hours.

      No reviewer is requested yet. Could someone request a reviewer or a team, so GitHub lets them know?

      Prompt first reviews keep changes small and flowing, while the context is still fresh. If this PR is hard to review in one sitting, would splitting it into smaller ones help? Asking in the team channel can also find a reviewer.

      <sub>Posted once by eng-health (\`review.nudge: comment\` in \`.github/eng-health.yml\`).</sub>
      <!-- eng-health:review-nudge -->"
    `);
  });

  it("ends with the hidden marker, once", () => {
    const body = renderReviewNudge({ waitingHours: 26, targetHours: 24, businessHours: true, requestedReviewers: ["alice"], requestedTeams: [] });
    expect(REVIEW_NUDGE_MARKER).toBe("<!-- eng-health:review-nudge -->");
    expect(body.endsWith(`\n${REVIEW_NUDGE_MARKER}`)).toBe(true);
    expect(body.split(REVIEW_NUDGE_MARKER)).toHaveLength(2);
  });
});
