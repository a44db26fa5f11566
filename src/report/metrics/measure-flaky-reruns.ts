import type { ReportFlakyIssue } from "../../model/report-facts.js";
import { roundTo } from "../stats.js";
import type { WindowTests } from "./window-tests.js";

/** One check's flaky re-runs in the window. */
export interface FlakyRerunCheck {
  /** The check's name. */
  check: string;
  /** Flaky occurrences (re-runs that passed after a failure). */
  count: number;
  /** Minutes of CI the failed runs took, 1 decimal. */
  minutes: number;
}

/** The window's flaky re-runs and what they cost. */
export interface FlakyReruns {
  /** Flaky occurrences whose passing run completed in the window (`flaky_reruns`). */
  count: number;
  /** Minutes of CI their failed runs took, 1 decimal (`flaky_rerun_minutes`). */
  minutes: number;
  /** Per check, the costliest first (then the most re-runs, then by name). */
  checks: FlakyRerunCheck[];
}

/**
 * The flaky re-runs of the window (issue 14): the flaky occurrences recorded
 * in the flaky-test issues opened from CI evidence (`ciOccurrences`) whose
 * passing run completed in the window, each counted once (an occurrence
 * attributed to two tests sits in two issues), with the minutes their failed
 * runs took. Pure.
 *
 * Occurrences still waiting for `flaky.min_occurrences` are in issues without
 * the label, which the report does not read, so they are not counted.
 *
 * @param issues the week's flaky-test issues
 * @param window the window's membership test
 */
export function measureFlakyReruns(issues: readonly ReportFlakyIssue[], window: Pick<WindowTests, "inWindow">): FlakyReruns {
  const seen = new Set<string>();
  const byCheck = new Map<string, { count: number; minutes: number }>();
  for (const occurrence of issues.flatMap((issue) => issue.ciOccurrences ?? [])) {
    if (seen.has(occurrence.pair) || !inWindow(window, occurrence.at)) continue;
    seen.add(occurrence.pair);
    const check = byCheck.get(occurrence.check) ?? { count: 0, minutes: 0 };
    check.count += 1;
    check.minutes += occurrence.minutes;
    byCheck.set(occurrence.check, check);
  }
  const checks = [...byCheck.entries()]
    .map(([check, figures]) => ({ check, count: figures.count, minutes: roundTo(figures.minutes, 1) }))
    .sort((a, b) => b.minutes - a.minutes || b.count - a.count || a.check.localeCompare(b.check));
  const raw = [...byCheck.values()];
  return {
    count: raw.reduce((sum, check) => sum + check.count, 0),
    minutes: roundTo(raw.reduce((sum, check) => sum + check.minutes, 0), 1),
    checks,
  };
}

/** In the window; an instant that is not ISO 8601 (a hand-edited marker) is not. */
function inWindow(window: Pick<WindowTests, "inWindow">, at: string): boolean {
  try {
    return window.inWindow(at);
  } catch {
    return false;
  }
}
