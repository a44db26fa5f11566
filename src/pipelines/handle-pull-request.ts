import type { Context } from "probot";
import { checkPullRequest } from "./check-pull-request.js";
import type { Services } from "./services.js";

/** `pull_request` actions that (re)write the check run. */
export const PULL_REQUEST_ACTIONS = [
  "pull_request.opened",
  "pull_request.reopened",
  "pull_request.synchronize",
  "pull_request.edited",
  "pull_request.ready_for_review",
  "pull_request.converted_to_draft",
  "pull_request.labeled",
  "pull_request.unlabeled",
  "pull_request.review_requested",
  "pull_request.review_request_removed",
] as const;

/** `pull_request_review` actions that change time to first review. */
export const PULL_REQUEST_REVIEW_ACTIONS = ["pull_request_review.submitted", "pull_request_review.dismissed"] as const;

/**
 * Handle a `pull_request` or `pull_request_review` delivery: check the PR it
 * carries. A payload without a pull request is logged with its delivery id and
 * dropped (the process lives on).
 */
export async function handlePullRequest(
  context: Context<"pull_request"> | Context<"pull_request_review">,
  services: Services,
): Promise<void> {
  const payload = context.payload as Partial<Context<"pull_request">["payload"]>;
  const pr = payload.pull_request;
  const repository = payload.repository;
  if (!pr || !repository || typeof pr.number !== "number" || !pr.head?.sha) {
    context.log.warn({ deliveryId: context.id, event: context.name }, "eng-health: malformed payload, no pull request; ignored");
    return;
  }
  await checkPullRequest(
    context.octokit,
    {
      owner: repository.owner.login,
      repo: repository.name,
      pr,
      ...(context.name === "pull_request" && payload.action ? { action: payload.action } : {}),
      deliveryId: context.id,
    },
    { services, log: context.log },
  );
}
