import { describe, expect, it } from "vitest";
import { configSchema } from "../../../src/config/schema.js";
import { composeWeeklyReport, planWeeklyReport } from "../../../src/report/compose-weekly-report.js";
import { REPORT_RULES } from "../../../src/rules/registry.js";
import { buildReportFacts, buildReportFlakyIssue, buildReportPullRequest, reviewBy } from "../../helpers/build-report-facts.js";

/** Issue 13: the weekly issue is a team document: it names no one and notifies no one. */
describe("the weekly report names no one", () => {
  const people = ["brendan", "alice-dev", "octocat", "kim42", "reviewer-bot-friend", "assignee-ana"];
  const config = configSchema.parse({ review: { business_hours: false, first_review_within: "4h" } });
  const plan = planWeeklyReport({ week: "2026-W47", report: config.report, reports: [] });
  const author = (login: string) => ({ login, type: "User" });
  const facts = buildReportFacts({
    window: { week: "2026-W47", start: plan.spanStart, end: plan.window.end },
    pullRequests: [
      // Waiting for a first review, with people and teams requested.
      buildReportPullRequest({ number: 1, author: author("brendan"), createdAt: "2026-11-17T09:00:00Z", review: { requestedReviewers: ["alice-dev", "octocat"], requestedTeams: ["acme/billing"] } }),
      buildReportPullRequest({ number: 2, author: author("kim42"), createdAt: "2026-11-18T09:00:00Z", review: { requestedReviewers: ["brendan"] } }),
      // Reviewed late, then merged.
      buildReportPullRequest({
        number: 3,
        author: author("alice-dev"),
        createdAt: "2026-11-16T09:00:00Z",
        mergedAt: "2026-11-19T09:00:00Z",
        closedAt: "2026-11-19T09:00:00Z",
        state: "closed",
        review: { reviews: [reviewBy("reviewer-bot-friend", "2026-11-18T09:00:00Z")] },
      }),
    ],
    flakyIssues: [buildReportFlakyIssue({ number: 100, assignees: ["assignee-ana"] }), buildReportFlakyIssue({ number: 101 })],
  });
  const report = composeWeeklyReport({ plan, facts, config, rules: REPORT_RULES, apiCalls: 3, configUrl: "https://github.com/acme/widgets/blob/HEAD/.github/eng-health.yml" });

  it("has no @mention of a person or a team anywhere", () => {
    expect(report.body).not.toMatch(/@[A-Za-z0-9]/);
  });

  it("has no login of an author, a requested reviewer, a reviewer or an assignee", () => {
    for (const login of people) expect(report.body).not.toContain(login);
  });

  it("still says how many were asked and which teams, so the retro can act on it", () => {
    expect(report.body).toContain("2 reviewers and team acme/billing requested");
    expect(report.body).toContain("1 reviewer requested");
  });
});
