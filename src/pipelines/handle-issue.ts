import type { Context } from "probot";
import { gatherFlakyIssueContext } from "../github/gather-flaky-issue-context.js";
import { loadConfig } from "../github/load-config.js";
import { extractTestReferences } from "../flaky/extract-test-references.js";
import { FLAKY_CHECKLIST_MARKER, renderFlakyChecklist } from "../flaky/render-flaky-checklist.js";
import { summarizeFlakyIssues } from "../flaky/summarize-flaky-issues.js";
import { wantsFlakyChecklist } from "../flaky/wants-flaky-checklist.js";
import { commentKey } from "../publish/comment-ledger.js";
import { postCommentOnce } from "../publish/post-comment-once.js";
import type { Services } from "./services.js";

/**
 * Handle any `issues` delivery. Every action drops the repository's cached
 * open flaky-test list (the next PR event reads it fresh). When an issue is
 * opened with, or given, `flaky.label` and `flaky.comment_on_label` is on
 * (`wantsFlakyChecklist`), it gets the flaky-test checklist comment once
 * (`postCommentOnce`: a hidden marker, and this process's comment ledger), so
 * redeliveries, relabelling and the `opened` + `labeled` pair post nothing
 * more. Unlabelling or closing posts nothing.
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

  if (payload.action !== "opened" && payload.action !== "labeled") return;
  const target = { owner, repo, number: issue.number, marker: FLAKY_CHECKLIST_MARKER };
  if (await services.comments.hasPosted(commentKey(target))) return; // just posted by this process: save the requests

  const { config } = await loadConfig(context.octokit, { owner, repo }, services.configCache);
  const wanted = wantsFlakyChecklist(
    {
      action: payload.action,
      label: (payload as { label?: { name: string } }).label?.name,
      labels: (issue.labels ?? []).map((label) => (typeof label === "string" ? label : (label?.name ?? ""))),
      state: issue.state,
      isPullRequest: "pull_request" in issue && Boolean(issue.pull_request),
    },
    config.flaky,
  );
  if (!wanted) return;

  const references = extractTestReferences(`${issue.title}\n${issue.body ?? ""}`, config.tests.tests);
  const issueContext = await gatherFlakyIssueContext(context.octokit, {
    owner,
    repo,
    number: issue.number,
    label: config.flaky.label,
    candidatePaths: references.paths,
  });
  const body = renderFlakyChecklist({
    summary: summarizeFlakyIssues(issueContext.openFlakyIssues, services.now().toISOString(), config.flaky),
    flaky: config.flaky,
    existingTestFiles: issueContext.existingPaths,
    repoUrl: issueContext.repoUrl,
    defaultBranch: issueContext.defaultBranch,
  });
  const outcome = await postCommentOnce(context.octokit, { ...target, body, knownComments: issueContext.comments }, services.comments);
  context.log.info(
    { deliveryId: context.id, owner, repo, issue: issue.number },
    outcome.posted ? "eng-health: flaky checklist posted" : "eng-health: flaky checklist already posted",
  );
}
