import type { Config } from "../config/schema.js";
import { requestMeter } from "../github/count-requests.js";
import type { GitHubClient } from "../github/github-client.js";
import type { RepoRef } from "../model/repo-ref.js";
import type { OnceLedger } from "./comment-ledger.js";
import { postCommentOnce, type CommentOutcome } from "./post-comment-once.js";
import { type KnownComments } from "../model/known-comments.js";
import type { PullRequestFacts } from "../model/pull-request-facts.js";
import type { Log } from "../model/log.js";
import type { RuleResult } from "../model/rule-result.js";
import { REVIEW_NUDGE_MARKER } from "../review/render-review-nudge.js";
import { reviewNudgeFor } from "../review/review-nudge-for.js";

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
 * @param deps `log`, the delivery id for the log lines, and this process's
 *   comment ledger (see `postCommentOnce`)
 * @returns whether the nudge was posted (the log line says how many requests it took)
 */
export async function nudgeIfDue(
  client: GitHubClient,
  input: RepoRef & {
    facts: PullRequestFacts;
    review: Config["review"];
    result: Pick<RuleResult, "id" | "status"> | undefined;
    knownComments?: KnownComments | null;
  },
  deps: { log: Log; deliveryId?: string; ledger?: OnceLedger },
): Promise<CommentOutcome> {
  const context = { deliveryId: deps.deliveryId, owner: input.owner, repo: input.repo, pull: input.facts.number };
  let body: string | null;
  try {
    body = reviewNudgeFor({ facts: input.facts, review: input.review, result: input.result });
  } catch (error) {
    deps.log.warn({ ...context, err: error }, "eng-health: could not decide on a review nudge");
    return { posted: false };
  }
  if (body === null) return { posted: false };
  const calls = requestMeter(client);
  try {
    const outcome = await postCommentOnce(
      client,
      {
        owner: input.owner,
        repo: input.repo,
        number: input.facts.number,
        marker: REVIEW_NUDGE_MARKER,
        body,
        knownComments: input.knownComments ?? null,
      },
      deps.ledger,
    );
    deps.log.info({ ...context, requests: calls() }, outcome.posted ? "eng-health: review nudge posted" : "eng-health: review nudge already posted");
    return outcome;
  } catch (error) {
    deps.log.error({ ...context, err: error }, "eng-health: could not post the review nudge");
    return { posted: false };
  }
}
