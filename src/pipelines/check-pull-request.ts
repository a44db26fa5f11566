import { renderEvaluationFailure } from "../check-run/render-evaluation-failure.js";
import { findCheckRunByName } from "../github/find-check-run.js";
import { upsertCheckRun } from "../publish/upsert-check-run.js";
import { pullRequestLockKey } from "../publish/keyed-lock.js";
import { CONFIG_REFERENCE_URL, DEFAULT_CONFIG } from "../config/schema.js";
import { requestMeter } from "../github/count-requests.js";
import type { GitHubClient } from "../github/github-client.js";
import { loadConfig } from "../github/load-config.js";
import type { PullRequestPayload } from "../github/pull-request-payload.js";
import { nudgeIfDue } from "../publish/nudge-if-due.js";
import type { Log } from "../model/log.js";
import type { Services } from "./services.js";
import { httpStatus } from "../github/http-status.js";
import { gatherAndEvaluate } from "./gather-and-evaluate.js";

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

/**
 * The check-run pipeline for one PR: load the config from the default branch,
 * gather facts, evaluate the rules (pure), and write the run once, keyed by
 * head SHA. Costs 4 requests on a typical PR with a warm cache: config, files,
 * one GraphQL lookup, one write.
 *
 * When anything fails after Octokit's retries, the error is logged with the
 * delivery id and the run is written `neutral` with a plain explanation, so it
 * is never left missing or `in_progress`.
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
  try {
    const loaded = await loadConfig(client, { owner, repo }, deps.services.configCache);
    checkName = loaded.config.checks.name;
    const { gathered, evaluation } = await gatherAndEvaluate(client, {
      owner,
      repo,
      pr,
      loaded,
      ...(target.action !== undefined ? { action: target.action } : {}),
      now: deps.services.now().toISOString(),
      snapshotCache: deps.services.snapshotCache,
      ...(deps.services.appId !== undefined ? { appId: deps.services.appId } : {}),
    });
    const written = await upsertCheckRun(client, {
      owner,
      repo,
      name: checkName,
      headSha: pr.head.sha,
      existingId: gathered.existingCheckRunId,
      conclusion: evaluation.conclusion,
      output: evaluation.output,
      ...(evaluation.detailsUrl !== undefined ? { detailsUrl: evaluation.detailsUrl } : {}),
    });
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
    const output = renderEvaluationFailure({ reason: describeFailure(error), deliveryId, referenceUrl: CONFIG_REFERENCE_URL });
    const existingId = await findCheckRunByName(client, { owner, repo, name: checkName, headSha: pr.head.sha });
    const written = await upsertCheckRun(client, {
      owner,
      repo,
      name: checkName,
      headSha: pr.head.sha,
      existingId,
      conclusion: "neutral",
      output,
    });
    return { conclusion: "neutral", checkRunId: written.id, created: written.created, apiCalls: calls() };
  }
}

/** A plain-words reason for a failed evaluation (no stack traces in a check run). */
function describeFailure(error: unknown): string {
  const status = httpStatus(error);
  if (status === 403 || status === 429) return "GitHub's rate limit was reached while reading this pull request.";
  if (typeof status === "number" && status >= 500) return `GitHub answered with an error (HTTP ${status}) while reading this pull request.`;
  if (typeof status === "number") return `GitHub refused a request while reading this pull request (HTTP ${status}).`;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "TimeoutError" || name === "AbortError") return "A request to GitHub timed out.";
  return "An unexpected error stopped the evaluation.";
}
