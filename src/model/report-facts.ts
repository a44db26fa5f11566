/**
 * Plain facts about one repository's ISO week: what the weekly team-health
 * report measures, gathered by the GraphQL adapter in `src/facts/` and nothing
 * else. The metrics (`src/report/measure-week.ts`) read these; they never see
 * Octokit. Times are ISO 8601 strings (UTC, as GitHub sends them).
 *
 * The facts describe the repository as it is when they are gathered ("now"),
 * which may be long after the window. The metrics cut everything back to the
 * window's end themselves (reviews, timeline events, closes and merges after
 * it are ignored), so the adapter does not need to.
 */
import type { Actor, ChangedFile, RepositoryRules, ReviewFacts } from "./pull-request-facts.js";

/** A changed file as the report needs it: path and size, no diff. */
export type ReportChangedFile = Omit<ChangedFile, "patch">;

/**
 * A pull request touched in the window (created, merged or reviewed in it, or
 * still open at its end). The fields mirror `PullRequestFacts`, so the metrics
 * can re-evaluate the check-run rules on merged PRs.
 */
export interface ReportPullRequest {
  /** The PR's number in the repository. */
  number: number;
  /** The title, as written (renderers escape it). */
  title: string;
  /** The description; `""` when GitHub sends `null`. */
  body: string;
  /** Who opened it; bots and `review.ignore_authors` are left out of every figure. */
  author: Actor;
  /** Draft state now (the metrics use `review.timeline` for the state at the window's end). */
  draft: boolean;
  /** `"open"` or `"closed"` now (a merged PR is `"closed"` with `mergedAt` set). */
  state: "open" | "closed";
  /** ISO time the PR was created. */
  createdAt: string;
  /** ISO time it was merged, or `null`. */
  mergedAt: string | null;
  /** ISO time it was closed (merged or not), or `null`. */
  closedAt: string | null;
  /** Label names now. */
  labels: string[];
  /** Link to the PR on GitHub. */
  htmlUrl: string;
  /** Changed files with additions and deletions (no patch: the report's rules do not need diffs). */
  files: ReportChangedFile[];
  /** True when the adapter stopped paging the files before the end. */
  filesTruncated: boolean;
  /**
   * The review story: created as draft or not, ready/draft transitions and
   * review requests (oldest first), submitted reviews (oldest first), and the
   * reviewers and teams whose review is requested now.
   */
  review: ReviewFacts;
}

/** An issue (never a PR) carrying `flaky.label`, open now or closed recently. */
export interface ReportFlakyIssue {
  /** The issue's number. */
  number: number;
  /** The title, as written (renderers escape it). */
  title: string;
  /** Link to the issue on GitHub. */
  htmlUrl: string;
  /** ISO time the issue was opened. */
  createdAt: string;
  /** ISO time it was closed, or `null` while open (it may be after the window). */
  closedAt: string | null;
  /** Logins assigned now (the report counts, never names, them). */
  assignees: string[];
  /** ISO time the flaky label was last added, when known (ages run from it; else from `createdAt`). */
  labeledAt?: string;
  /** `"open"` or `"closed"` now. */
  state: "open" | "closed";
  /**
   * The flaky occurrences its flaky-ci marker records, when eng-health opened
   * it from CI evidence (README, "Flaky tests found from CI"); absent otherwise.
   */
  ciOccurrences?: ReportFlakyOccurrence[];
}

/** A flaky occurrence as the weekly report counts it. */
export interface ReportFlakyOccurrence {
  /** The check's name. */
  check: string;
  /** ISO instant the passing run completed. */
  at: string;
  /** Minutes of CI the failed runs took. */
  minutes: number;
  /** The failed and passing run ids, `failed-passed`: one occurrence recorded in two tests' issues counts once. */
  pair: string;
}

/**
 * Everything the weekly report measures for one repository and one ISO week.
 * CODEOWNERS and `.gitattributes` (from {@link RepositoryRules}) are as on the
 * default branch now: the `size` pass rate and, with `review.require_owner`,
 * time to first review read them.
 */
export interface ReportFacts extends RepositoryRules {
  /** Repository owner (user or organisation login). */
  owner: string;
  /** Repository name. */
  repo: string;
  /** The ISO week and its window in `report.timezone`, as `isoWeekWindow` gives it. */
  window: {
    /** `YYYY-Www`, e.g. `2026-W47`. */
    week: string;
    /** ISO UTC instant the window starts (inclusive). */
    start: string;
    /** ISO UTC instant the window ends (exclusive): every figure is "as of" this moment. */
    end: string;
  };
  /** The PR template on the default branch, or `null` (the reasoning rule discounts untouched template lines). */
  template: string | null;
  /** PRs created, merged or reviewed in the window, and PRs open at its end. */
  pullRequests: ReportPullRequest[];
  /** Issues with `flaky.label`: open now, or closed at or after the window's start. */
  flakyIssues: ReportFlakyIssue[];
}
