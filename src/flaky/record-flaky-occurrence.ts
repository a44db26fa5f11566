import type { FlakyCiEvidence, FlakyOccurrenceRecord } from "../model/flaky-ci.js";
import type { FlakyOccurrence } from "./detect-flaky-occurrence.js";
import { occurrencePair } from "./flaky-ci-marker.js";

/**
 * Occurrences an issue's marker keeps, newest last. Older ones are folded
 * into `earlier` (a count and minutes), so a check that flakes every day for
 * years still fits GitHub's 65,536-character body (about 130 bytes each).
 */
export const MAX_RECORDED_OCCURRENCES = 100;

/** Where the commit of an occurrence was: a pull request, else a branch. */
export interface OccurrencePlace {
  pr?: number;
  branch?: string;
}

/**
 * An occurrence as an issue records it.
 *
 * @param occurrence the detected occurrence
 * @param place the pull request (preferred) or branch, from the payload
 * @param tests every test the occurrence is attributed to; kept only when more than one
 */
export function toOccurrenceRecord(occurrence: FlakyOccurrence, place: OccurrencePlace, tests: readonly string[] = []): FlakyOccurrenceRecord {
  const failed = occurrence.failedRuns.at(-1);
  if (failed === undefined) throw new RangeError("a flaky occurrence has at least one failed run");
  return {
    at: occurrence.passed.completedAt ?? failed.completedAt ?? new Date(0).toISOString(),
    sha: occurrence.headSha,
    ...(place.pr !== undefined ? { pr: place.pr } : place.branch !== undefined && place.branch !== "" ? { branch: place.branch } : {}),
    failed: failed.id,
    passed: occurrence.passed.id,
    ...(occurrence.failedRuns.length > 1 ? { failures: occurrence.failedRuns.length } : {}),
    minutes: occurrence.minutes,
    ...(tests.length > 1 ? { tests: [...tests] } : {}),
  };
}

/** True when the evidence already holds this pair of runs. */
export function hasOccurrence(evidence: FlakyCiEvidence, pair: string): boolean {
  return evidence.occurrences.some((recorded) => occurrencePair(recorded) === pair);
}

/** Occurrences recorded in all, the folded ones included. */
export function occurrenceCount(evidence: FlakyCiEvidence): number {
  return evidence.occurrences.length + (evidence.earlier?.count ?? 0);
}

/** Minutes of CI the recorded failed runs took in all, 1 decimal. */
export function occurrenceMinutes(evidence: FlakyCiEvidence): number {
  const sum = evidence.occurrences.reduce((total, recorded) => total + recorded.minutes, evidence.earlier?.minutes ?? 0);
  return Math.round(sum * 10) / 10;
}

/**
 * Add an occurrence to the evidence, once (pure): a pair of runs already
 * there changes nothing. Occurrences stay in time order; beyond
 * {@link MAX_RECORDED_OCCURRENCES} the oldest fold into `earlier`.
 *
 * @returns the new evidence, and whether the occurrence was added
 */
export function recordFlakyOccurrence(evidence: FlakyCiEvidence, record: FlakyOccurrenceRecord): { evidence: FlakyCiEvidence; added: boolean } {
  if (hasOccurrence(evidence, occurrencePair(record))) return { evidence, added: false };
  const all = [...evidence.occurrences, record].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.passed - b.passed);
  const folded = all.slice(0, Math.max(0, all.length - MAX_RECORDED_OCCURRENCES));
  const kept = all.slice(folded.length);
  const earlier =
    folded.length === 0
      ? evidence.earlier
      : {
          count: (evidence.earlier?.count ?? 0) + folded.length,
          minutes: Math.round(folded.reduce((total, item) => total + item.minutes, evidence.earlier?.minutes ?? 0) * 10) / 10,
        };
  return { evidence: { ...evidence, occurrences: kept, ...(earlier ? { earlier } : {}) }, added: true };
}
