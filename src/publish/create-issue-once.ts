import type { GitHubClient } from "../github/github-client.js";
import type { RepoRef } from "../model/repo-ref.js";
import { createOnce, type CreatedOnce } from "./create-once.js";

/** An issue as a create returns it (the fields read). */
export interface CreatedIssue {
  number: number;
  html_url: string;
}

/**
 * Create an issue that must never exist twice (a weekly report, a flaky-test
 * issue), with {@link createOnce}: `POST /repos/{owner}/{repo}/issues` is
 * sent with Octokit's automatic retry off, and after a 5xx `lookUp` (the
 * caller's search by its own key: a report's week, a flaky-ci marker) runs
 * before the create is sent again.
 *
 * @param input the repository, and the issue's title, body and labels
 * @param lookUp the issue a failed create made after all, or null
 * @returns the created or found issue, and whether it was found
 * @throws the create's error when it is not a 5xx or network failure; any error of `lookUp` or of the second create
 */
export async function createIssueOnce(
  client: GitHubClient,
  input: RepoRef & { title: string; body: string; labels: readonly string[] },
  lookUp: () => Promise<CreatedIssue | null>,
): Promise<CreatedOnce<CreatedIssue>> {
  return createOnce<CreatedIssue>({
    create: async () => {
      const response = await client.request("POST /repos/{owner}/{repo}/issues", {
        owner: input.owner,
        repo: input.repo,
        title: input.title,
        body: input.body,
        labels: [...input.labels],
        // The retry plugin (Probot's, and createClient's in the CLI) would repeat a 5xx create blindly; createOnce looks the key up instead.
        request: { retries: 0 },
      });
      return { number: response.data.number, html_url: response.data.html_url };
    },
    lookUp,
  });
}
