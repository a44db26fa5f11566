import type { Context } from "probot";
import { detectFlakyOccurrence } from "../flaky/detect-flaky-occurrence.js";
import { isIgnoredCheck } from "../flaky/is-ignored-check.js";
import type { OccurrencePlace } from "../flaky/record-flaky-occurrence.js";
import { gatherCheckRunsForSha, toCheckRunFact, type CheckRunPayload } from "../github/gather-check-runs-for-sha.js";
import { loadConfig } from "../github/load-config.js";
import { recordFlakyCiOccurrence } from "./record-flaky-ci-occurrence.js";
import type { Services } from "./services.js";

type CompletedPayload = Context<"check_run.completed">["payload"];

/** The part of a `check_run` payload this handler reads. */
interface CompletedCheckRun extends CheckRunPayload {
  pull_requests?: Array<{ number: number; base?: { repo?: { id?: number } } }>;
  check_suite?: { head_branch?: string | null } | null;
}

/**
 * Handle a `check_run.completed` delivery: flaky tests found from CI
 * evidence (issue 14; README, "Flaky tests found from CI"). A check run of
 * another app that passed, on a commit where the same check failed or timed
 * out before, is a flaky occurrence; it opens or updates the flaky-test
 * issue of the check, or of each failing test its annotations name.
 *
 * Stages and requests: a run that did not pass, or is eng-health's own
 * (`APP_ID`), costs nothing; otherwise the config (1, conditional); with
 * `flaky.from_checks: off`, an ignored name (`flaky.ignore_checks`) or
 * eng-health's check name, nothing more; then the check's runs on the commit
 * (1). Only an occurrence goes on, under the lock of its repository and
 * check (`services.locks`), to `recordFlakyCiOccurrence`: the check's issues
 * (1), and for a pair of runs not yet recorded the failed run's annotations
 * (1) and one write per issue.
 *
 * A malformed payload is logged with its delivery id and ignored.
 */
export async function handleCheckRunCompleted(context: Context<"check_run.completed">, services: Services): Promise<void> {
  const payload = context.payload as Partial<CompletedPayload>;
  const run = payload.check_run as Partial<CompletedCheckRun> | undefined;
  const repository = payload.repository;
  if (!run || !repository || typeof run.id !== "number" || typeof run.name !== "string" || typeof run.head_sha !== "string") {
    context.log.warn({ deliveryId: context.id, event: context.name }, "eng-health: malformed payload, no check run; ignored");
    return;
  }
  if (run.conclusion !== "success") return; // only a pass can reveal a flaky occurrence
  if (services.appId !== undefined && run.app?.id === services.appId) return; // eng-health's own run

  const owner = repository.owner.login;
  const repo = repository.name;
  const { config } = await loadConfig(context.octokit, { owner, repo }, services.configCache);
  if (config.flaky.from_checks === "off" || run.name === config.checks.name || isIgnoredCheck(run.name, config.flaky.ignore_checks)) return;

  const passed = toCheckRunFact(run as CompletedCheckRun);
  const runs = await gatherCheckRunsForSha(context.octokit, { owner, repo, headSha: passed.headSha, name: passed.name });
  const occurrence = detectFlakyOccurrence(passed, runs, { ...(services.appId !== undefined ? { appId: services.appId } : {}), name: config.checks.name });
  if (occurrence === null) return;

  const lockKey = `flaky-ci:${owner}/${repo}`.toLowerCase() + `:${passed.name}`;
  const outcome = await services.locks.withLock(lockKey, () =>
    recordFlakyCiOccurrence(
      context.octokit,
      { owner, repo, repoUrl: repository.html_url, occurrence, place: placeOf(run as CompletedCheckRun, repository.id), config },
      services,
    ),
  );
  const log = { deliveryId: context.id, owner, repo, check: passed.name, headSha: passed.headSha, passedRun: passed.id, failedRun: occurrence.failedRuns.at(-1)?.id };
  if (!outcome.recorded) {
    context.log.info(log, "eng-health: flaky occurrence already recorded");
    return;
  }
  context.log.info({ ...log, issues: outcome.issues }, "eng-health: flaky occurrence recorded");
}

/** The pull request (of this repository, not a fork's base) the run belongs to, else its branch. */
function placeOf(run: CompletedCheckRun, repositoryId: number): OccurrencePlace {
  const pr = (run.pull_requests ?? []).find((candidate) => candidate.base?.repo?.id === undefined || candidate.base.repo.id === repositoryId);
  if (pr !== undefined) return { pr: pr.number };
  const branch = run.check_suite?.head_branch;
  return typeof branch === "string" && branch !== "" ? { branch } : {};
}
