import type { PullRequestFacts, ReviewFacts } from "../model/pull-request-facts.js";

/**
 * The fields eng-health reads from a pull request object, as both the
 * `pull_request` webhook payload and `GET /repos/{owner}/{repo}/pulls/{n}`
 * carry it. Kept structural so either source fits.
 */
export interface PullRequestPayload {
  number: number;
  title: string;
  body?: string | null;
  user: { login: string; type?: string } | null;
  draft?: boolean;
  state: string;
  merged_at?: string | null;
  closed_at?: string | null;
  labels?: Array<{ name?: string } | string>;
  head: { sha: string };
  html_url: string;
  created_at: string;
  changed_files?: number;
  requested_reviewers?: Array<{ login?: string; slug?: string; name?: string | null } | null> | null;
  requested_teams?: Array<{ slug?: string } | null> | null;
}

/**
 * The PR-level facts from a payload; files, template, flaky issues and review
 * facts are filled in by {@link gatherPullRequestFacts}.
 *
 * @param now ISO instant of evaluation
 */
export function factsFromPayload(
  pr: PullRequestPayload,
  repo: { owner: string; repo: string },
  now: string,
): PullRequestFacts {
  return {
    owner: repo.owner,
    repo: repo.repo,
    number: pr.number,
    title: pr.title,
    body: pr.body ?? "",
    author: { login: pr.user?.login ?? "ghost", type: pr.user?.type ?? "User" },
    draft: pr.draft === true,
    state: pr.state,
    mergedAt: pr.merged_at ?? null,
    closedAt: pr.closed_at ?? null,
    labels: (pr.labels ?? []).map((label) => (typeof label === "string" ? label : (label.name ?? ""))).filter(Boolean),
    headSha: pr.head.sha,
    htmlUrl: pr.html_url,
    createdAt: pr.created_at,
    files: [],
    filesTruncated: false,
    template: null,
    flakyIssues: [],
    now,
  };
}

/**
 * Review facts known without a request, for a PR that was just opened: no
 * review can exist yet and no draft transition has happened.
 */
export function reviewFactsOnOpen(pr: PullRequestPayload, org: string): ReviewFacts {
  return {
    createdAsDraft: pr.draft === true,
    timeline: [],
    reviews: [],
    requestedReviewers: (pr.requested_reviewers ?? []).flatMap((r) => (r?.login ? [r.login] : [])),
    requestedTeams: (pr.requested_teams ?? []).flatMap((team) => (team?.slug ? [`${org}/${team.slug}`] : [])),
  };
}
