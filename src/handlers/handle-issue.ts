import type { Context } from "probot";
import { gatherFlakyIssueContext } from "../facts/gather-flaky-issue-context.js";
import { loadConfig } from "../facts/load-config.js";
import { extractTestReferences } from "../flaky/extract-test-references.js";
import { FLAKY_CHECKLIST_MARKER, renderFlakyChecklist } from "../flaky/render-flaky-checklist.js";
import { summarizeFlakyIssues } from "../flaky/summarize-flaky-issues.js";
import type { Services } from "./services.js";

/** Issues being handled in this process, so two concurrent deliveries post one checklist. */
const inProgress = new Set<string>();

/**
 * Handle any `issues` delivery. Every action drops the repository's cached
 * open flaky-test list (the next PR event reads it fresh). When an issue is
 * opened with, or given, `flaky.label` and `flaky.comment_on_label` is on, it
 * gets the flaky-test checklist comment once: a hidden marker is looked up
 * before posting, so redeliveries and relabelling post nothing more.
 * Unlabelling or closing posts nothing.
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
  if ("pull_request" in issue && issue.pull_request) return;
  const labelNames = (issue.labels ?? []).map((label) => (typeof label === "string" ? label : (label?.name ?? "")));
  const key = `${owner}/${repo}#${issue.number}`.toLowerCase();
  if (inProgress.has(key) || services.checklistPosted.get(key)) return;
  inProgress.add(key);
  try {
    const { config } = await loadConfig(context.octokit, { owner, repo }, services.configCache);
    const label = config.flaky.label;
    const labelled =
      payload.action === "labeled" ? (payload as { label?: { name: string } }).label?.name === label : labelNames.includes(label);
    if (!labelled || !config.flaky.comment_on_label || issue.state === "closed") return;

    const references = extractTestReferences(`${issue.title}\n${issue.body ?? ""}`, config.tests.tests);
    const issueContext = await gatherFlakyIssueContext(context.octokit, {
      owner,
      repo,
      number: issue.number,
      label,
      marker: FLAKY_CHECKLIST_MARKER,
      candidatePaths: references.paths,
    });
    if (issueContext.alreadyCommented) {
      context.log.info({ deliveryId: context.id, owner, repo, issue: issue.number }, "eng-health: flaky checklist already posted");
      return;
    }
    const body = renderFlakyChecklist({
      summary: summarizeFlakyIssues(issueContext.openFlakyIssues, services.now().toISOString(), config.flaky),
      flaky: config.flaky,
      existingTestFiles: issueContext.existingPaths,
      repoUrl: issueContext.repoUrl,
      defaultBranch: issueContext.defaultBranch,
    });
    await context.octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner,
      repo,
      issue_number: issue.number,
      body,
    });
    services.checklistPosted.set(key, true);
    context.log.info({ deliveryId: context.id, owner, repo, issue: issue.number }, "eng-health: flaky checklist posted");
  } finally {
    inProgress.delete(key);
  }
}
