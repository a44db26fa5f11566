import type { StoredCheckRun, StoredIssue, SyntheticRepository } from "./synthetic-repository.js";

/** A REST answer: status and JSON body, or a text body (raw file content). */
export type RestAnswer = { status: number; json: unknown } | { status: number; text: string };

/** One REST request to a repository (`/repos/{owner}/{repo}/{rest}`), parsed. */
export interface RepositoryRequest {
  method: string;
  /** The path after `/repos/{owner}/{repo}/`, e.g. `issues/3/comments`. */
  rest: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

const NOT_FOUND: RestAnswer = { status: 404, json: { message: "Not Found" } };
/** How GitHub names the config file's path in the contents API (the slash encoded by Octokit). */
const CONFIG_CONTENTS = /^contents\/\.github(?:%2F|\/)eng-health\.yml$/i;

/**
 * The stand-in's REST routes under `/repos/{owner}/{repo}/`, on a synthetic
 * repository (which they change, like GitHub would):
 *
 * - the raw config file (`GET contents/.github%2Feng-health.yml`, `text/plain`), 404 without one;
 * - a PR's changed files (`GET pulls/{n}/files`, one page);
 * - check runs: create (`POST check-runs`), update (`PATCH check-runs/{id}`:
 *   annotations are appended, as GitHub does), list by ref (`GET commits/{ref}/check-runs`);
 * - issues: list (with `labels`, `per_page`), create, update; comments on
 *   issues and pull requests (create, list).
 *
 * @returns the answer; 404 for anything else
 */
export function answerRepositoryRequest(repository: SyntheticRepository, request: RepositoryRequest): RestAnswer {
  const { method, rest, query, body } = request;
  if (method === "GET" && CONFIG_CONTENTS.test(rest)) {
    return repository.config === undefined ? NOT_FOUND : { status: 200, text: repository.config };
  }
  const files = /^pulls\/(\d+)\/files$/.exec(rest);
  if (method === "GET" && files) {
    const pr = repository.eventPullRequests?.find((candidate) => candidate.number === Number(files[1]));
    const page = Number(query.get("page") ?? 1);
    return pr ? { status: 200, json: page === 1 ? pr.files : [] } : NOT_FOUND;
  }
  if (rest === "check-runs" || rest.startsWith("check-runs/") || /^commits\/[^/]+\/check-runs$/.test(rest)) {
    return answerCheckRuns(repository, request);
  }
  return answerIssues(repository, request, body);
}

function answerCheckRuns(repository: SyntheticRepository, { method, rest, query, body }: RepositoryRequest): RestAnswer {
  const runs = (repository.checkRuns ??= []);
  if (method === "POST" && rest === "check-runs") {
    const run: StoredCheckRun = { id: runs.length + 1, name: "", head_sha: "", status: "queued", conclusion: null, output: { title: "", summary: "", annotations: [] }, writes: 0 };
    runs.push(run);
    writeCheckRun(run, body);
    return { status: 201, json: toRestCheckRun(run) };
  }
  const byId = /^check-runs\/(\d+)$/.exec(rest);
  const run = byId ? runs.find((candidate) => candidate.id === Number(byId[1])) : undefined;
  if (method === "PATCH" && run) {
    writeCheckRun(run, body);
    return { status: 200, json: toRestCheckRun(run) };
  }
  const byRef = /^commits\/([^/]+)\/check-runs$/.exec(rest);
  if (method === "GET" && byRef) {
    const name = query.get("check_name");
    const found = runs.filter((candidate) => candidate.head_sha === byRef[1] && (name === null || candidate.name === name)).reverse();
    return { status: 200, json: { total_count: found.length, check_runs: found.map(toRestCheckRun) } };
  }
  return NOT_FOUND;
}

function writeCheckRun(run: StoredCheckRun, body: Record<string, unknown>): void {
  const output = (body.output ?? {}) as Partial<StoredCheckRun["output"]>;
  if (typeof body.name === "string") run.name = body.name;
  if (typeof body.head_sha === "string") run.head_sha = body.head_sha;
  if (typeof body.status === "string") run.status = body.status;
  if (typeof body.conclusion === "string") run.conclusion = body.conclusion;
  if (typeof body.details_url === "string") run.details_url = body.details_url;
  if (typeof output.title === "string") run.output.title = output.title;
  if (typeof output.summary === "string") run.output.summary = output.summary;
  if (typeof output.text === "string") run.output.text = output.text;
  run.output.annotations.push(...(output.annotations ?? []));
  run.writes += 1;
}

function toRestCheckRun(run: StoredCheckRun): Record<string, unknown> {
  const { writes: _writes, ...rest } = run;
  return rest;
}

function answerIssues(repository: SyntheticRepository, { method, rest, query }: RepositoryRequest, body: Record<string, unknown>): RestAnswer {
  const input = body as { title?: string; body?: string; labels?: string[]; state?: "open" | "closed" };
  if (method === "GET" && rest === "issues") {
    const label = query.get("labels");
    const perPage = Number(query.get("per_page") ?? 30);
    const listed = [...repository.issues]
      .reverse()
      .filter((issue) => label === null || issue.labels.includes(label))
      .slice(0, perPage)
      .map(toRestIssue);
    return { status: 200, json: listed };
  }
  if (method === "POST" && rest === "issues") {
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
    return { status: 201, json: toRestIssue(issue) };
  }
  const comments = /^issues\/(\d+)\/comments$/.exec(rest);
  if (comments) {
    const issueNumber = Number(comments[1]);
    const known = repository.issues.some((issue) => issue.number === issueNumber) || repository.eventPullRequests?.some((pr) => pr.number === issueNumber);
    if (!known) return NOT_FOUND;
    const stored = (repository.comments ??= []);
    if (method === "GET") return { status: 200, json: stored.filter((comment) => comment.issueNumber === issueNumber).map((comment) => ({ id: comment.id, body: comment.body })) };
    if (method === "POST") {
      const comment = { id: stored.length + 1, issueNumber, body: input.body ?? "" };
      stored.push(comment);
      return { status: 201, json: { id: comment.id, body: comment.body } };
    }
  }
  const byNumber = /^issues\/(\d+)$/.exec(rest);
  const issue = byNumber ? repository.issues.find((candidate) => candidate.number === Number(byNumber[1])) : undefined;
  if (issue && method === "PATCH") {
    Object.assign(issue, {
      ...(input.title === undefined ? {} : { title: input.title }),
      ...(input.body === undefined ? {} : { body: input.body }),
      ...(input.labels === undefined ? {} : { labels: input.labels }),
      ...(input.state === undefined ? {} : { state: input.state }),
    });
    return { status: 200, json: toRestIssue(issue) };
  }
  return NOT_FOUND;
}

function toRestIssue(issue: StoredIssue): Record<string, unknown> {
  return { number: issue.number, title: issue.title, body: issue.body, state: issue.state, html_url: issue.htmlUrl, labels: issue.labels.map((name) => ({ name })) };
}
