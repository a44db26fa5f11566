import type { GitHubClient } from "../github/github-client.js";
import type { RepoRef } from "../model/repo-ref.js";
import type { KnownComments } from "../model/known-comments.js";
import { REST_MAX_PER_PAGE } from "../model/github-limits.js";
import { commentKey, type OnceLedger } from "./comment-ledger.js";

/** Comments per page of `GET /repos/{owner}/{repo}/issues/{n}/comments` (the REST maximum). */
const COMMENTS_PER_PAGE = REST_MAX_PER_PAGE;
/**
 * Comment pages read at most (3,000 comments) before giving up on finding a
 * marker; then nothing is posted, since a second comment is worse than none.
 */
const MAX_COMMENT_PAGES = 30;

/** The outcome of {@link postCommentOnce}. */
export interface CommentOutcome {
  posted: boolean;
}

/**
 * Post a comment carrying a hidden marker on an issue or PR, once: when a
 * comment with `marker` is already there (in `knownComments`, or found by
 * reading the comments by REST when those are not all known), nothing is
 * posted; the `ledger` keeps two deliveries of this process from both posting.
 *
 * @param input `body` must contain `marker`
 * @param ledger this process's record of one-time comments (omit to rely on the marker alone)
 * @returns whether it was posted
 * @throws the client's `RequestError` (the comment may or may not exist then)
 */
export async function postCommentOnce(
  client: GitHubClient,
  input: RepoRef & { number: number; marker: string; body: string; knownComments?: KnownComments | null },
  ledger?: OnceLedger,
): Promise<CommentOutcome> {
  const key = commentKey(input);
  if (ledger && !(await ledger.claim(key))) return { posted: false };
  let posted = false;
  try {
    const known = input.knownComments;
    let found = known?.bodies.some((body) => body.includes(input.marker)) ?? false;
    if (!found && !known?.complete) {
      // Too many comments to be sure ("unknown"): do not risk a second comment.
      if ((await findMarkerInComments(client, input)) !== false) found = true;
    }
    if (found) return { posted: false };
    await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner: input.owner,
      repo: input.repo,
      issue_number: input.number,
      body: input.body,
    });
    posted = true;
    return { posted: true };
  } finally {
    await ledger?.release(key, posted);
  }
}

/** Search the comments by REST, one request per page of 100: "unknown" when the page cap was reached first. */
async function findMarkerInComments(
  client: GitHubClient,
  input: RepoRef & { number: number; marker: string },
): Promise<boolean | "unknown"> {
  for (let page = 1; page <= MAX_COMMENT_PAGES; page += 1) {
    const response = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner: input.owner,
      repo: input.repo,
      issue_number: input.number,
      per_page: COMMENTS_PER_PAGE,
      page,
    });
    if (response.data.some((comment) => (comment.body ?? "").includes(input.marker))) return true;
    if (response.data.length < COMMENTS_PER_PAGE) return false;
  }
  return "unknown";
}
