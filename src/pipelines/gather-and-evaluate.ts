import { evaluatePullRequestOf, type PullRequestEvaluation } from "../check-run/evaluate-pull-request.js";
import type { ConfigResult } from "../config/config-result.js";
import { gatherPullRequestFacts, type GatherPullRequestInput, type GatheredPullRequest } from "../github/gather-pull-request-facts.js";
import type { GitHubClient } from "../github/github-client.js";

/**
 * Gather one PR's facts and evaluate every check-run rule on them: the part
 * the app and `eng-health check` share, so the CLI shows exactly what the app
 * would post.
 *
 * @param input the PR and its repository, the loaded config (`loadConfig`),
 *   and `gatherPullRequestFacts`' other options (action, now, caches, app id)
 * @returns the gathered facts (with the requests made and the existing run) and the evaluation
 * @throws the client's errors while gathering
 */
export async function gatherAndEvaluate(
  client: GitHubClient,
  input: Omit<GatherPullRequestInput, "config"> & { loaded: ConfigResult },
): Promise<{ gathered: GatheredPullRequest; evaluation: PullRequestEvaluation }> {
  const { loaded, ...gather } = input;
  const gathered = await gatherPullRequestFacts(client, { ...gather, config: loaded.config });
  const evaluation = evaluatePullRequestOf({
    owner: input.owner,
    repo: input.repo,
    facts: gathered.facts,
    config: loaded.config,
    configErrors: loaded.errors,
    proposedConfigText: gathered.proposedConfigText,
  });
  return { gathered, evaluation };
}
