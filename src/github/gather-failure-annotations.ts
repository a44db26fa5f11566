import { REST_MAX_PER_PAGE } from "../model/github-limits.js";
import type { CheckAnnotationFact } from "../model/flaky-ci.js";
import type { RepoRef } from "../model/repo-ref.js";
import type { GitHubClient } from "./github-client.js";

/**
 * A failed run's annotations, in one request:
 * `GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations?per_page=100`
 * (REST docs, "List check run annotations"). The first 100 are read: GitHub
 * Actions keeps at most 10 error annotations per step and 50 per job
 * ("Workflow commands for GitHub Actions"), and test reporters stay well
 * below that.
 *
 * @param input the repository and the check run's id
 * @returns path, line, level and title of each annotation
 * @throws the client's `RequestError`
 */
export async function gatherFailureAnnotations(client: GitHubClient, input: RepoRef & { checkRunId: number }): Promise<CheckAnnotationFact[]> {
  const response = await client.request("GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations", {
    owner: input.owner,
    repo: input.repo,
    check_run_id: input.checkRunId,
    per_page: REST_MAX_PER_PAGE,
  });
  return response.data.map((annotation) => ({
    path: annotation.path,
    startLine: annotation.start_line,
    level: annotation.annotation_level ?? "",
    title: annotation.title ?? null,
  }));
}
