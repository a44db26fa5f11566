import type { SyntheticRepository } from "./synthetic-repository.js";

/**
 * Answer the one GraphQL query of a pull request event
 * (`buildPullRequestStateQuery` in `src/github/gather-pull-request-state.ts`)
 * from a synthetic repository:
 *
 * - `object(oid: $sha)`: the check run named `$checkName` on that head SHA,
 *   as the newest stored run, in one check suite (the stand-in serves one app);
 * - `pullRequest(number: $number)`, when asked: the PR's draft state, an empty
 *   review timeline and no review requests (the demo's PRs are just opened);
 * - `issues(…labels: [$label])`, when asked: the open flaky-test issues, in
 *   one page, and the PR template at the first template path.
 *
 * @param repository the repository, or undefined (GitHub answers `repository: null`)
 * @param query the query text (only which parts it selects is read)
 * @param variables `sha`, `checkName`, and `number` / `label` when those parts are selected
 */
export function answerPullRequestState(
  repository: SyntheticRepository | undefined,
  query: string,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  if (!repository) return { repository: null };
  const runs = (repository.checkRuns ?? []).filter((run) => run.head_sha === variables.sha && run.name === variables.checkName);
  const newest = runs.at(-1);
  const answer: Record<string, unknown> = {
    object: { checkSuites: { nodes: newest ? [{ checkRuns: { nodes: [{ databaseId: newest.id }] } }] : [] } },
  };
  if (query.includes("pullRequest(number: $number)")) {
    const pr = repository.eventPullRequests?.find((candidate) => candidate.number === variables.number);
    answer.pullRequest = pr
      ? { isDraft: pr.draft, timelineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] }, reviewRequests: { nodes: [] } }
      : null;
  }
  if (query.includes("labels: [$label]")) {
    const label = String(variables.label);
    const open = repository.flakyIssues.filter((issue) => issue.state === "open");
    answer.issues = {
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: open.map((issue) => ({
        number: issue.number,
        title: issue.title,
        body: "",
        url: issue.htmlUrl,
        createdAt: issue.createdAt,
        assignees: { nodes: issue.assignees.map((login) => ({ login })) },
        labels: { nodes: [{ name: label }] },
      })),
    };
    for (const alias of query.matchAll(/(template\d+): object/g)) answer[alias[1] as string] = null;
    answer.template0 = { text: repository.template };
  }
  return { repository: answer };
}
