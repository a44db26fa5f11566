import type { GitHubClient } from "./github-client.js";
import type { RepoRef } from "../model/repo-ref.js";
import type { PullRequestPayload } from "./pull-request-payload.js";

/**
 * The open pull requests whose head is `headSha`, for a `check_run` or
 * `check_suite` rerequest. GitHub leaves `pull_requests` empty in those
 * payloads when the head branch lives in a fork, so the PR is found by SHA:
 * first `GET /repos/{owner}/{repo}/commits/{sha}/pulls`, then, if that knows
 * none, the search API (`is:pr SHA`), then each PR is read whole.
 *
 * @param knownNumbers PR numbers the payload already named (skips the lookup)
 * @returns full PR objects whose head is `headSha`, open first
 * @throws the client's `RequestError`
 */
export async function findPullRequestsForSha(
  client: GitHubClient,
  input: RepoRef & { headSha: string; knownNumbers: number[] },
): Promise<PullRequestPayload[]> {
  let numbers = input.knownNumbers;
  if (numbers.length === 0) {
    const associated = await client.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
      owner: input.owner,
      repo: input.repo,
      commit_sha: input.headSha,
      per_page: 10,
    });
    numbers = associated.data.filter((pr) => pr.head.sha === input.headSha).map((pr) => pr.number);
  }
  if (numbers.length === 0) {
    const found = await client.request("GET /search/issues", {
      q: `repo:${input.owner}/${input.repo} is:pr ${input.headSha}`,
      per_page: 10,
    });
    numbers = found.data.items.map((item) => item.number);
  }
  const pulls: PullRequestPayload[] = [];
  for (const number of [...new Set(numbers)].slice(0, 10)) {
    const response = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      owner: input.owner,
      repo: input.repo,
      pull_number: number,
    });
    if (response.data.head.sha === input.headSha) pulls.push(response.data as PullRequestPayload);
  }
  return pulls.sort((a, b) => Number(b.state === "open") - Number(a.state === "open"));
}
