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
