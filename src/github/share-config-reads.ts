import type { ContentRequestOptions, ContentResponse, OctokitLike } from "./load-config.js";

/**
 * A client for {@link loadConfig} that reads each config file once however
 * many repositories ask for it: within one rollup, every repository without
 * a file of its own falls back to the organisation's `.github` repository,
 * and that file (or its absence) is fetched for the first and shared with
 * the rest. Answers, errors included (a 404 is "no file"), are kept by API
 * URL for the life of the returned client: make one per report, never keep
 * it, so a changed file applies to the next report.
 *
 * @param octokit the client to send the first read of each file with
 * @returns a client with the same `request` and `request.endpoint`
 */
export function shareConfigReads(octokit: OctokitLike): OctokitLike {
  const answers = new Map<string, Promise<ContentResponse>>();
  const request = (options: ContentRequestOptions): Promise<ContentResponse> => {
    const url = octokit.request.endpoint(options).url;
    let answer = answers.get(url);
    if (answer === undefined) {
      answer = octokit.request(options);
      answers.set(url, answer);
    }
    return answer;
  };
  return { request: Object.assign(request, { endpoint: octokit.request.endpoint }) };
}
