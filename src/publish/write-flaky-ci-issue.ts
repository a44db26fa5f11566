import type { GitHubClient } from "../github/github-client.js";
import type { FlakyCiIssueChange } from "../flaky/plan-flaky-ci-issue.js";
import type { RepoRef } from "../model/repo-ref.js";
import { createIssueOnce, type CreatedIssue } from "./create-issue-once.js";

/** What {@link writeFlakyCiIssue} did. */
export interface WrittenFlakyCiIssue {
  action: "created" | "updated" | "none";
  /** The issue's number; null when nothing was written. */
  number: number | null;
}

/**
 * Carry out one planned change to a flaky-test issue (`planFlakyCiIssue`):
 *
 * - `create`: `POST /repos/{owner}/{repo}/issues` with the title, body and
 *   labels, sent once (no automatic retry); on a 5xx, `lookUp` (the key's
 *   issue listed again) runs before a second create, so a create GitHub
 *   carried out anyway is never doubled (`createIssueOnce`). A pending issue is
 *   then closed as not planned (`PATCH … {state: "closed", state_reason: "not_planned"}`);
 * - `update`: one `PATCH /repos/{owner}/{repo}/issues/{issue_number}` with
 *   the body and any new title, state (`open` reopens) and labels.
 *
 * @param input the repository, the change, and how to find the key's issue after a failed create
 * @returns what was written
 * @throws the client's `RequestError` (a 5xx on the first create is looked up instead)
 */
export async function writeFlakyCiIssue(
  client: GitHubClient,
  input: RepoRef & { change: FlakyCiIssueChange; lookUp: () => Promise<CreatedIssue | null> },
): Promise<WrittenFlakyCiIssue> {
  const { owner, repo, change } = input;
  if (change.kind === "none") return { action: "none", number: null };
  if (change.kind === "update") {
    await client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      owner,
      repo,
      issue_number: change.number,
      body: change.body,
      ...(change.title === undefined ? {} : { title: change.title }),
      ...(change.state === undefined ? {} : { state: change.state }),
      ...(change.state === "closed" ? { state_reason: "not_planned" as const } : {}),
      ...(change.labels === undefined ? {} : { labels: change.labels }),
    });
    return { action: "updated", number: change.number };
  }
  const created = await createIssueOnce(client, { owner, repo, title: change.title, body: change.body, labels: change.labels }, input.lookUp);
  if (change.close) {
    await client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      owner,
      repo,
      issue_number: created.value.number,
      state: "closed",
      state_reason: "not_planned",
    });
  }
  return { action: "created", number: created.value.number };
}
