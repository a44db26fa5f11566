import { REST_MAX_PER_PAGE } from "../model/github-limits.js";
import type { CheckRunFact } from "../model/flaky-ci.js";
import type { RepoRef } from "../model/repo-ref.js";
import type { GitHubClient } from "./github-client.js";

/** A check run in the shape the REST API and the `check_run` webhook share (the fields read). */
export interface CheckRunPayload {
  id: number;
  name: string;
  head_sha: string;
  status: string | null;
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  app?: { id?: number | null } | null;
}

/**
 * A REST or webhook check run as a {@link CheckRunFact}.
 *
 * @param run `check_run` from a webhook payload or a REST response
 */
export function toCheckRunFact(run: CheckRunPayload): CheckRunFact {
  return {
    id: Number(run.id),
    name: run.name,
    headSha: run.head_sha,
    status: run.status ?? "",
    conclusion: run.conclusion,
    startedAt: run.started_at,
    completedAt: run.completed_at,
    appId: typeof run.app?.id === "number" ? run.app.id : null,
  };
}

/**
 * Every run of one check on one commit, in one request:
 * `GET /repos/{owner}/{repo}/commits/{ref}/check-runs?check_name=NAME&filter=all&per_page=100`
 * (REST docs, "List check runs for a Git reference": `filter=all` returns
 * every run, not only the latest of each name). More than 100 runs of one
 * check on one commit are not read.
 *
 * @param input the repository, the head SHA and the check's name
 * @returns the runs, as GitHub lists them
 * @throws the client's `RequestError`
 */
export async function gatherCheckRunsForSha(client: GitHubClient, input: RepoRef & { headSha: string; name: string }): Promise<CheckRunFact[]> {
  const response = await client.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    owner: input.owner,
    repo: input.repo,
    ref: input.headSha,
    check_name: input.name,
    filter: "all",
    per_page: REST_MAX_PER_PAGE,
  });
  return response.data.check_runs.map((run) => toCheckRunFact(run as CheckRunPayload));
}
