import type { Config } from "../config/schema.js";
import type { FlakyIssue } from "../model/pull-request-facts.js";
import { daysBetween, roundToTenth } from "../time/days-between.js";

/** The state of a repository's open flaky tests against the team's limits. */
export interface FlakySummary {
  /** Open flaky issues. */
  open: number;
  /** Issue numbers with no assignee, oldest first (whatever `require_assignee` says). */
  unassigned: number[];
  /** The oldest open flaky issue and its age in days (1 decimal); null when none is open. */
  oldest: { number: number; ageDays: number } | null;
  /** Issue numbers older than `max_age_days`, oldest first. */
  overAge: number[];
  /** True when `open` is more than `max_open`. */
  overLimit: boolean;
}

/**
 * Summarise open flaky-test issues against the `flaky` config (README,
 * "Configuration" and "What the figures mean"). Used by the `flaky` rule, the
 * checklist comment and the weekly report, so all three count the same way.
 *
 * An issue's age runs from when it got the label (`labeledAt`, else
 * `createdAt`) to `now`, in wall-clock days rounded to 1 decimal; a future
 * start (clock skew) counts as 0. An issue is over age when its rounded age is
 * more than `max_age_days`, so exactly `max_age_days` is within the limit, and
 * the figure shown always agrees with the verdict. Ties in age are ordered by
 * issue number.
 *
 * The issues are taken as given: the caller selected them by `flaky.label`,
 * so renaming the label in the config does not change how they are read.
 *
 * @param issues open issues with the flaky label
 * @param now ISO time of evaluation (or the report window's end)
 * @param flaky the `flaky` config; `max_open` and `max_age_days` are read
 * @returns counts, issue numbers and the oldest issue, see {@link FlakySummary}
 * @throws RangeError when `now` or an issue's `createdAt` is not an ISO time
 *   (an unparseable `labeledAt` falls back to `createdAt`)
 */
export function summarizeFlakyIssues(
  issues: FlakyIssue[],
  now: string,
  flaky: Config["flaky"],
): FlakySummary {
  const aged = issues
    .map((issue) => ({ issue, ageDays: flakyIssueAgeDays(issue, now) }))
    .sort((a, b) => b.ageDays - a.ageDays || a.issue.number - b.issue.number);
  const first = aged[0];
  return {
    open: issues.length,
    unassigned: aged.filter(({ issue }) => issue.assignees.length === 0).map(({ issue }) => issue.number),
    oldest: first ? { number: first.issue.number, ageDays: first.ageDays } : null,
    overAge: aged.filter(({ ageDays }) => ageDays > flaky.max_age_days).map(({ issue }) => issue.number),
    overLimit: issues.length > flaky.max_open,
  };
}

/**
 * An open flaky issue's age at `now`: wall-clock days from the label
 * (`labeledAt`, else `createdAt`), 1 decimal, at least 0; the figure
 * {@link summarizeFlakyIssues} judges and every list shows.
 *
 * @throws RangeError naming the issue when a time is not ISO 8601
 */
export function flakyIssueAgeDays(issue: FlakyIssue, now: string): number {
  const since = issue.labeledAt !== undefined && !Number.isNaN(Date.parse(issue.labeledAt)) ? issue.labeledAt : issue.createdAt;
  let days: number;
  try {
    days = daysBetween(since, now);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RangeError(`flaky issue #${issue.number}: ${reason}`);
  }
  return Math.max(0, roundToTenth(days));
}
