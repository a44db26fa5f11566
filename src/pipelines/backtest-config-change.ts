import { isDeepStrictEqual } from "node:util";
import { backtestPeriod, DEFAULT_BACKTEST_WEEKS } from "../backtest/backtest-period.js";
import { renderConfigImpact } from "../backtest/render-config-impact.js";
import { CONFIG_PATH, type Config } from "../config/schema.js";
import { validateConfig } from "../config/validate-config.js";
import type { GitHubClient } from "../github/github-client.js";
import { httpStatus } from "../github/http-status.js";
import { loadProposedConfig } from "../github/load-proposed-config.js";
import type { RepoRef } from "../model/repo-ref.js";
import { backtestRepository } from "./backtest-repository.js";

/** Inputs of {@link backtestConfigChange}. */
export interface BacktestConfigChangeInput extends RepoRef {
  /** The config in effect on the default branch. */
  current: Config;
  /** The PR's own `.github/eng-health.yml` at its head (`gatherProposedConfig`), or null when the PR does not change it. */
  proposedConfigText: string | null;
  /** ISO instant of evaluation: the period is the last complete weeks before it. */
  now: string;
}

/**
 * The PR-check stage "What this change would have done" (README, "A PR that
 * changes the config"): for a PR whose own `.github/eng-health.yml` is valid,
 * the backtest of that config against the current one over the PRs merged in
 * the last {@link DEFAULT_BACKTEST_WEEKS} complete ISO weeks (in the current
 * `report.timezone`), rendered for the check run's summary.
 *
 * - No proposed file, or one with errors (the run lists those): `null`, no request.
 * - The proposed file, with what it `_extends` read from GitHub (one request
 *   per `_extends`), has the same settings in effect as the current config:
 *   a line saying so, and no collection request.
 * - Otherwise the collection costs ceil(N/100) requests for N merged PRs.
 *   When GitHub cannot be read for it (an HTTP error, GraphQL errors), the
 *   section says so and the rest of the check run is written as usual.
 *
 * @returns the markdown section, or `null` when there is none to show
 * @throws any other error (a bug: the pipeline logs it with the delivery id)
 */
export async function backtestConfigChange(client: GitHubClient, input: BacktestConfigChangeInput): Promise<string | null> {
  const text = input.proposedConfigText;
  if (text === null) return null;
  if (validateConfig([{ path: CONFIG_PATH, text }]).errors.length > 0) return null;
  try {
    const proposed = await loadProposedConfig(client, input, text);
    if (isDeepStrictEqual(proposed.config, input.current)) return renderConfigImpact({ kind: "unchanged" });
    const period = backtestPeriod({ now: input.now, timezone: input.current.report.timezone, weeks: DEFAULT_BACKTEST_WEEKS });
    const backtest = await backtestRepository(client, { owner: input.owner, repo: input.repo, period, current: input.current, proposed: proposed.config });
    return renderConfigImpact({ kind: "compared", backtest, period });
  } catch (error) {
    const reason = unreadable(error);
    if (reason === null) throw error;
    return renderConfigImpact({ kind: "unavailable", reason });
  }
}

/** One sentence for an error GitHub answered with (HTTP status, or GraphQL errors), else null: a bug, for the pipeline's error boundary. */
function unreadable(error: unknown): string | null {
  const status = httpStatus(error);
  if (status !== null) return `GitHub answered HTTP ${status} while the merged pull requests were read.`;
  // @octokit/graphql's error for a 200 answer carrying `errors` (told apart by name, never by message).
  if ((error as { name?: unknown } | null)?.name === "GraphqlResponseError") return "GitHub's search answered with an error while the merged pull requests were read.";
  return null;
}
