import type { Context } from "probot";
import { findPullRequestsForSha } from "../github/find-pull-requests-for-sha.js";
import { checkPullRequest } from "./check-pull-request.js";
import type { Services } from "./services.js";

/**
 * Handle "Re-run checks": `check_run.rerequested` or `check_suite.rerequested`.
 * The payload's `pull_requests` is empty for fork PRs, so the PR is found by
 * head SHA; each open PR with that head is checked again (its run updated).
 */
export async function handleRerequest(
  context: Context<"check_run.rerequested"> | Context<"check_suite.rerequested">,
  services: Services,
): Promise<void> {
  const payload = context.payload as Partial<Context<"check_run.rerequested">["payload"]> &
    Partial<Context<"check_suite.rerequested">["payload"]>;
  const subject = payload.check_run ?? payload.check_suite;
  const repository = payload.repository;
  const headSha = subject?.head_sha;
  if (!subject || !repository || !headSha) {
    context.log.warn({ deliveryId: context.id, event: context.name }, "eng-health: malformed payload, no head SHA; ignored");
    return;
  }
  const owner = repository.owner.login;
  const repo = repository.name;
  const known = (subject.pull_requests ?? [])
    .filter((pr) => pr.base.repo.id === repository.id)
    .map((pr) => pr.number);
  const pulls = await findPullRequestsForSha(context.octokit, { owner, repo, headSha, knownNumbers: known });
  if (pulls.length === 0) {
    context.log.info({ deliveryId: context.id, owner, repo, headSha }, "eng-health: no pull request has this head SHA; nothing to re-run");
    return;
  }
  for (const pr of pulls) {
    await checkPullRequest(context.octokit, { owner, repo, pr, deliveryId: context.id }, { services, log: context.log });
  }
}
