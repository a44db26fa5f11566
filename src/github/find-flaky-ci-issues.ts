import { parseFlakyCiMarker } from "../flaky/flaky-ci-marker.js";
import type { ExistingFlakyCiIssue } from "../flaky/plan-flaky-ci-issue.js";
import { REST_MAX_PER_PAGE } from "../model/github-limits.js";
import type { RepoRef } from "../model/repo-ref.js";
import type { GitHubClient } from "./github-client.js";

/** An issue as the REST listing, the search and "Get an issue" return it (the fields read). */
interface IssueItem {
  number: number;
  html_url: string;
  state: string;
  body?: string | null;
  labels: Array<string | { name?: string }>;
  pull_request?: unknown;
}

/**
 * The flaky-test issues of one check that carry a flaky-ci marker, in one
 * request: `GET /repos/{owner}/{repo}/issues?labels=LABEL&state=all&sort=updated&direction=desc&per_page=100`
 * (REST docs, "List repository issues"). The listing reads GitHub's database,
 * not the search index, so an issue created a moment ago is found: that is
 * what keeps a redelivery or a second replica from opening it twice. The 100
 * most recently updated issues with the label are read (an issue that gets
 * occurrences stays among them); pull requests are dropped.
 *
 * @param input the repository, `flaky.label` and the check's name
 * @returns the issues whose marker names this check, most recently updated first
 * @throws the client's `RequestError`
 */
export async function findFlakyCiIssues(client: GitHubClient, input: RepoRef & { label: string; check: string }): Promise<ExistingFlakyCiIssue[]> {
  const response = await client.request("GET /repos/{owner}/{repo}/issues", {
    owner: input.owner,
    repo: input.repo,
    labels: input.label,
    state: "all",
    sort: "updated",
    direction: "desc",
    per_page: REST_MAX_PER_PAGE,
  });
  return toFlakyCiIssues(response.data as IssueItem[], input.check);
}

/**
 * Pending flaky-ci issues of one check (closed, without the label, waiting
 * for `flaky.min_occurrences`), in one request to the search API:
 * `GET /search/issues?q=repo:OWNER/REPO is:issue in:body "eng-health:flaky-ci"`
 * (REST docs, "Search issues and pull requests"; 30 requests a minute).
 * Only asked when `min_occurrences` is above 1. The search index lags
 * GitHub by seconds, and so may the bodies it returns: read a found issue
 * again with {@link readFlakyCiIssue} before changing it.
 *
 * @returns pending issues whose marker names this check, most recently updated first
 * @throws the client's `RequestError`
 */
export async function findPendingFlakyCiIssues(client: GitHubClient, input: RepoRef & { check: string }): Promise<ExistingFlakyCiIssue[]> {
  const response = await client.request("GET /search/issues", {
    q: `repo:${input.owner}/${input.repo} is:issue in:body "eng-health:flaky-ci"`,
    sort: "updated",
    order: "desc",
    per_page: REST_MAX_PER_PAGE,
  });
  return toFlakyCiIssues(response.data.items as IssueItem[], input.check).filter((issue) => issue.evidence.pending === true);
}

/**
 * One issue as GitHub has it now (`GET /repos/{owner}/{repo}/issues/{issue_number}`),
 * with its flaky-ci evidence.
 *
 * @returns the issue, or null when it carries no flaky-ci marker
 * @throws the client's `RequestError`
 */
export async function readFlakyCiIssue(client: GitHubClient, input: RepoRef & { number: number }): Promise<ExistingFlakyCiIssue | null> {
  const response = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
    owner: input.owner,
    repo: input.repo,
    issue_number: input.number,
  });
  return toFlakyCiIssue(response.data as IssueItem);
}

function toFlakyCiIssues(items: readonly IssueItem[], check: string): ExistingFlakyCiIssue[] {
  return items.flatMap((item) => {
    const issue = toFlakyCiIssue(item);
    return issue !== null && issue.evidence.check === check ? [issue] : [];
  });
}

function toFlakyCiIssue(item: IssueItem): ExistingFlakyCiIssue | null {
  if (item.pull_request !== undefined && item.pull_request !== null) return null;
  const body = item.body ?? "";
  const evidence = parseFlakyCiMarker(body);
  if (evidence === null) return null;
  return {
    number: item.number,
    htmlUrl: item.html_url,
    state: item.state === "open" ? "open" : "closed",
    labels: item.labels.map((entry) => (typeof entry === "string" ? entry : (entry.name ?? ""))).filter((name) => name !== ""),
    body,
    evidence,
  };
}
