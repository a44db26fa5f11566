import { evaluatePullRequestOf, type PullRequestEvaluation } from "../check-run/evaluate-pull-request.js";
import type { ConfigResult } from "../config/config-result.js";
import { gatherPullRequestFacts, type GatherPullRequestInput, type GatheredPullRequest } from "../github/gather-pull-request-facts.js";
import type { GitHubClient } from "../github/github-client.js";
import { factsFromPayload, reviewFactsOnOpen } from "../github/pull-request-payload.js";
import { reviewFactsWanted } from "../review/review-facts-wanted.js";
import { backtestConfigChange } from "./backtest-config-change.js";

/**
 * Gather one PR's facts and evaluate every check-run rule on them: the part
 * the app and `eng-health check` share, so the CLI shows exactly what the app
 * would post.
 *
 * Stages: decide what to read (`reviewFactsWanted`, pure), gather
 * (`gatherPullRequestFacts`), fill in the review facts a just-opened PR has
 * from its payload, backtest a changed config (`backtestConfigChange`: only
 * on PRs that change `.github/eng-health.yml`), evaluate
 * (`evaluatePullRequestOf`, pure).
 *
 * @param input the PR and its repository, the loaded config (`loadConfig`),
 *   the webhook action, and `gatherPullRequestFacts`' other options (now, caches, app id)
 * @returns the gathered facts (with the existing run) and the evaluation
 * @throws the client's errors while gathering
 */
export async function gatherAndEvaluate(
  client: GitHubClient,
  input: Omit<GatherPullRequestInput, "config" | "includeReview"> & { loaded: ConfigResult; action?: string },
): Promise<{ gathered: GatheredPullRequest; evaluation: PullRequestEvaluation }> {
  const { loaded, action, ...gather } = input;
  const wanted = reviewFactsWanted(factsFromPayload(input.pr, input, input.now), loaded.config.review, action);
  const gathered = await gatherPullRequestFacts(client, { ...gather, config: loaded.config, includeReview: wanted.read });
  if (gathered.facts.review === undefined && wanted.matters) gathered.facts.review = reviewFactsOnOpen(input.pr, input.owner);
  const impact = await backtestConfigChange(client, { owner: input.owner, repo: input.repo, current: loaded.config, proposedConfigText: gathered.proposedConfigText, now: input.now });
  const evaluation = evaluatePullRequestOf({
    owner: input.owner,
    repo: input.repo,
    facts: gathered.facts,
    config: loaded.config,
    configErrors: loaded.errors,
    proposedConfigText: gathered.proposedConfigText,
    proposedConfigImpact: impact,
  });
  return { gathered, evaluation };
}
