import type { ReportFacts, ReportFlakyIssue, ReportPullRequest } from "../../src/model/report-facts.js";
import type { ReviewFacts } from "../../src/model/pull-request-facts.js";

/**
 * Plain report facts for unit tests: acme/widgets, the UTC window of
 * 2026-W47 (Monday 2026-11-16 to Monday 2026-11-23), no PRs, no flaky issues.
 * Override any field.
 */
export function buildReportFacts(overrides: Partial<ReportFacts> = {}): ReportFacts {
  return {
    owner: "acme",
    repo: "widgets",
    window: { week: "2026-W47", start: "2026-11-16T00:00:00Z", end: "2026-11-23T00:00:00Z" },
    template: null,
    pullRequests: [],
    flakyIssues: [],
    ...overrides,
  };
}

/**
 * A human-authored PR opened (not as a draft) at `createdAt`, open, with no
 * reviews, no files and no labels. `review` overrides are merged into the
 * default review facts.
 */
export function buildReportPullRequest(
  overrides: Partial<Omit<ReportPullRequest, "review">> & { review?: Partial<ReviewFacts> } = {},
): ReportPullRequest {
  const { review, ...rest } = overrides;
  const number = rest.number ?? 1;
  return {
    number,
    title: `Change ${number}`,
    body: "",
    author: { login: "octocat", type: "User" },
    draft: false,
    state: "open",
    createdAt: "2026-11-16T10:00:00Z",
    mergedAt: null,
    closedAt: null,
    labels: [],
    htmlUrl: `https://github.com/acme/widgets/pull/${number}`,
    files: [],
    filesTruncated: false,
    ...rest,
    review: {
      createdAsDraft: false,
      timeline: [],
      reviews: [],
      requestedReviewers: [],
      requestedTeams: [],
      ...review,
    },
  };
}

/** A flaky-test issue opened at `createdAt`, open and unassigned. */
export function buildReportFlakyIssue(overrides: Partial<ReportFlakyIssue> = {}): ReportFlakyIssue {
  const number = overrides.number ?? 100;
  return {
    number,
    title: `Flaky test ${number}`,
    htmlUrl: `https://github.com/acme/widgets/issues/${number}`,
    createdAt: "2026-11-02T00:00:00Z",
    closedAt: null,
    assignees: [],
    state: "open",
    ...overrides,
  };
}

/** A submitted review by a human teammate. */
export function reviewBy(login: string, submittedAt: string, state = "COMMENTED"): ReviewFacts["reviews"][number] {
  return { author: { login, type: "User" }, submittedAt, state };
}
