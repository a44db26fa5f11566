/**
 * Plain types of flaky tests found from CI evidence (README, "Flaky tests
 * found from CI"): the check runs and annotations the detection reads, and
 * the occurrences an issue records in its hidden marker.
 */

/**
 * A check run as the detection reads it: the REST "check run" object
 * (https://docs.github.com/rest/checks/runs#get-a-check-run), narrowed.
 */
export interface CheckRunFact {
  /** The check run's id (unique across GitHub, increasing over time). */
  id: number;
  /** The check's name, e.g. `test (ubuntu-latest)`. */
  name: string;
  /** The commit the run checked. */
  headSha: string;
  /** `queued`, `in_progress`, `completed`, … */
  status: string;
  /** `success`, `failure`, `timed_out`, `cancelled`, `neutral`, `skipped`, …; null while not completed. */
  conclusion: string | null;
  /** ISO instant the run started, when known. */
  startedAt: string | null;
  /** ISO instant the run completed, when known. */
  completedAt: string | null;
  /** The id of the GitHub App that made the run (GitHub Actions is app 15368), when known. */
  appId: number | null;
}

/**
 * A check run annotation: the REST "List check run annotations" item
 * (https://docs.github.com/rest/checks/runs#list-check-run-annotations), narrowed.
 */
export interface CheckAnnotationFact {
  /** Repository-relative path the annotation is on (`.github` for GitHub Actions' own messages). */
  path: string;
  /** 1-based line. */
  startLine: number;
  /** `notice`, `warning` or `failure`. */
  level: string;
  /** Test reporters put the failing test's name here; may be null or empty. */
  title: string | null;
}

/**
 * What a flaky occurrence is about: a check, or one test inside it. Each key
 * has one issue (its hidden marker names the key).
 */
export interface FlakyCiKey {
  /** The check run's name. */
  check: string;
  /** The failing test's name (an annotation's title, else `path:line`); absent for the check as a whole. */
  test?: string;
}

/**
 * One flaky occurrence as an issue records it (in its hidden marker): a run
 * of the check that failed or timed out, then a run that passed, on the same
 * head SHA. The pair of run ids is its identity: it is never recorded twice.
 */
export interface FlakyOccurrenceRecord {
  /** ISO instant the passing run completed (when the flakiness showed). */
  at: string;
  /** The head SHA both runs checked. */
  sha: string;
  /** The pull request the commit belongs to, when the payload named one. */
  pr?: number;
  /** The branch, when no pull request is known (a push to `main`, say). */
  branch?: string;
  /** The check run id of the (last) failed run. */
  failed: number;
  /** The check run id of the passing run. */
  passed: number;
  /** How many runs failed before this one passed, when more than one. */
  failures?: number;
  /** Minutes of CI the failed runs took (`completed_at - started_at`, summed), 1 decimal. */
  minutes: number;
  /** Every test the occurrence was attributed to, when it was more than one (each has its own issue). */
  tests?: string[];
}

/** The evidence an issue keeps in its hidden marker. */
export interface FlakyCiEvidence extends FlakyCiKey {
  /** The test's file, when an annotation named one that matches the test globs. */
  path?: string;
  /**
   * True while fewer than `flaky.min_occurrences` occurrences were seen: the
   * issue is closed and carries no flaky label yet.
   */
  pending?: boolean;
  /** The latest occurrences, oldest first (at most `MAX_RECORDED_OCCURRENCES`). */
  occurrences: FlakyOccurrenceRecord[];
  /** Occurrences dropped from `occurrences` to keep the body small: how many, and their minutes. */
  earlier?: { count: number; minutes: number };
}
