import type { FlakyCiEvidence, FlakyCiKey, FlakyOccurrenceRecord } from "../model/flaky-ci.js";
import { hiddenMarkerPrefix, parseHiddenMarker, renderHiddenMarker } from "../text/hidden-marker.js";

/**
 * The hidden marker of a flaky-test issue opened from CI evidence:
 * `<!-- eng-health:flaky-ci {"check":"X","test":"…","occurrences":[…]} -->`,
 * the last line of its body. It names the key (how the issue is
 * found again: never by title) and keeps the recorded occurrences (how a
 * pair of runs is never recorded twice, how `min_occurrences` is counted
 * without memory, and what the weekly report sums).
 */
const KIND = "flaky-ci";

/** How every flaky-ci marker starts (search text for these issues). */
export const FLAKY_CI_MARKER_PREFIX = hiddenMarkerPrefix(KIND);

/**
 * The marker for an issue's evidence, keys in a fixed order.
 *
 * @returns one line, `<!-- eng-health:flaky-ci {json} -->`
 */
export function renderFlakyCiMarker(evidence: FlakyCiEvidence): string {
  return renderHiddenMarker(KIND, {
    check: evidence.check,
    ...(evidence.test === undefined ? {} : { test: evidence.test }),
    ...(evidence.path === undefined ? {} : { path: evidence.path }),
    ...(evidence.pending ? { pending: true } : {}),
    occurrences: evidence.occurrences,
    ...(evidence.earlier ? { earlier: evidence.earlier } : {}),
  });
}

/**
 * Read the evidence from an issue body (the last flaky-ci marker wins).
 * Occurrences that are not well-formed are dropped one by one; a marker
 * without a check name is no marker.
 *
 * @param body the issue body (`""` for none)
 * @returns the evidence, or null when there is no readable marker. Never throws.
 */
export function parseFlakyCiMarker(body: string): FlakyCiEvidence | null {
  const data = parseHiddenMarker(body, KIND);
  if (!isRecord(data) || typeof data.check !== "string" || data.check === "") return null;
  const occurrences = Array.isArray(data.occurrences) ? data.occurrences.flatMap((item) => readOccurrence(item)) : [];
  const earlier = isRecord(data.earlier) && isCount(data.earlier.count) && isMinutes(data.earlier.minutes)
    ? { count: data.earlier.count, minutes: data.earlier.minutes }
    : undefined;
  return {
    check: data.check,
    ...(typeof data.test === "string" && data.test !== "" ? { test: data.test } : {}),
    ...(typeof data.path === "string" && data.path !== "" ? { path: data.path } : {}),
    ...(data.pending === true ? { pending: true } : {}),
    occurrences,
    ...(earlier ? { earlier } : {}),
  };
}

/** One string per key, for maps: the check and the test (or none). */
export function flakyCiKeyId(key: FlakyCiKey): string {
  return JSON.stringify([key.check, key.test ?? null]);
}

/** The identity of an occurrence: its failed and passing run ids. */
export function occurrencePair(occurrence: Pick<FlakyOccurrenceRecord, "failed" | "passed">): string {
  return `${occurrence.failed}-${occurrence.passed}`;
}

function readOccurrence(item: unknown): FlakyOccurrenceRecord[] {
  if (!isRecord(item)) return [];
  const { at, sha, pr, branch, failed, passed, failures, minutes, tests } = item;
  if (typeof at !== "string" || typeof sha !== "string" || !isId(failed) || !isId(passed) || !isMinutes(minutes)) return [];
  if (Number.isNaN(Date.parse(at))) return [];
  return [
    {
      at,
      sha,
      ...(isId(pr) ? { pr } : {}),
      ...(typeof branch === "string" && branch !== "" ? { branch } : {}),
      failed,
      passed,
      ...(isCount(failures) && failures > 1 ? { failures } : {}),
      minutes,
      ...(Array.isArray(tests) && tests.every((test) => typeof test === "string") ? { tests: tests as string[] } : {}),
    },
  ];
}

function isId(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

function isMinutes(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
