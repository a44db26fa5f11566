import { refreshCheckRun } from "../check-run/refresh-check-run.js";
import { parseResultsMarker } from "../check-run/results-marker.js";
import { upsertCheckRun } from "../publish/upsert-check-run.js";
import { configFileUrl } from "../config/config-file-url.js";
import { CONFIG_REFERENCE_URL } from "../config/schema.js";
import { requestMeter } from "../github/count-requests.js";
import { gatherOpenPullRequests } from "../github/gather-open-pull-requests.js";
import type { GitHubClient } from "../github/github-client.js";
import type { RepoRef } from "../model/repo-ref.js";
import { loadConfig, type ConfigResponseCache } from "../github/load-config.js";
import type { Log } from "../model/log.js";
import { nudgeIfDue } from "../publish/nudge-if-due.js";
import { evaluateRules } from "../rules/evaluate-rules.js";
import { reviewRule } from "../rules/review.js";
import type { OnceLedger } from "../publish/comment-ledger.js";

/** Why a PR's check run was left alone by the sweep (it is brought up to date by its next event). */
export type SweepSkipReason = "no check run" | "no results marker" | "timeline over one page";

/** What {@link sweepRepository} did in one repository. */
export interface SweepOutcome {
  /** GitHub requests made (as `countRequests` counts them): config, pages of open PRs, check-run writes, nudge lookups and posts. */
  apiCalls: number;
  /** PRs whose check run was updated (their `review` status changed). */
  updated: number[];
  /** PRs that got the review nudge comment. */
  nudged: number[];
  /** PRs whose check run could not be checked cheaply, and why. */
  skipped: Array<{ number: number; reason: SweepSkipReason }>;
}

/**
 * The review sweep for one repository: bring the `review` result of every
 * open, non-draft PR's check run up to date as of `now`, and post due nudges.
 *
 * 1. Load the config from the default branch; stop when `review.level` is `off`.
 * 2. One GraphQL query per 100 open PRs (`gatherOpenPullRequests`): review
 *    facts, the head commit's check run with its summary, and (with
 *    `review.nudge: comment`) the last 100 comment bodies.
 * 3. Per PR, evaluate the `review` rule alone and compare its status with
 *    the one stored in the run's results marker. Unchanged: nothing is
 *    written. Changed: the stored results get the new review result, the
 *    conclusion is recomputed and the run is updated in place (one PATCH;
 *    the run's annotations stay). A PR with no run, no marker (it did not
 *    fit the summary) or a review timeline longer than one page is skipped
 *    and logged: its next event writes it in full.
 * 4. With `review.nudge: comment`, a PR waiting past its target with no
 *    first review gets the nudge comment once (the marker among its comments
 *    is checked first), whether or not its run changed.
 *
 * Cost: 1 request for the config (2 when the repository has none), 1 per 100
 * open PRs, 1 write per PR whose status changed, 1 post per nudge. Idempotent:
 * a second sweep finds the updated markers and the nudge marker, and writes
 * nothing. A PR that cannot be written is logged and the others go on.
 *
 * @param client the installation's client
 * @param repo the repository
 * @param deps `now`: instant of evaluation; `log`: where to log
 * @throws the client's error when the config or the PR list cannot be read
 */
export async function sweepRepository(
  client: GitHubClient,
  repo: RepoRef & { appId?: number },
  deps: { now: Date; log: Log; configCache?: ConfigResponseCache; ledger?: OnceLedger },
): Promise<SweepOutcome> {
  const { owner } = repo;
  // The installation's client serves every repository of the sweep: count from here.
  const calls = requestMeter(client);
  const outcome: Omit<SweepOutcome, "apiCalls"> = { updated: [], nudged: [], skipped: [] };
  const loaded = await loadConfig(client, { owner, repo: repo.repo }, deps.configCache);
  const config = loaded.config;
  if (config.review.level === "off") return { apiCalls: calls(), ...outcome };

  const nudge = config.review.nudge === "comment";
  const open = await gatherOpenPullRequests(client, {
    owner,
    repo: repo.repo,
    checkName: config.checks.name,
    includeComments: nudge,
    now: deps.now.toISOString(),
    ...(config.review.require_owner ? { reviewTeams: true } : {}),
    ...(repo.appId !== undefined ? { appId: repo.appId } : {}),
  });
  const configUrl = configFileUrl({ owner, repo: repo.repo });

  for (const pr of open.pullRequests) {
    const number = pr.facts.number;
    const context = { owner, repo: repo.repo, pull: number };
    if (!pr.timelineComplete) {
      outcome.skipped.push({ number, reason: "timeline over one page" });
      deps.log.info({ ...context, reason: "timeline over one page" }, "eng-health: review sweep left a check run alone; its next event updates it");
      continue;
    }
    const [review] = evaluateRules([reviewRule], pr.facts, config);
    try {
      const stored = pr.checkRun?.summary ? parseResultsMarker(pr.checkRun.summary) : null;
      if (pr.checkRun === null || stored === null) {
        // No run is common (PRs opened before the app was installed): debug. A run without a marker is worth seeing.
        const reason: SweepSkipReason = pr.checkRun === null ? "no check run" : "no results marker";
        outcome.skipped.push({ number, reason });
        const logAt = reason === "no check run" ? deps.log.debug : deps.log.info;
        logAt.call(deps.log, { ...context, reason }, "eng-health: review sweep left a check run alone; its next event updates it");
      } else if (review !== undefined) {
        const refreshed = refreshCheckRun({
          stored,
          fresh: review,
          configErrors: loaded.errors,
          configUrl,
          referenceUrl: CONFIG_REFERENCE_URL,
          mode: config.mode,
        });
        if (refreshed !== null) {
          const written = await upsertCheckRun(client, {
            owner,
            repo: repo.repo,
            name: config.checks.name,
            headSha: pr.facts.headSha,
            existingId: pr.checkRun.id,
            conclusion: refreshed.conclusion,
            output: refreshed.output,
            ...(refreshed.detailsUrl !== undefined ? { detailsUrl: refreshed.detailsUrl } : {}),
          });
          outcome.updated.push(number);
          deps.log.info(
            { ...context, checkRunId: written.id, review: review.status, conclusion: refreshed.conclusion },
            "eng-health: review sweep updated a check run",
          );
        }
      }
    } catch (error) {
      deps.log.error({ ...context, err: error }, "eng-health: review sweep could not update a check run");
    }
    if (nudge) {
      const nudged = await nudgeIfDue(
        client,
        { owner, repo: repo.repo, facts: pr.facts, review: config.review, result: review, knownComments: pr.comments },
        { log: deps.log, ...(deps.ledger ? { ledger: deps.ledger } : {}) },
      );
      if (nudged.posted) outcome.nudged.push(number);
    }
  }
  return { apiCalls: calls(), ...outcome };
}
