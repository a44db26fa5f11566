import type { PullRequestFacts } from "../../src/model/pull-request-facts.js";

/**
 * A plain PullRequestFacts for unit tests: a human-authored, open, non-draft PR
 * with no files, no labels, no template and no flaky issues. Override any field.
 */
export function buildFacts(overrides: Partial<PullRequestFacts> = {}): PullRequestFacts {
  return {
    owner: "acme",
    repo: "widgets",
    number: 7,
    title: "Add invoice rounding",
    body: "",
    author: { login: "octocat", type: "User" },
    draft: false,
    state: "open",
    mergedAt: null,
    closedAt: null,
    labels: [],
    headSha: "0123456789abcdef0123456789abcdef01234567",
    htmlUrl: "https://github.com/acme/widgets/pull/7",
    createdAt: "2026-11-16T09:00:00Z",
    files: [],
    filesTruncated: false,
    template: null,
    flakyIssues: [],
    now: "2026-11-16T12:00:00Z",
    ...overrides,
  };
}
