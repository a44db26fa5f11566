import type { GitHubClient } from "../github/github-client.js";
import { gatherFlakyIssueContext } from "../github/gather-flaky-issue-context.js";
import { loadConfig } from "../github/load-config.js";
import { extractTestReferences } from "../flaky/extract-test-references.js";
import { FLAKY_CHECKLIST_MARKER, renderFlakyChecklist } from "../flaky/render-flaky-checklist.js";
import { summarizeFlakyIssues } from "../flaky/summarize-flaky-issues.js";
import { wantsFlakyChecklist } from "../flaky/wants-flaky-checklist.js";
import { commentKey } from "../publish/comment-ledger.js";
import { postCommentOnce } from "../publish/post-comment-once.js";
import type { Services } from "./services.js";

/** The parts of an `issues` event the checklist needs (the webhook payload's `issue` fits). */
export interface FlakyChecklistEvent {
  owner: string;
  repo: string;
  /** The event's action (`opened`, `labeled`, …). */
  action: string | undefined;
  /** The label a `labeled` event added. */
  label: string | undefined;
  issue: {
    number: number;
    title: string;
    body?: string | null;
    state?: string;
    labels?: Array<string | { name?: string } | null>;
    pull_request?: unknown;
  };
}

/** What {@link postFlakyChecklist} did. */
export type FlakyChecklistOutcome = { action: "posted" | "already posted" | "not wanted" };

/**
 * The flaky-test checklist for one `issues` event, shared by the app and the
 * GitHub Action. When an issue is opened with, or given, `flaky.label` and
 * `flaky.comment_on_label` is on (`wantsFlakyChecklist`), it gets the checklist
 * comment once (`postCommentOnce`: a hidden marker, and this process's comment
 * ledger), so redeliveries, relabelling and the `opened` + `labeled` pair post
 * nothing more. Any other action, or an issue that is not wanted, costs at most
 * the config read.
 *
 * Requests: none when this process just posted it; else the config (1 or 2),
 * then, when wanted, one GraphQL query (open flaky issues, the files the issue
 * names, its comments) and the comment.
 *
 * @param event the repository, the action, the added label and the issue
 * @param deps `services`: the config cache, the comment ledger and the clock
 * @returns whether the comment was posted, was already there, or is not wanted
 * @throws the client's `RequestError`
 */
export async function postFlakyChecklist(
  client: GitHubClient,
  event: FlakyChecklistEvent,
  deps: { services: Services },
): Promise<FlakyChecklistOutcome> {
  const { owner, repo, issue } = event;
  const services = deps.services;
  if (event.action !== "opened" && event.action !== "labeled") return { action: "not wanted" };
  const target = { owner, repo, number: issue.number, marker: FLAKY_CHECKLIST_MARKER };
  if (await services.comments.hasPosted(commentKey(target))) return { action: "already posted" }; // just posted by this process: save the requests

  const { config } = await loadConfig(client, { owner, repo }, services.configCache);
  const wanted = wantsFlakyChecklist(
    {
      action: event.action,
      label: event.label,
      labels: (issue.labels ?? []).map((label) => (typeof label === "string" ? label : (label?.name ?? ""))),
      state: issue.state,
      isPullRequest: Boolean(issue.pull_request),
    },
    config.flaky,
  );
  if (!wanted) return { action: "not wanted" };

  const references = extractTestReferences(`${issue.title}\n${issue.body ?? ""}`, config.tests.tests);
  const issueContext = await gatherFlakyIssueContext(client, {
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
  const outcome = await postCommentOnce(client, { ...target, body, knownComments: issueContext.comments }, services.comments);
  return { action: outcome.posted ? "posted" : "already posted" };
}
