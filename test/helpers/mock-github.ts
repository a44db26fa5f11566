import nock from "nock";
import { API, mockConfigFile } from "./test-probot.js";

/** A GraphQL request body as Octokit sends it. */
export interface GraphqlBody {
  query: string;
  variables: Record<string, unknown>;
}

/** A flaky issue node in GraphQL's shape. */
export interface IssueNodeInput {
  number: number;
  title: string;
  body?: string;
  createdAt: string;
  assignees?: string[];
}

/** The answer to the PR-state GraphQL query (see gatherPullRequestState). */
export function pullRequestStateResponse(input: {
  existingRunId?: number | null;
  template?: string | null;
  flakyIssues?: IssueNodeInput[];
  includeSnapshot?: boolean;
  pullRequest?: unknown;
  /** `.github/CODEOWNERS` on the default branch (the first location GitHub reads). */
  codeOwners?: string;
  /** The root `.gitattributes`. */
  gitAttributes?: string;
}) {
  const repository: Record<string, unknown> = {
    object: {
      checkSuites: {
        nodes: input.existingRunId ? [{ checkRuns: { nodes: [{ databaseId: input.existingRunId }] } }] : [],
      },
    },
  };
  if (input.pullRequest !== undefined) repository.pullRequest = input.pullRequest;
  if (input.includeSnapshot !== false) {
    repository.issues = {
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: (input.flakyIssues ?? []).map((issue) => ({
        number: issue.number,
        title: issue.title,
        body: issue.body ?? "",
        url: `https://github.com/o/r/issues/${issue.number}`,
        createdAt: issue.createdAt,
        assignees: { nodes: (issue.assignees ?? []).map((login) => ({ login })) },
        labels: { nodes: [{ name: "flaky-test" }] },
      })),
    };
    for (let index = 0; index < 6; index += 1) repository[`template${index}`] = null;
    if (input.template) repository.template0 = { text: input.template };
    for (let index = 0; index < 3; index += 1) repository[`codeowners${index}`] = null;
    if (input.codeOwners !== undefined) repository.codeowners0 = { text: input.codeOwners, isTruncated: false };
    repository.gitattributes = input.gitAttributes === undefined ? null : { text: input.gitAttributes, isTruncated: false };
  }
  return { data: { repository } };
}

/** What a mocked PR flow recorded. */
export interface PullRequestFlowRecord {
  graphql: GraphqlBody[];
  writes: Array<{ method: string; path: string; body: Record<string, unknown> }>;
  calls: number;
}

/**
 * Mock the four calls of a PR event: config, files, the GraphQL lookup and the
 * check-run write (create, or update when `existingRunId` is set).
 */
export function mockPullRequestFlow(input: {
  owner: string;
  repo: string;
  number: number;
  config: string | null;
  files: unknown[];
  existingRunId?: number | null;
  template?: string | null;
  flakyIssues?: IssueNodeInput[];
  includeSnapshot?: boolean;
  pullRequest?: unknown;
  codeOwners?: string;
  gitAttributes?: string;
  createdRunId?: number;
}): { scope: nock.Scope; record: PullRequestFlowRecord } {
  const record: PullRequestFlowRecord = { graphql: [], writes: [], calls: 0 };
  const scope = nock(API);
  scope.on("request", (request: { path: string }) => {
    if (!request.path.includes("access_tokens")) record.calls += 1;
  });
  mockConfigFile(scope, input.owner, input.repo, input.config);
  scope
    .get(`/repos/${input.owner}/${input.repo}/pulls/${input.number}/files`)
    .query({ per_page: "100", page: "1" })
    .reply(200, input.files)
    .post("/graphql", (body: GraphqlBody) => {
      record.graphql.push(body);
      return true;
    })
    .reply(200, pullRequestStateResponse(input));
  if (input.existingRunId) {
    scope
      .patch(`/repos/${input.owner}/${input.repo}/check-runs/${input.existingRunId}`, (body: Record<string, unknown>) => {
        record.writes.push({ method: "PATCH", path: `check-runs/${input.existingRunId}`, body });
        return true;
      })
      .reply(200, { id: input.existingRunId });
  } else {
    scope
      .post(`/repos/${input.owner}/${input.repo}/check-runs`, (body: Record<string, unknown>) => {
        record.writes.push({ method: "POST", path: "check-runs", body });
        return true;
      })
      .reply(201, { id: input.createdRunId ?? 1001 });
  }
  return { scope, record };
}

/** `count` distinct words: a description of that many words of its own. */
export function words(count: number): string {
  return Array.from({ length: count }, (_, index) => `word${index}`).join(" ");
}

/**
 * A merged pull request node as the report's GraphQL selection returns it
 * (`PULL_REQUEST_FIELDS`): opened Monday 2026-11-16 09:00 by ada with a
 * 45-word description, a source and a test change, approved by grace at
 * 10:00, merged on 2026-11-17 at `number` o'clock (UTC). Override any field.
 */
export function mergedPullRequestNode(number: number, fields: Record<string, unknown> = {}) {
  const mergedAt = `2026-11-17T${String(number % 24).padStart(2, "0")}:00:00Z`;
  return {
    number,
    title: `Change ${number}`,
    body: words(45),
    url: `https://github.com/acme/widgets/pull/${number}`,
    state: "MERGED",
    isDraft: false,
    createdAt: "2026-11-16T09:00:00Z",
    mergedAt,
    closedAt: mergedAt,
    author: { login: "ada", __typename: "User" },
    labels: { nodes: [] },
    files: {
      pageInfo: { hasNextPage: false },
      nodes: [
        { path: "src/billing/invoice.ts", additions: 30, deletions: 4, changeType: "MODIFIED" },
        { path: "test/billing/invoice.test.ts", additions: 12, deletions: 0, changeType: "MODIFIED" },
      ],
    },
    timelineItems: { nodes: [{ __typename: "PullRequestReview", submittedAt: "2026-11-16T10:00:00Z", state: "APPROVED", author: { login: "grace", __typename: "User" } }] },
    reviewRequests: { nodes: [] },
    ...fields,
  };
}

/**
 * Answer the backtest's merged-PR search with one page of `nodes` (and no PR
 * template; `repository` adds fields such as `codeowners0`); records each request body.
 */
export function mockMergedSearch(scope: nock.Scope, nodes: unknown[], bodies: GraphqlBody[], repository: Record<string, unknown> = {}): nock.Scope {
  return scope
    .post("/graphql", (body: GraphqlBody) => {
      bodies.push(body);
      return true;
    })
    .reply(200, {
      data: {
        repository: { template0: null, template1: null, template2: null, template3: null, template4: null, template5: null, ...repository },
        s0: { issueCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, nodes },
      },
    });
}
