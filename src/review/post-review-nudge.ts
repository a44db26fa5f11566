import type { Config } from "../config/schema.js";
import type { GitHubClient, RepoRef } from "../facts/github-client.js";
import type { PullRequestFacts } from "../facts/pull-request-facts.js";
import type { Log } from "../handlers/log.js";
import type { RuleResult } from "../rules/rule.js";
import { REVIEW_NUDGE_MARKER } from "./render-review-nudge.js";
import { reviewNudgeFor } from "./review-nudge-for.js";

/** Comments per page of `GET /repos/{owner}/{repo}/issues/{n}/comments` (the REST maximum). */
const COMMENTS_PER_PAGE = 100;
/**
 * Pages of comments searched for the marker at most (3,000 comments). Past
 * that the nudge is not posted: "never twice" matters more than "always once".
 */
const MAX_COMMENT_PAGES = 30;

/** Comments already known (from the sweep's query): bodies, and whether they are all of them. */
export interface KnownComments {
  bodies: readonly string[];
  complete: boolean;
}

/** The outcome of {@link postReviewNudge} and {@link nudgeIfDue}. */
export interface NudgeOutcome {
  posted: boolean;
  /** REST requests made (comment pages read, plus the post). */
  requests: number;
}

/** PRs whose nudge is being decided in this process, so two concurrent runs post one comment. */
const inProgress = new Set<string>();

/**
 * Post the review nudge on a PR once, never twice: the PR's comments are
 * searched for `REVIEW_NUDGE_MARKER` first. `knownComments` (the sweep's
 * last 100 comment bodies) spares the lookup; when they hold no marker and are
 * not complete, or are not given, the comments are read by REST
 * (`GET /repos/{owner}/{repo}/issues/{n}/comments`, 100 per page, stopping at
 * the marker). Posting is `POST /repos/{owner}/{repo}/issues/{n}/comments`.
 *
 * Not posted when the marker is found, when more than 3,000 comments would
 * have to be searched, or when another call for the same PR is under way in
 * this process.
 *
 * @param input the PR (`number`), the comment `body` (from `renderReviewNudge`)
 * @returns whether it was posted, and the requests made
 * @throws the client's `RequestError`
 */
export async function postReviewNudge(
  client: GitHubClient,
  input: RepoRef & { number: number; body: string; knownComments?: KnownComments | null },
): Promise<NudgeOutcome> {
  const key = `${input.owner}/${input.repo}#${input.number}`.toLowerCase();
  if (inProgress.has(key)) return { posted: false, requests: 0 };
  inProgress.add(key);
  try {
    let requests = 0;
    const known = input.knownComments;
    let found = known?.bodies.some((body) => body.includes(REVIEW_NUDGE_MARKER)) ?? false;
    if (!found && !known?.complete) {
      const search = await findMarkerInComments(client, input);
      requests += search.requests;
      // Too many comments to be sure: do not risk a second nudge.
      if (search.found !== false) found = true;
    }
    if (found) return { posted: false, requests };
    await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner: input.owner,
      repo: input.repo,
      issue_number: input.number,
      body: input.body,
    });
    return { posted: true, requests: requests + 1 };
  } finally {
    inProgress.delete(key);
  }
}

/** Search the PR's comments by REST; `found` is "unknown" when the page cap was reached first. */
async function findMarkerInComments(
  client: GitHubClient,
  input: RepoRef & { number: number },
): Promise<{ found: boolean | "unknown"; requests: number }> {
  for (let page = 1; page <= MAX_COMMENT_PAGES; page += 1) {
    const response = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner: input.owner,
      repo: input.repo,
      issue_number: input.number,
      per_page: COMMENTS_PER_PAGE,
      page,
    });
    if (response.data.some((comment) => (comment.body ?? "").includes(REVIEW_NUDGE_MARKER))) return { found: true, requests: page };
    if (response.data.length < COMMENTS_PER_PAGE) return { found: false, requests: page };
  }
  return { found: "unknown", requests: MAX_COMMENT_PAGES };
}

/**
 * Post the review nudge when one is due (`reviewNudgeFor`): `review.nudge`
 * is `comment`, the `review` result failed and the PR has waited past its
 * target with no first review. Makes no request otherwise. Used after a check
 * run is written (PR events) and by the review sweep.
 *
 * Never throws: a failed lookup or post is logged (with the delivery id when
 * there is one) and reported as not posted, so it never undoes the check run
 * written before it.
 *
 * @param input the PR's facts (with review facts), the `review` config
 *   section, the `review` rule's result, and comments already known, if any
 * @param deps `log`, and the delivery id for the log lines
 * @returns whether the nudge was posted, and the requests made
 */
export async function nudgeIfDue(
  client: GitHubClient,
  input: RepoRef & {
    facts: PullRequestFacts;
    review: Config["review"];
    result: Pick<RuleResult, "id" | "status"> | undefined;
    knownComments?: KnownComments | null;
  },
  deps: { log: Log; deliveryId?: string },
): Promise<NudgeOutcome> {
  const context = { deliveryId: deps.deliveryId, owner: input.owner, repo: input.repo, pull: input.facts.number };
  let body: string | null;
  try {
    body = reviewNudgeFor({ facts: input.facts, review: input.review, result: input.result });
  } catch (error) {
    deps.log.warn({ ...context, err: error }, "eng-health: could not decide on a review nudge");
    return { posted: false, requests: 0 };
  }
  if (body === null) return { posted: false, requests: 0 };
  try {
    const outcome = await postReviewNudge(client, {
      owner: input.owner,
      repo: input.repo,
      number: input.facts.number,
      body,
      knownComments: input.knownComments ?? null,
    });
    deps.log.info({ ...context, requests: outcome.requests }, outcome.posted ? "eng-health: review nudge posted" : "eng-health: review nudge already posted");
    return outcome;
  } catch (error) {
    deps.log.error({ ...context, err: error }, "eng-health: could not post the review nudge");
    return { posted: false, requests: 0 };
  }
}
