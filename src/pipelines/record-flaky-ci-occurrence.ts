import type { Config } from "../config/schema.js";
import { attributeFlakyOccurrence, type FailingTest } from "../flaky/attribute-flaky-occurrence.js";
import type { FlakyOccurrence } from "../flaky/detect-flaky-occurrence.js";
import { flakyCiKeyId, occurrencePair } from "../flaky/flaky-ci-marker.js";
import { planFlakyCiIssue, type ExistingFlakyCiIssue } from "../flaky/plan-flaky-ci-issue.js";
import { hasOccurrence, toOccurrenceRecord, type OccurrencePlace } from "../flaky/record-flaky-occurrence.js";
import { findFlakyCiIssues, findPendingFlakyCiIssues, readFlakyCiIssue } from "../github/find-flaky-ci-issues.js";
import { gatherFailureAnnotations } from "../github/gather-failure-annotations.js";
import type { GitHubClient } from "../github/github-client.js";
import { httpStatus } from "../github/http-status.js";
import type { FlakyCiKey } from "../model/flaky-ci.js";
import type { RepoRef } from "../model/repo-ref.js";
import { writeFlakyCiIssue, type WrittenFlakyCiIssue } from "../publish/write-flaky-ci-issue.js";
import type { Services } from "./services.js";

/** Inputs of {@link recordFlakyCiOccurrence}. */
export interface RecordOccurrenceInput extends RepoRef {
  /** The repository's web address (links in the issue). */
  repoUrl: string;
  occurrence: FlakyOccurrence;
  /** The pull request or branch of the commit, from the payload. */
  place: OccurrencePlace;
  /** `flaky` (label, min_occurrences) and `tests.tests` (which annotations name tests) are read. */
  config: Pick<Config, "flaky" | "tests">;
}

/** What {@link recordFlakyCiOccurrence} did: nothing (already recorded), or one write per key. */
export type RecordedOccurrence = { recorded: false } | { recorded: true; issues: Array<FlakyCiKey & WrittenFlakyCiIssue> };

/**
 * The gather → attribute → plan → publish stages for one flaky occurrence,
 * to be run under the lock of its repository and check (the caller's):
 *
 * 1. find the check's flaky-ci issues (`findFlakyCiIssues`, one request;
 *    with `min_occurrences` above 1 also the pending ones, one search);
 * 2. when every issue the occurrence belongs to already records its pair
 *    of runs, stop: a redelivery or the other run's event adds nothing;
 * 3. read the failed run's annotations (one request) and attribute the
 *    occurrence to the failing tests they name, else to the check;
 * 4. for each key, plan the change (`planFlakyCiIssue`) and write it (one
 *    create or update; a pending issue also one read, for a fresh body).
 *
 * @returns whether anything was recorded, and the writes per key
 * @throws the client's `RequestError`
 */
export async function recordFlakyCiOccurrence(client: GitHubClient, input: RecordOccurrenceInput, services: Pick<Services, "recentFlakyIssues">): Promise<RecordedOccurrence> {
  const { owner, repo, occurrence, config } = input;
  const check = occurrence.check;
  const lastFailed = occurrence.failedRuns.at(-1);
  if (lastFailed === undefined) return { recorded: false };
  const pair = occurrencePair({ failed: lastFailed.id, passed: occurrence.passed.id });
  const waits = config.flaky.min_occurrences > 1;

  const labelled = await findFlakyCiIssues(client, { owner, repo, label: config.flaky.label, check });
  const pending = waits ? await findPendingFlakyCiIssues(client, { owner, repo, check }) : [];
  if (alreadyRecorded([...labelled, ...pending], pair)) return { recorded: false };

  const annotations = await gatherFailureAnnotations(client, { owner, repo, checkRunId: lastFailed.id });
  const tests = attributeFlakyOccurrence(annotations, config.tests.tests);
  const record = toOccurrenceRecord(occurrence, input.place, tests.map((test) => test.name));
  const targets: Array<{ key: FlakyCiKey; path?: string }> =
    tests.length === 0 ? [{ key: { check } }] : tests.map((test: FailingTest) => ({ key: { check, test: test.name }, path: test.path }));

  const issues: Array<FlakyCiKey & WrittenFlakyCiIssue> = [];
  for (const target of targets) {
    const recentKey = `${owner}/${repo}`.toLowerCase() + flakyCiKeyId(target.key);
    const existing =
      pick(labelled, target.key) ?? (waits ? await freshPending(client, { owner, repo }, pick(pending, target.key)?.number ?? services.recentFlakyIssues.get(recentKey)) : null);
    const change = planFlakyCiIssue({
      key: target.key,
      ...(target.path === undefined ? {} : { path: target.path }),
      existing,
      record,
      flaky: config.flaky,
      repoUrl: input.repoUrl,
    });
    const written = await writeFlakyCiIssue(client, {
      owner,
      repo,
      change,
      lookUp: async () => {
        const again =
          change.kind === "create" && change.pending
            ? await findPendingFlakyCiIssues(client, { owner, repo, check })
            : await findFlakyCiIssues(client, { owner, repo, label: config.flaky.label, check });
        const found = pick(again, target.key);
        return found ? { number: found.number, html_url: found.htmlUrl } : null;
      },
    });
    if (written.number !== null && change.kind !== "none") {
      if (change.pending) services.recentFlakyIssues.set(recentKey, written.number);
      else services.recentFlakyIssues.delete(recentKey);
    }
    issues.push({ ...target.key, ...written });
  }
  return { recorded: true, issues };
}

/**
 * True when the pair is recorded, and recorded for every test the
 * occurrence was attributed to (a process stopped between two writes leaves
 * the rest to the redelivery).
 */
function alreadyRecorded(issues: readonly ExistingFlakyCiIssue[], pair: string): boolean {
  const holding = issues.filter((issue) => hasOccurrence(issue.evidence, pair));
  const first = holding[0];
  if (first === undefined) return false;
  const recorded = first.evidence.occurrences.find((occurrence) => occurrencePair(occurrence) === pair);
  const tests = recorded?.tests ?? [first.evidence.test];
  return tests.every((test) => holding.some((issue) => issue.evidence.test === test));
}

/** The key's issue among those found: open before closed, then most recently updated (the listing's order). */
function pick(issues: readonly ExistingFlakyCiIssue[], key: FlakyCiKey): ExistingFlakyCiIssue | undefined {
  const matching = issues.filter((issue) => issue.evidence.check === key.check && issue.evidence.test === key.test);
  return matching.find((issue) => issue.state === "open") ?? matching[0];
}

/** A pending issue read again by number (the search's copy may be stale), or null (gone, or no longer pending). */
async function freshPending(client: GitHubClient, repo: RepoRef, number: number | undefined): Promise<ExistingFlakyCiIssue | null> {
  if (number === undefined) return null;
  try {
    const issue = await readFlakyCiIssue(client, { ...repo, number });
    return issue !== null && issue.evidence.pending === true ? issue : null;
  } catch (error) {
    // A deleted or transferred issue: start afresh rather than fail the occurrence.
    if (httpStatus(error) === 404 || httpStatus(error) === 410) return null;
    throw error;
  }
}
