import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { ReportFlakyIssue, ReportPullRequest } from "../src/model/report-facts.js";
import { SEARCH_RESULT_CAP } from "../src/model/github-limits.js";
import { parseInstant } from "../src/time/parse-instant.js";
import type { StoredIssue, SyntheticRepository } from "./synthetic-repository.js";

/** A running stand-in. */
export interface SyntheticGitHub {
  /** REST root, GitHub Enterprise layout: `http://127.0.0.1:PORT/api/v3` (GraphQL at `/api/graphql`). */
  apiUrl: string;
  /** Requests answered, by API. */
  requests: { graphql: number; rest: number };
  close(): Promise<void>;
}

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

/**
 * A local stand-in for the parts of the GitHub API the weekly report uses,
 * on 127.0.0.1 (random port), serving synthetic repositories:
 *
 * - GraphQL `POST /api/graphql`: the report's page queries. Each `search`
 *   alias (`s0`, `s1`, … with variables `q0`/`c0`, …) is answered from the
 *   query text's qualifiers (`repo:`, `is:pr|issue`, `is:open|closed|merged`,
 *   `label:`, `created:<T`, `created:A..B`, `closed:>=T`, `merged:A..B`), sorted by creation,
 *   capped at 1,000 results like GitHub; `repository { templateN }` gives the
 *   PR template at the first path.
 * - REST under `/api/v3`: list, create and update issues, comment, and 404
 *   for config files (so the defaults apply).
 *
 * Every answer waits `latencyMs` first. Unknown routes answer 404.
 *
 * @param options the repositories and the latency per request in ms
 */
export async function startSyntheticGitHub(options: { repositories: SyntheticRepository[]; latencyMs: number }): Promise<SyntheticGitHub> {
  const requests = { graphql: 0, rest: 0 };
  const byName = new Map(options.repositories.map((repository) => [`${repository.owner}/${repository.repo}`.toLowerCase(), repository]));
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const body: unknown = text ? JSON.parse(text) : null;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (options.latencyMs > 0) await sleep(options.latencyMs);

    if (req.method === "POST" && url.pathname === "/api/graphql") {
      requests.graphql += 1;
      const { query, variables } = body as { query: string; variables: Record<string, unknown> };
      send(res, 200, { data: answerGraphql(byName, query, variables ?? {}) });
      return;
    }
    requests.rest += 1;
    const match = /^\/api\/v3\/repos\/([^/]+)\/([^/]+)\/(.*)$/.exec(url.pathname);
    const repository = match ? byName.get(`${match[1]}/${match[2]}`.toLowerCase()) : undefined;
    if (!match || !repository) return send(res, 404, { message: "Not Found" });
    const rest = match[3] ?? "";
    const input = (body ?? {}) as { title?: string; body?: string; labels?: string[]; state?: "open" | "closed" };

    if (req.method === "GET" && rest === "issues") {
      const label = url.searchParams.get("labels");
      const perPage = Number(url.searchParams.get("per_page") ?? 30);
      const listed = [...repository.issues]
        .reverse()
        .filter((issue) => label === null || issue.labels.includes(label))
        .slice(0, perPage)
        .map(toRestIssue);
      return send(res, 200, listed);
    }
    if (req.method === "POST" && rest === "issues") {
      const number = Math.max(repository.pullRequests.length + repository.flakyIssues.length, ...repository.issues.map((issue) => issue.number)) + 1;
      const issue: StoredIssue = {
        number,
        title: input.title ?? "",
        body: input.body ?? "",
        state: "open",
        labels: input.labels ?? [],
        htmlUrl: `https://github.com/${repository.owner}/${repository.repo}/issues/${number}`,
      };
      repository.issues.push(issue);
      return send(res, 201, toRestIssue(issue));
    }
    const issueMatch = /^issues\/(\d+)(\/comments)?$/.exec(rest);
    const issue = issueMatch ? repository.issues.find((candidate) => candidate.number === Number(issueMatch[1])) : undefined;
    if (issue && req.method === "PATCH" && !issueMatch?.[2]) {
      Object.assign(issue, {
        ...(input.title === undefined ? {} : { title: input.title }),
        ...(input.body === undefined ? {} : { body: input.body }),
        ...(input.labels === undefined ? {} : { labels: input.labels }),
        ...(input.state === undefined ? {} : { state: input.state }),
      });
      return send(res, 200, toRestIssue(issue));
    }
    if (issue && req.method === "POST" && issueMatch?.[2]) return send(res, 201, { id: 1, body: input.body });
    return send(res, 404, { message: "Not Found" });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/v3`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(payload));
}

function toRestIssue(issue: StoredIssue): Record<string, unknown> {
  return { number: issue.number, title: issue.title, body: issue.body, state: issue.state, html_url: issue.htmlUrl, labels: issue.labels.map((name) => ({ name })) };
}

/** Answer a report page query: the repository's templates and every search alias. */
function answerGraphql(repositories: Map<string, SyntheticRepository>, query: string, variables: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (query.includes("repository(owner: $owner")) {
    const repository = repositories.get(`${String(variables.owner)}/${String(variables.repo)}`.toLowerCase());
    const templates: Record<string, unknown> = {};
    for (const alias of query.matchAll(/(template\d+): object/g)) templates[alias[1] as string] = null;
    if (repository) templates.template0 = { text: repository.template };
    data.repository = repository ? templates : null;
  }
  for (let index = 0; typeof variables[`q${index}`] === "string"; index += 1) {
    const first = Number(new RegExp(`s${index}: search\\([^)]*first: (\\d+)`).exec(query)?.[1] ?? 10);
    const after = typeof variables[`c${index}`] === "string" ? Number(Buffer.from(variables[`c${index}`] as string, "base64").toString("utf8")) : 0;
    data[`s${index}`] = answerSearch(repositories, variables[`q${index}`] as string, first, after);
  }
  return data;
}

interface Qualifiers {
  repo: string;
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
    repo: "",
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
    if (key === "repo") parsed.repo = value.toLowerCase();
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

function answerSearch(repositories: Map<string, SyntheticRepository>, text: string, first: number, after: number): Record<string, unknown> {
  const q = parseQualifiers(text);
  const repository = repositories.get(q.repo);
  const items: Array<ReportPullRequest | ReportFlakyIssue> = repository ? (q.kind === "pr" ? repository.pullRequests : repository.flakyIssues) : [];
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
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number);
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
