import { MAX_LISTED_FILES, REST_MAX_PER_PAGE } from "../model/github-limits.js";
import type { ChangedFile } from "../model/pull-request-facts.js";
import type { GitHubClient } from "./github-client.js";
import type { RepoRef } from "../model/repo-ref.js";

/** Files per page of `GET /repos/{owner}/{repo}/pulls/{pull_number}/files` (the API's maximum). */
export const FILES_PER_PAGE = REST_MAX_PER_PAGE;

interface ApiFile {
  filename: string;
  status: ChangedFile["status"];
  additions: number;
  deletions: number;
  patch?: string;
  previous_filename?: string;
}

/**
 * The files a PR changes, with their patches: one request per 100 files
 * (a typical PR costs one call).
 *
 * @param client REST client
 * @param pr the repository and PR number
 * @param changedFilesCount `pull_request.changed_files` from the payload when known;
 *   it saves the request for an empty next page
 * @returns files in API order, and whether GitHub's 3,000-file cap was reached
 * @throws the client's `RequestError` when GitHub answers with an error
 */
export async function gatherChangedFiles(
  client: GitHubClient,
  pr: RepoRef & { number: number; changedFilesCount?: number },
): Promise<{ files: ChangedFile[]; truncated: boolean }> {
  const files: ChangedFile[] = [];
  for (let page = 1; page <= MAX_LISTED_FILES / FILES_PER_PAGE; page += 1) {
    const response = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
      per_page: FILES_PER_PAGE,
      page,
    });
    const batch = response.data as ApiFile[];
    for (const file of batch) {
      files.push({
        filename: file.filename,
        status: file.status,
        additions: file.additions,
        deletions: file.deletions,
        ...(file.patch !== undefined ? { patch: file.patch } : {}),
        ...(file.previous_filename !== undefined ? { previousFilename: file.previous_filename } : {}),
      });
    }
    const known = pr.changedFilesCount;
    if (batch.length < FILES_PER_PAGE || (known !== undefined && files.length >= known)) break;
  }
  return { files, truncated: files.length >= MAX_LISTED_FILES };
}
