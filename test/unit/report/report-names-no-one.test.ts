import { describe, expect, it } from "vitest";
import { configSchema } from "../../../src/config/schema.js";
import { composeRollupReport } from "../../../src/report/compose-rollup-report.js";
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

/** Issue 16: a rollup's issue, its By repository table included, names no one either. */
describe("a rollup's weekly report names no one", () => {
  const people = ["brendan", "alice-dev", "octocat", "kim42", "assignee-ana"];
  const config = configSchema.parse({ review: { business_hours: false, first_review_within: "4h" }, rollup: { repos: ["acme/widgets", "acme/gadgets"] } });
  const plan = planWeeklyReport({ week: "2026-W47", report: config.report, reports: [], rollup: true });
  const author = (login: string) => ({ login, type: "User" });
  const repository = (repo: string, login: string) => ({
    name: `acme/${repo}`,
    url: `https://github.com/acme/${repo}`,
    config,
    configErrors: 1,
    facts: buildReportFacts({
      repo,
      window: { week: "2026-W47", start: plan.spanStart, end: plan.window.end },
      pullRequests: [
        buildReportPullRequest({ number: 1, htmlUrl: `https://github.com/acme/${repo}/pull/1`, author: author(login), createdAt: "2026-11-17T09:00:00Z", review: { requestedReviewers: ["alice-dev", "octocat"] } }),
      ],
      flakyIssues: [buildReportFlakyIssue({ number: 100, htmlUrl: `https://github.com/acme/${repo}/issues/100`, assignees: ["assignee-ana"] })],
    }),
  });
  const report = composeRollupReport({
    plan,
    repositories: [repository("widgets", "brendan"), repository("gadgets", "kim42")],
    notIncluded: [{ repository: "acme/secret", reason: "unreadable" }],
    home: { owner: "acme", repo: ".github" },
    config,
    rules: REPORT_RULES,
    apiCalls: 9,
    configUrl: "https://github.com/acme/.github/blob/HEAD/.github/eng-health.yml",
    maxRepositories: 50,
  });

  it("has no @mention and no login of an author, a requested reviewer or an assignee, in any section", () => {
    expect(report.body).toContain("## By repository");
    expect(report.body).not.toMatch(/@[A-Za-z0-9]/);
    for (const login of people) expect(report.body).not.toContain(login);
  });
});
