import type { ReportFlakyIssue, ReportPullRequest } from "../src/model/report-facts.js";
import { SEARCH_RESULT_CAP } from "../src/model/github-limits.js";
import { parseInstant } from "../src/time/parse-instant.js";
import type { SyntheticRepository } from "./synthetic-repository.js";

const TIMELINE_TYPENAMES = {
  ready_for_review: "ReadyForReviewEvent",
  convert_to_draft: "ConvertToDraftEvent",
  review_requested: "ReviewRequestedEvent",
} as const;

const CHANGE_TYPES: Record<string, string> = {
  added: "ADDED",
  removed: "DELETED",
  modified: "MODIFIED",
  renamed: "RENAMED",
  copied: "COPIED",
  changed: "CHANGED",
};

interface Qualifiers {
  /** Every `repo:` qualifier (search combines them with OR), lower case. */
  repos: string[];
  kind: "pr" | "issue";
  state: "open" | "closed" | null;
  label: string | null;
  createdFromMs: number;
  /** Inclusive. */
  createdToMs: number;
  closedFromMs: number | null;
  /** `is:merged`. */
  merged: boolean;
  /** `merged:A..B`, both inclusive (whole seconds). */
  mergedFromMs: number | null;
  mergedToMs: number | null;
}

function parseQualifiers(text: string): Qualifiers {
  const parsed: Qualifiers = {
    repos: [],
    kind: "issue",
    state: null,
    label: null,
    createdFromMs: -Infinity,
    createdToMs: Infinity,
    closedFromMs: null,
    merged: false,
    mergedFromMs: null,
    mergedToMs: null,
  };
  for (const [token] of text.matchAll(/\S+?:"[^"]*"|\S+/g)) {
    const [key, ...rest] = token.split(":");
    const value = rest.join(":");
    if (key === "repo") parsed.repos.push(value.toLowerCase());
    else if (key === "is" && (value === "pr" || value === "issue")) parsed.kind = value;
    else if (key === "is" && (value === "open" || value === "closed")) parsed.state = value;
    else if (key === "label") parsed.label = value.replaceAll('"', "").toLowerCase();
    else if (key === "created" && value.startsWith("<")) parsed.createdToMs = parseInstant(value.slice(1)) - 1;
    else if (key === "created" && value.includes("..")) {
      const [from, to] = value.split("..");
      parsed.createdFromMs = parseInstant(from as string);
      parsed.createdToMs = parseInstant(to as string) + 999;
    } else if (key === "closed" && value.startsWith(">=")) parsed.closedFromMs = parseInstant(value.slice(2));
    else if (key === "is" && value === "merged") parsed.merged = true;
    else if (key === "merged" && value.includes("..")) {
      const [from, to] = value.split("..");
      parsed.mergedFromMs = parseInstant(from as string);
      parsed.mergedToMs = parseInstant(to as string) + 999;
    }
  }
  return parsed;
}

/**
 * Answer one `search` alias of a report page query from the query text's
 * qualifiers (`repo:`, several combined with OR, `is:pr|issue`, `is:open|closed|merged`, `label:`,
 * `created:<T`, `created:A..B`, `closed:>=T`, `merged:A..B`), sorted by creation and capped
 * at 1,000 results like GitHub's search; `after` is the offset the cursor encodes.
 */
export function answerSearch(repositories: Map<string, SyntheticRepository>, text: string, first: number, after: number): Record<string, unknown> {
  const q = parseQualifiers(text);
  const items = q.repos.flatMap((name): Array<ReportPullRequest | ReportFlakyIssue> => {
    const repository = repositories.get(name);
    return repository ? (q.kind === "pr" ? repository.pullRequests : repository.flakyIssues) : [];
  });
  const matches = items
    .filter((item) => {
      const created = instant(item.createdAt);
      if (created < q.createdFromMs || created > q.createdToMs) return false;
      if (q.state !== null && item.state !== q.state) return false;
      if (q.closedFromMs !== null && (item.closedAt === null || instant(item.closedAt) < q.closedFromMs)) return false;
      const mergedAt = "mergedAt" in item ? item.mergedAt : null;
      if (q.merged && mergedAt === null) return false;
      if (q.mergedFromMs !== null && (mergedAt === null || instant(mergedAt) < q.mergedFromMs)) return false;
      if (q.mergedToMs !== null && (mergedAt === null || instant(mergedAt) > q.mergedToMs)) return false;
      return true;
    })
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number || a.htmlUrl.localeCompare(b.htmlUrl));
  const visible = matches.slice(0, SEARCH_RESULT_CAP);
  const page = visible.slice(after, after + first);
  const end = after + page.length;
  return {
    issueCount: matches.length,
    pageInfo: { hasNextPage: end < visible.length, endCursor: page.length > 0 ? Buffer.from(String(end)).toString("base64") : null },
    nodes: page.map((item) => (q.kind === "pr" ? toPullRequestNode(item as ReportPullRequest) : toIssueNode(item as ReportFlakyIssue, q.label ?? "flaky-test"))),
  };
}

const instants = new Map<string, number>();

/** `parseInstant`, remembered: the stand-in filters every item on every request. */
function instant(iso: string): number {
  let ms = instants.get(iso);
  if (ms === undefined) {
    ms = parseInstant(iso);
    instants.set(iso, ms);
  }
  return ms;
}

function toPullRequestNode(pr: ReportPullRequest): Record<string, unknown> {
  const bot = pr.author.type === "Bot";
  const events = pr.review.timeline.map((event) => ({ at: event.at, node: { __typename: TIMELINE_TYPENAMES[event.type], createdAt: event.at } }));
  const reviews = pr.review.reviews.map((review) => ({
    at: review.submittedAt,
    node: { __typename: "PullRequestReview", submittedAt: review.submittedAt, state: review.state, author: { login: review.author.login, __typename: review.author.type } },
  }));
  return {
    number: pr.number,
    title: pr.title,
    body: pr.body,
    url: pr.htmlUrl,
    state: pr.mergedAt !== null ? "MERGED" : pr.state === "open" ? "OPEN" : "CLOSED",
    isDraft: pr.draft,
    createdAt: pr.createdAt,
    mergedAt: pr.mergedAt,
    closedAt: pr.closedAt,
    author: { login: bot ? pr.author.login.replace(/\[bot\]$/, "") : pr.author.login, __typename: pr.author.type },
    labels: { nodes: pr.labels.map((name) => ({ name })) },
    files: {
      pageInfo: { hasNextPage: pr.filesTruncated },
      nodes: pr.files.map((file) => ({ path: file.filename, additions: file.additions, deletions: file.deletions, changeType: CHANGE_TYPES[file.status] ?? "MODIFIED" })),
    },
    timelineItems: { nodes: [...events, ...reviews].sort((a, b) => a.at.localeCompare(b.at)).map((entry) => entry.node) },
    reviewRequests: {
      nodes: [
        ...pr.review.requestedReviewers.map((login) => ({ requestedReviewer: { __typename: "User", login } })),
        ...pr.review.requestedTeams.map((combinedSlug) => ({ requestedReviewer: { __typename: "Team", combinedSlug } })),
      ],
    },
  };
}

function toIssueNode(issue: ReportFlakyIssue, label: string): Record<string, unknown> {
  return {
    number: issue.number,
    title: issue.title,
    body: "",
    url: issue.htmlUrl,
    createdAt: issue.createdAt,
    state: issue.state === "open" ? "OPEN" : "CLOSED",
    closedAt: issue.closedAt,
    assignees: { nodes: issue.assignees.map((login) => ({ login })) },
    labels: { nodes: [{ name: label }] },
    timelineItems: { nodes: issue.labeledAt === undefined ? [] : [{ createdAt: issue.labeledAt, label: { name: label } }] },
  };
}
