import type { PullRequestFacts } from "../model/pull-request-facts.js";
import type { ReportFacts, ReportPullRequest } from "../model/report-facts.js";

/**
 * A pull request from the report's collection as the check-run rules see it,
 * evaluated at `now`: closed (merged when `mergedAt` is set), not a draft, no
 * open flaky-test issues and no head SHA (the collection reads neither), the
 * repository's PR template, CODEOWNERS and `.gitattributes` from `facts`
 * (`null` when not read). The weekly report evaluates merged PRs at the
 * window's end; the backtest at each PR's merge, so the `review` rule judges
 * the wait as it ended there.
 *
 * @param pr a PR as `toReportPullRequest` gathers it
 * @param facts the repository (`owner`, `repo`), its PR template, CODEOWNERS and `.gitattributes`
 * @param now ISO instant of evaluation (`PullRequestFacts.now`)
 * @returns the facts for `evaluateRules`; arrays are shared with `pr`, not copied
 */
export function toPullRequestFacts(
  pr: ReportPullRequest,
  facts: Pick<ReportFacts, "owner" | "repo" | "template" | "codeOwners" | "gitAttributes">,
  now: string,
): PullRequestFacts {
  return {
    owner: facts.owner,
    repo: facts.repo,
    number: pr.number,
    title: pr.title,
    body: pr.body,
    author: pr.author,
    draft: false,
    state: "closed",
    mergedAt: pr.mergedAt,
    closedAt: pr.closedAt,
    labels: pr.labels,
    headSha: "",
    htmlUrl: pr.htmlUrl,
    createdAt: pr.createdAt,
    files: pr.files,
    filesTruncated: pr.filesTruncated,
    template: facts.template,
    flakyIssues: [],
    codeOwners: facts.codeOwners ?? null,
    gitAttributes: facts.gitAttributes ?? null,
    review: pr.review,
    now,
  };
}
