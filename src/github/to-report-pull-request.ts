import { occurrencePair, parseFlakyCiMarker } from "../flaky/flaky-ci-marker.js";
import type { ChangedFile } from "../model/pull-request-facts.js";
import type { ReportChangedFile, ReportFlakyIssue, ReportPullRequest } from "../model/report-facts.js";
import { parseInstant } from "../time/parse-instant.js";
import type { PullRequestNode, ReportIssueNode } from "./build-report-page-query.js";
import { toFlakyIssue } from "./gather-pull-request-state.js";
import { toActor, toReviewFacts } from "./to-review-facts.js";

const CHANGE_TYPES: Record<string, ChangedFile["status"]> = {
  ADDED: "added",
  DELETED: "removed",
  MODIFIED: "modified",
  RENAMED: "renamed",
  COPIED: "copied",
  CHANGED: "changed",
};

/**
 * A pull request's `files(first: 100) { nodes { path additions deletions changeType } }`
 * selection as changed files without patches: change types in REST's words
 * (`ADDED` → `added`, unknown ones → `modified`); none for a missing selection.
 */
export function toChangedFiles(files: PullRequestNode["files"] | undefined): ReportChangedFile[] {
  return (files?.nodes ?? []).map((file) => ({
    filename: file.path,
    status: CHANGE_TYPES[file.changeType] ?? "modified",
    additions: file.additions,
    deletions: file.deletions,
  }));
}

/**
 * A GraphQL pull request node of a report search as plain facts: file change
 * types in REST's words (`ADDED` → `added`, unknown ones → `modified`), the
 * author as an actor (bots told apart), and the review facts of its timeline.
 *
 * @param node the node as `PULL_REQUEST_FIELDS` selects it
 * @returns the pull request for `measureWeek`
 */
export function toReportPullRequest(node: PullRequestNode): ReportPullRequest {
  const files = toChangedFiles(node.files);
  return {
    number: node.number,
    title: node.title,
    body: node.body ?? "",
    author: toActor(node.author),
    draft: node.isDraft,
    state: node.state === "OPEN" ? "open" : "closed",
    createdAt: node.createdAt,
    mergedAt: node.mergedAt,
    closedAt: node.closedAt,
    labels: node.labels.nodes.map((label) => label.name),
    htmlUrl: node.url,
    files,
    filesTruncated: node.files?.pageInfo.hasNextPage ?? false,
    review: toReviewFacts({ isDraft: node.isDraft, reviewRequests: node.reviewRequests }, node.timelineItems.nodes),
  };
}

/**
 * A GraphQL issue node as a flaky-test issue. `labeledAt` is the last time the
 * label (`flaky.label`, any case) was added before the window's end, so ages
 * run from when the team marked it flaky; unset when no such event is known.
 * An issue opened from CI evidence also brings the occurrences its flaky-ci
 * marker records (`ciOccurrences`), read from the body the query already selects.
 *
 * @param node the node as `FLAKY_ISSUE_FIELDS` selects it
 * @param label `flaky.label`
 * @param windowEnd the window's end (ISO instant): later label events are ignored
 * @returns the flaky-test issue for `measureWeek`
 */
export function toReportFlakyIssue(node: ReportIssueNode, label: string, windowEnd: string): ReportFlakyIssue {
  const base = toFlakyIssue({ ...node, body: node.body ?? "" });
  const endMs = parseInstant(windowEnd);
  const wanted = label.toLowerCase();
  const labeledAt = node.timelineItems.nodes
    .filter((event) => event.createdAt !== undefined && event.label?.name.toLowerCase() === wanted && parseInstant(event.createdAt) < endMs)
    .map((event) => event.createdAt as string)
    .sort()
    .at(-1);
  return {
    number: base.number,
    title: base.title,
    htmlUrl: base.htmlUrl,
    createdAt: base.createdAt,
    closedAt: node.closedAt,
    assignees: base.assignees,
    ...(labeledAt === undefined ? {} : { labeledAt }),
    state: node.state === "OPEN" ? "open" : "closed",
    ...ciOccurrencesOf(node.body ?? ""),
  };
}

/** The occurrences of a flaky-ci marker in the body, for the report's re-run figures; nothing without one. */
function ciOccurrencesOf(body: string): Pick<ReportFlakyIssue, "ciOccurrences"> {
  const evidence = parseFlakyCiMarker(body);
  if (evidence === null) return {};
  return {
    ciOccurrences: evidence.occurrences.map((occurrence) => ({
      check: evidence.check,
      at: occurrence.at,
      minutes: occurrence.minutes,
      pair: occurrencePair(occurrence),
    })),
  };
}

