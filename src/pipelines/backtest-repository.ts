import type { BacktestPeriod } from "../backtest/backtest-period.js";
import { evaluateBacktest, type Backtest } from "../backtest/evaluate-backtest.js";
import type { Config } from "../config/schema.js";
import { gatherReportFacts } from "../github/gather-report-facts.js";
import type { GitHubClient } from "../github/github-client.js";
import type { RepoRef } from "../model/repo-ref.js";

/** Inputs of {@link backtestRepository}. */
export interface BacktestRepositoryInput extends RepoRef {
  /** The weeks to judge (`backtestPeriod`). */
  period: BacktestPeriod;
  /** The config in effect (`loadConfig`). */
  current: Config;
  /** The proposed config (`loadProposedConfig`), or `null` for the current one alone. */
  proposed: Config | null;
  /** Progress lines while collecting (the CLI writes them to stderr). */
  onProgress?: (message: string) => void;
}

/**
 * The backtest of one repository in two stages: gather the PRs merged in the
 * period with the weekly report's collection (`gatherReportFacts`,
 * `population: "merged"`: one GraphQL request per 100 PRs, the PR template,
 * CODEOWNERS and `.gitattributes` riding along in the first; the reviewers'
 * teams read when either config sets `review.require_owner`, so a proposed
 * `require_owner: true` is judged with them), then evaluate both configs on
 * them (`evaluateBacktest`, pure).
 *
 * Requests: ceil(N/100) for N merged PRs, at least 1 (a search continuing
 * past GitHub's 1,000-result cap reads its boundary result again, which
 * rarely adds a page); the config reads are the caller's.
 *
 * @throws the client's errors while gathering
 */
export async function backtestRepository(client: GitHubClient, input: BacktestRepositoryInput): Promise<Backtest> {
  const { owner, repo, period } = input;
  const requireOwner = input.current.review.require_owner || input.proposed?.review.require_owner === true;
  const label = period.firstWeek === period.lastWeek ? period.firstWeek : `${period.firstWeek}..${period.lastWeek}`;
  const facts = await gatherReportFacts(client, {
    owner,
    repo,
    window: { week: label, start: period.from, end: period.to },
    config: { flaky: input.current.flaky, review: { ...input.current.review, require_owner: requireOwner } },
    population: "merged",
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  return evaluateBacktest({ facts, period, current: input.current, proposed: input.proposed });
}
