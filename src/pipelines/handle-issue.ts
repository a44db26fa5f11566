import type { Context } from "probot";
import { postFlakyChecklist } from "./post-flaky-checklist.js";
import type { Services } from "./services.js";

/**
 * Handle any `issues` delivery. Every action drops the repository's cached
 * open flaky-test list (the next PR event reads it fresh). When an issue is
 * opened with, or given, `flaky.label`, it gets the flaky-test checklist
 * comment once ({@link postFlakyChecklist}). Unlabelling or closing posts nothing.
 */
export async function handleIssue(context: Context<"issues">, services: Services): Promise<void> {
  const payload = context.payload as Partial<Context<"issues">["payload"]>;
  const repository = payload.repository;
  const issue = payload.issue;
  if (!repository || !issue || typeof issue.number !== "number") {
    context.log.warn({ deliveryId: context.id, event: context.name }, "eng-health: malformed payload, no issue; ignored");
    return;
  }
  const owner = repository.owner.login;
  const repo = repository.name;
  services.snapshotCache.delete(`${owner}/${repo}`.toLowerCase());

  const outcome = await postFlakyChecklist(
    context.octokit,
    {
      owner,
      repo,
      action: payload.action,
      label: (payload as { label?: { name: string } }).label?.name,
      issue: { ...issue, pull_request: "pull_request" in issue ? issue.pull_request : undefined },
    },
    { services },
  );
  if (outcome.action === "not wanted") return;
  context.log.info(
    { deliveryId: context.id, owner, repo, issue: issue.number },
    outcome.action === "posted" ? "eng-health: flaky checklist posted" : "eng-health: flaky checklist already posted",
  );
}
