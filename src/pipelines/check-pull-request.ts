import { renderEvaluationFailure } from "../check-run/render-evaluation-failure.js";
import { findCheckRunByName } from "../github/find-check-run.js";
import { upsertCheckRun, type CheckRunWriteResult } from "../publish/upsert-check-run.js";
import { pullRequestLockKey } from "../publish/keyed-lock.js";
import { CONFIG_REFERENCE_URL, DEFAULT_CONFIG } from "../config/schema.js";
import { requestMeter } from "../github/count-requests.js";
import type { GitHubClient } from "../github/github-client.js";
import { loadConfig, type LoadedConfig } from "../github/load-config.js";
import type { PullRequestPayload } from "../github/pull-request-payload.js";
import { nudgeIfDue } from "../publish/nudge-if-due.js";
import type { Log } from "../model/log.js";
import type { Services } from "./services.js";
import { httpStatus } from "../github/http-status.js";
import { failedRequest, retryTransient, TRANSIENT_ATTEMPTS } from "../github/retry-transient.js";
import { gatherAndEvaluate } from "./gather-and-evaluate.js";
import type { GatheredPullRequest } from "../github/gather-pull-request-facts.js";
import type { PullRequestEvaluation } from "../check-run/evaluate-pull-request.js";

/** One PR to check, and the delivery that asked for it. */
export interface CheckTarget {
  owner: string;
  repo: string;
  pr: PullRequestPayload;
  /** The webhook action (e.g. `opened`), when there is one. */
  action?: string;
  /** The `X-GitHub-Delivery` id, for logs and the failure message. */
  deliveryId: string;
}

/** What happened, for logs and tests. */
export interface CheckOutcome {
  conclusion: string;
  checkRunId: number | null;
  created: boolean;
  /** GitHub requests made for this check (besides the installation token), as `countRequests` counts them. */
  apiCalls: number;
}

/** The first stages of a PR check: the config read, the gathered facts and the evaluation. */
export interface EvaluatedCheckTarget {
  loaded: LoadedConfig;
  gathered: GatheredPullRequest;
  evaluation: PullRequestEvaluation;
}

/**
 * The judge stages of a PR check, shared by the app and the GitHub Action:
 * with the config already read from the default branch (`loadConfig`, read
 * first so a failure here can still name the run by `checks.name`), gather the
 * PR's facts and evaluate every rule (`gatherAndEvaluate`). Writes nothing.
 *
 * @param target the PR and its repository; `action` is the webhook action, when there is one
 * @param deps `services` (caches, clock `now`, the app id) and the `loaded` config
 * @returns the config, the facts (with the existing run's id) and the evaluation
 * @throws the client's errors while reading
 */
export async function evaluateCheckTarget(
  client: GitHubClient,
  target: Omit<CheckTarget, "deliveryId">,
  deps: { services: Services; loaded: LoadedConfig },
): Promise<EvaluatedCheckTarget> {
  const { owner, repo, pr } = target;
  const { services, loaded } = deps;
  const { gathered, evaluation } = await gatherAndEvaluate(client, {
    owner,
    repo,
    pr,
    loaded,
    ...(target.action !== undefined ? { action: target.action } : {}),
    now: services.now().toISOString(),
    snapshotCache: services.snapshotCache,
    ...(services.appId !== undefined ? { appId: services.appId } : {}),
  });
  return { loaded, gathered, evaluation };
}

/**
 * Write an evaluation's check run on the PR's head SHA (`upsertCheckRun`:
 * created, or updated when `gathered` found one), completed with its conclusion.
 *
 * @param input the repository, the head SHA and the evaluated target;
 *   `existingId` replaces the run the gather stage found (a retry looks it up again)
 * @returns the run's id and whether it was created
 * @throws the client's `RequestError` when GitHub refuses the write (403 for a read-only token)
 */
export async function writeCheckRun(
  client: GitHubClient,
  input: { owner: string; repo: string; headSha: string; evaluated: EvaluatedCheckTarget; existingId?: number | null },
): Promise<CheckRunWriteResult> {
  const { loaded, gathered, evaluation } = input.evaluated;
  return upsertCheckRun(client, {
    owner: input.owner,
    repo: input.repo,
    name: loaded.config.checks.name,
    headSha: input.headSha,
    existingId: input.existingId !== undefined ? input.existingId : gathered.existingCheckRunId,
    conclusion: evaluation.conclusion,
    output: evaluation.output,
    ...(evaluation.detailsUrl !== undefined ? { detailsUrl: evaluation.detailsUrl } : {}),
  });
}

/**
 * The run for a PR whose evaluation failed: `neutral`, with a plain-words
 * reason ({@link describeFailure}, never a stack trace), how to try again and
 * the delivery id when there is one; found by name and head SHA first, so a
 * run already there is updated rather than doubled.
 *
 * @param input the repository, the run's name (`checks.name`, or the default
 *   when the config could not be read), the head SHA, the error and the delivery id
 * @returns the run's id and whether it was created
 * @throws the client's `RequestError` when even this run cannot be written
 */
export async function writeEvaluationFailure(
  client: GitHubClient,
  input: { owner: string; repo: string; name: string; headSha: string; error: unknown; deliveryId?: string; attempts?: number },
): Promise<CheckRunWriteResult> {
  const { owner, repo, name, headSha } = input;
  const output = renderEvaluationFailure({
    reason: describeFailure(input.error, input.attempts),
    ...(input.deliveryId !== undefined ? { deliveryId: input.deliveryId } : {}),
    referenceUrl: CONFIG_REFERENCE_URL,
  });
  const existingId = await findCheckRunByName(client, { owner, repo, name, headSha });
  return upsertCheckRun(client, { owner, repo, name, headSha, existingId, conclusion: "neutral", output });
}

/**
 * The check-run pipeline for one PR: load the config from the default branch,
 * gather facts, evaluate the rules (pure), and write the run once, keyed by
 * head SHA. Costs 4 requests on a typical PR with a warm cache: config, files,
 * one GraphQL lookup, one write.
 *
 * Transient faults (5xx, a refused installation token, rate limits) are
 * retried per stage (`retryTransient`: 3 attempts, `retry-after` and
 * `x-ratelimit-reset` honoured), each retry logged with the delivery id; the
 * write is retried with the evaluated output kept, looking the run up again
 * first so a create that failed but happened is updated, never doubled. When
 * a stage still fails, the error is logged with the delivery id and the run is
 * written `neutral` with a plain explanation naming the request that failed,
 * so it is never left missing or `in_progress`.
 *
 * One writer per PR: the whole pipeline runs holding the PR's lock
 * (`services.locks`, keyed `pr:owner/repo#n`; in this process, or in Redis
 * across replicas), so events GitHub sends together (`opened`, `labeled`,
 * `review_requested`) are checked one after another and the later ones find
 * the run the first one wrote.
 *
 * @throws only when even the explanatory run cannot be written (Probot then logs it)
 */
export async function checkPullRequest(
  client: GitHubClient,
  target: CheckTarget,
  deps: { services: Services; log: Log },
): Promise<CheckOutcome> {
  const key = pullRequestLockKey({ owner: target.owner, repo: target.repo, number: target.pr.number });
  return deps.services.locks.withLock(key, () => checkPullRequestHoldingLock(client, target, deps));
}

/** {@link checkPullRequest} once the PR's lock is held: the run is looked up only now, so concurrent events never both create one. */
async function checkPullRequestHoldingLock(
  client: GitHubClient,
  target: CheckTarget,
  deps: { services: Services; log: Log },
): Promise<CheckOutcome> {
  const { owner, repo, pr, deliveryId } = target;
  const log = deps.log;
  let checkName = DEFAULT_CONFIG.checks.name;
  const calls = requestMeter(client);
  const retrying = <T>(stage: string, task: (attempt: number) => Promise<T>): Promise<T> =>
    retryTransient(task, {
      now: deps.services.now,
      onRetry: ({ error, attempt, delayMs }) =>
        log.warn(
          { deliveryId, owner, repo, pull: pr.number, stage, attempt, delayMs, status: httpStatus(error), request: failedRequest(error) },
          `eng-health: GitHub failed for a moment while the check run was ${stage}; trying again in ${delayMs} ms`,
        ),
    });
  try {
    const loaded = await retrying("read", () => loadConfig(client, { owner, repo }, deps.services.configCache));
    checkName = loaded.config.checks.name;
    const evaluated = await retrying("read", () => evaluateCheckTarget(client, target, { services: deps.services, loaded }));
    const { gathered, evaluation } = evaluated;
    // The evaluated output is kept across attempts; a later attempt looks the run up again first.
    const written = await retrying("written", async (attempt) =>
      writeCheckRun(client, {
        owner,
        repo,
        headSha: pr.head.sha,
        evaluated,
        ...(attempt > 1 ? { existingId: await findCheckRunByName(client, { owner, repo, name: checkName, headSha: pr.head.sha }) } : {}),
      }),
    );
    log.info(
      { deliveryId, owner, repo, pull: pr.number, conclusion: evaluation.conclusion, checkRunId: written.id, created: written.created, apiCalls: calls() },
      "eng-health: check run written",
    );
    // `review.nudge: comment`: a PR past its review target with no review yet gets one comment (never throws).
    await nudgeIfDue(
      client,
      { owner, repo, facts: gathered.facts, review: loaded.config.review, result: evaluation.results.find((result) => result.id === "review") },
      { log, deliveryId, ledger: deps.services.comments },
    );
    return { conclusion: evaluation.conclusion, checkRunId: written.id, created: written.created, apiCalls: calls() };
  } catch (error) {
    log.error({ err: error, deliveryId, owner, repo, pull: pr.number }, "eng-health: could not evaluate the pull request");
    const written = await retrying("written", () =>
      writeEvaluationFailure(client, { owner, repo, name: checkName, headSha: pr.head.sha, error, deliveryId, attempts: TRANSIENT_ATTEMPTS }),
    );
    return { conclusion: "neutral", checkRunId: written.id, created: written.created, apiCalls: calls() };
  }
}

/**
 * A plain-words reason for a failed evaluation (no stack traces in a check
 * run), naming the request that failed (`METHOD /path`) and its status;
 * `attempts`, when given, is how many times it was tried.
 */
export function describeFailure(error: unknown, attempts?: number): string {
  const status = httpStatus(error);
  const request = failedRequest(error);
  const to = request === null ? "while checking this pull request" : `to \`${request}\``;
  const tries = attempts === undefined ? "" : `, after ${attempts} attempts`;
  if (status === 403 || status === 429) return `GitHub's rate limit was reached (HTTP ${status} ${to}${tries}).`;
  if (status === 401) return `GitHub refused the app's installation token (HTTP 401 ${to}${tries}).`;
  if (typeof status === "number" && status >= 500) return `GitHub answered with an error (HTTP ${status}) ${to}${tries}.`;
  if (typeof status === "number") return `GitHub refused a request (HTTP ${status} ${to}).`;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "TimeoutError" || name === "AbortError") return "A request to GitHub timed out.";
  return "An unexpected error stopped the evaluation.";
}
