import { CONFIG_PATH } from "../config/schema.js";
import type { RepoRef } from "../model/repo-ref.js";
import { loadConfig, type ContentRequestOptions, type ContentResponse, type LoadedConfig, type OctokitLike } from "./load-config.js";

/**
 * The config a repository would have with `text` as its own
 * `.github/eng-health.yml`: {@link loadConfig}, with the request for that file
 * answered by `text` instead of the default branch, so what it `_extends`
 * (the organisation's `.github` repository, another repository) is read from
 * GitHub and merged exactly as it would be once the file is merged. The
 * backtest judges past PRs with this.
 *
 * Requests: none for the file itself; one per `_extends` it (or what it
 * extends) names.
 *
 * @param octokit an authenticated client
 * @param repo the repository the file is proposed for
 * @param text the proposed file's raw YAML (a PR's version, or `--config FILE`)
 * @returns the validated config, its errors (a problem in the proposed file is
 *   named `.github/eng-health.yml`) and the files that contributed
 * @throws the client's error for anything but a 404 while reading what it extends
 */
export async function loadProposedConfig(octokit: OctokitLike, repo: RepoRef, text: string): Promise<LoadedConfig> {
  const request = async (options: ContentRequestOptions): Promise<ContentResponse> => {
    const own = options.owner === repo.owner && options.repo === repo.repo && options.path === CONFIG_PATH && options.ref === undefined;
    // What GitHub answers for a raw file, minus the ETag: the text as it would be on the default branch.
    if (own) return { data: text, headers: { "content-type": "text/plain; charset=utf-8" } };
    return octokit.request(options);
  };
  return loadConfig({ request: Object.assign(request, { endpoint: octokit.request.endpoint }) }, repo);
}
