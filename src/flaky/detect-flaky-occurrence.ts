import type { CheckRunFact } from "../model/flaky-ci.js";
import { parseInstant } from "../time/parse-instant.js";

/** Conclusions of a run that "failed" (the Checks API's values; `cancelled` is a person's choice, not a failure). */
const FAILED = new Set(["failure", "timed_out"]);

/** A flaky occurrence: the same check on the same commit failed, then passed. */
export interface FlakyOccurrence {
  /** The check's name. */
  check: string;
  headSha: string;
  /** The runs that failed or timed out since the check last passed on this commit, oldest first (at least one). */
  failedRuns: CheckRunFact[];
  /** The run that passed. */
  passed: CheckRunFact;
  /** Minutes the failed runs took (`completedAt - startedAt`, summed; a run missing a time counts 0), 1 decimal. */
  minutes: number;
}

/** Runs that are never judged: eng-health's own. */
export interface OwnRuns {
  /** eng-health's app id (`APP_ID`), when known. */
  appId?: number;
  /** eng-health's check run name (`checks.name`). */
  name: string;
}

/**
 * Find the flaky occurrence that a completed check run reveals (README,
 * "Flaky tests found from CI"): `passed` concluded `success` (`neutral`
 * and `skipped` do not count), it is not eng-health's own run, and an
 * earlier run with the same name, head SHA and app concluded `failure` or
 * `timed_out`. Pure.
 *
 * Only the failures since the check last passed on that commit count, so a
 * pair of runs is never found twice: fail, fail, pass is one occurrence with
 * two failed runs; fail, pass, fail, pass is two occurrences, each found by
 * its own passing run. Runs are ordered by completion time, then by id (ids
 * grow over time); `cancelled`, `neutral`, `skipped` and unfinished runs are
 * passed over.
 *
 * @param passed the run that just completed (from the webhook payload)
 * @param runs the check's runs on that commit (`filter=all`); `passed` itself may be among them
 * @param own eng-health's app id and check name: its runs are never flaky occurrences
 * @returns the occurrence, or null when there is none
 */
export function detectFlakyOccurrence(passed: CheckRunFact, runs: readonly CheckRunFact[], own: OwnRuns): FlakyOccurrence | null {
  if (passed.status !== "completed" || passed.conclusion !== "success") return null;
  if ((own.appId !== undefined && passed.appId === own.appId) || passed.name === own.name) return null;
  const earlier = runs
    .filter(
      (run) =>
        run.id !== passed.id &&
        run.name === passed.name &&
        run.headSha === passed.headSha &&
        run.appId === passed.appId &&
        run.status === "completed" &&
        comesBefore(run, passed),
    )
    .sort((a, b) => (comesBefore(a, b) ? -1 : 1));
  const lastPass = earlier.findLastIndex((run) => run.conclusion === "success");
  const failedRuns = earlier.slice(lastPass + 1).filter((run) => FAILED.has(run.conclusion ?? ""));
  if (failedRuns.length === 0) return null;
  const minutes = failedRuns.reduce((sum, run) => sum + durationMinutes(run), 0);
  return { check: passed.name, headSha: passed.headSha, failedRuns, passed, minutes: Math.round(minutes * 10) / 10 };
}

/** True when `a` completed before `b` (by completion time, then id). */
function comesBefore(a: CheckRunFact, b: CheckRunFact): boolean {
  const at = instant(a.completedAt);
  const bt = instant(b.completedAt);
  if (at !== null && bt !== null && at !== bt) return at < bt;
  return a.id < b.id;
}

/** Minutes from start to completion; 0 when either is unknown or the order is reversed. */
function durationMinutes(run: CheckRunFact): number {
  const start = instant(run.startedAt);
  const end = instant(run.completedAt);
  if (start === null || end === null || end < start) return 0;
  return (end - start) / 60_000;
}

function instant(iso: string | null): number | null {
  if (iso === null) return null;
  try {
    return parseInstant(iso);
  } catch {
    return null;
  }
}
