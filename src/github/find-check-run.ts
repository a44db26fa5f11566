import type { GitHubClient } from "./github-client.js";
import type { RepoRef } from "../model/repo-ref.js";

/**
 * The newest check run with `name` on `headSha`, by REST
 * (`GET /repos/{owner}/{repo}/commits/{ref}/check-runs`, one request), or null.
 *
 * @throws the client's `RequestError`
 */
export async function findCheckRunByName(
  client: GitHubClient,
  input: RepoRef & { name: string; headSha: string },
): Promise<number | null> {
  const response = await client.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    owner: input.owner,
    repo: input.repo,
    ref: input.headSha,
    check_name: input.name,
    filter: "latest",
    per_page: 1,
  });
  const run = response.data.check_runs[0];
  return run ? Number(run.id) : null;
}
