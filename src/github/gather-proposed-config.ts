import { CONFIG_PATH } from "../config/schema.js";
import type { GitHubClient } from "./github-client.js";
import type { RepoRef } from "../model/repo-ref.js";
import type { ChangedFile } from "../model/pull-request-facts.js";
import { httpStatus } from "./http-status.js";
import { responseText } from "./response-text.js";

/** The PR's own version of `.github/eng-health.yml`, when the PR changes it. */
export interface ProposedConfig {
  /** The raw YAML at the PR's head. */
  text: string;
}

/**
 * When a PR adds or changes `.github/eng-health.yml`, read that file at the
 * PR's head SHA (`GET /repos/{owner}/{repo}/contents/{path}?ref=SHA`, raw), so
 * the check run can say whether it is valid before it is merged. It is only
 * validated, never applied: the rules keep coming from the default branch.
 * Costs nothing when the PR does not touch the file.
 *
 * @returns the text, or null when the PR does not add or change the file (or it is gone at head)
 * @throws the client's `RequestError` for anything but a 404
 */
export async function gatherProposedConfig(
  client: GitHubClient,
  input: RepoRef & { headSha: string; files: readonly ChangedFile[] },
): Promise<ProposedConfig | null> {
  const touched = input.files.some((file) => file.filename === CONFIG_PATH && file.status !== "removed");
  if (!touched) return null;
  try {
    const response = await client.request("GET /repos/{owner}/{repo}/contents/{path}", {
      owner: input.owner,
      repo: input.repo,
      path: CONFIG_PATH,
      ref: input.headSha,
      mediaType: { format: "raw" },
    });
    const text = responseText(response.data);
    return text === null ? null : { text };
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
}
