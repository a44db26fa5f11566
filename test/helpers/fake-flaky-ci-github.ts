import nock from "nock";
import { API, mockConfigFile } from "./test-probot.js";
import { examplePayload } from "./payloads.js";

export const OWNER = "Codertocat";
export const REPO = "Hello-World";
export const CHECK = "Octocoders-linter";
export const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
/** The app the example payloads' runs come from (octocoders-linter). */
export const OTHER_APP = 29310;

/** An issue as the fake GitHub keeps it. */
export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  state_reason?: string | null;
  labels: string[];
}

/** A check run in the REST shape. */
export interface RestRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  app: { id: number };
}

/** Run `id` of the check on `sha`: it ran 4 minutes and completed `minute` minutes after 15:00. */
export function restRun(id: number, conclusion: string, minute: number, sha = SHA): RestRun {
  const completed = new Date(Date.parse("2026-11-16T15:00:00Z") + minute * 60_000);
  return {
    id,
    name: CHECK,
    head_sha: sha,
    status: "completed",
    conclusion,
    started_at: new Date(completed.getTime() - 4 * 60_000).toISOString().replace(".000Z", "Z"),
    completed_at: completed.toISOString().replace(".000Z", "Z"),
    app: { id: OTHER_APP },
  };
}

/** The real `check_run.completed` example (a success for PR #2), rewritten to be `run`. */
export function completedPayload(run: RestRun): Record<string, unknown> {
  const payload = examplePayload<{ check_run: Record<string, unknown> & { app: { id: number }; check_suite: Record<string, unknown> } }>("check_run", "completed", 1);
  Object.assign(payload.check_run, {
    id: run.id,
    name: run.name,
    head_sha: run.head_sha,
    conclusion: run.conclusion,
    started_at: run.started_at,
    completed_at: run.completed_at,
  });
  payload.check_run.app.id = run.app.id;
  payload.check_run.check_suite.head_sha = run.head_sha;
  return payload;
}

/**
 * A stand-in for the GitHub calls of the flaky-CI pipeline, with nock:
 * every request is recorded as `METHOD /path?query` (the installation token
 * aside), issues live in `issues` and change with the writes, so a listing
 * after a create sees the issue, as GitHub's does.
 */
export class FakeFlakyCiGitHub {
  readonly scope = nock(API);
  readonly requests: string[] = [];
  /** Write bodies in order: `POST #41` for a create, `PATCH #41` for an update. */
  readonly writes: Array<{ write: string; body: Record<string, unknown> }> = [];
  readonly issues: FakeIssue[];
  private readonly repoPath = `/repos/${OWNER}/${REPO}`;

  constructor(issues: FakeIssue[] = []) {
    this.issues = issues;
    this.scope.on("request", (request: { method: string; path: string }) => {
      if (!request.path.includes("access_tokens")) this.requests.push(`${request.method} ${decodeURIComponent(request.path)}`);
    });
  }

  config(yaml: string | null): this {
    mockConfigFile(this.scope, OWNER, REPO, yaml);
    return this;
  }

  checkRuns(runs: RestRun[], sha = SHA): this {
    this.scope
      .get(`${this.repoPath}/commits/${sha}/check-runs`)
      .query({ check_name: CHECK, filter: "all", per_page: "100" })
      .reply(200, { total_count: runs.length, check_runs: runs });
    return this;
  }

  listing(times = 1): this {
    this.scope
      .get(`${this.repoPath}/issues`)
      .query({ labels: "flaky-test", state: "all", sort: "updated", direction: "desc", per_page: "100" })
      .times(times)
      .reply(200, () => this.issues.filter((issue) => issue.labels.includes("flaky-test")).map((issue) => this.rest(issue)));
    return this;
  }

  search(times = 1): this {
    this.scope
      .get("/search/issues")
      .query({ q: `repo:${OWNER}/${REPO} is:issue in:body "eng-health:flaky-ci"`, sort: "updated", order: "desc", per_page: "100" })
      .times(times)
      .reply(200, () => ({ total_count: this.issues.length, items: this.issues.map((issue) => this.rest(issue)) }));
    return this;
  }

  getIssue(number: number): this {
    this.scope.get(`${this.repoPath}/issues/${number}`).reply(200, () => this.rest(this.find(number)));
    return this;
  }

  annotations(runId: number, annotations: Array<Record<string, unknown>>): this {
    this.scope.get(`${this.repoPath}/check-runs/${runId}/annotations`).query({ per_page: "100" }).reply(200, annotations);
    return this;
  }

  create(times = 1): this {
    this.scope
      .post(`${this.repoPath}/issues`)
      .times(times)
      .reply(201, (_uri, body) => {
        const input = body as { title: string; body: string; labels: string[] };
        const issue: FakeIssue = { number: 41 + this.issues.length, title: input.title, body: input.body, state: "open", labels: input.labels };
        this.issues.push(issue);
        this.writes.push({ write: `POST #${issue.number}`, body: body as Record<string, unknown> });
        return this.rest(issue);
      });
    return this;
  }

  /** A create GitHub carries out but answers with a 502 (as a timeout behind a proxy would). */
  createAnswering502(): this {
    this.scope.post(`${this.repoPath}/issues`).reply(502, (_uri, body) => {
      const input = body as { title: string; body: string; labels: string[] };
      this.issues.push({ number: 41 + this.issues.length, title: input.title, body: input.body, state: "open", labels: input.labels });
      return { message: "Bad Gateway" };
    });
    return this;
  }

  patch(number: number, times = 1): this {
    this.scope
      .patch(`${this.repoPath}/issues/${number}`)
      .times(times)
      .reply(200, (_uri, body) => {
        const issue = this.find(number);
        this.writes.push({ write: `PATCH #${number}`, body: body as Record<string, unknown> });
        Object.assign(issue, body as Partial<FakeIssue>);
        return this.rest(issue);
      });
    return this;
  }

  /** The issue with this number (throws when there is none). */
  find(number: number): FakeIssue {
    const issue = this.issues.find((candidate) => candidate.number === number);
    if (!issue) throw new Error(`no issue #${number}`);
    return issue;
  }

  private rest(issue: FakeIssue) {
    return {
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      html_url: `https://github.com/${OWNER}/${REPO}/issues/${issue.number}`,
      labels: issue.labels.map((name) => ({ name })),
    };
  }
}
