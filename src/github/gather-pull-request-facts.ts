import type { Config } from "../config/schema.js";
import { gatherChangedFiles } from "./gather-changed-files.js";
import { gatherProposedConfig } from "./gather-proposed-config.js";
import { emptySnapshot, gatherPullRequestState, type RepoSnapshot } from "./gather-pull-request-state.js";
import type { GitHubClient } from "./github-client.js";
import type { PullRequestFacts } from "../model/pull-request-facts.js";
import { factsFromPayload, type PullRequestPayload } from "./pull-request-payload.js";
import type { TtlCache } from "../cache/ttl-cache.js";

/** Inputs of {@link gatherPullRequestFacts}. */
export interface GatherPullRequestInput {
  owner: string;
  repo: string;
  pr: PullRequestPayload;
  config: Config;
  /** Read the PR's review timeline (`reviewFactsWanted(...).read`). */
  includeReview: boolean;
  /** ISO instant of evaluation. */
  now: string;
  /** Repository snapshots (PR template, open flaky issues, CODEOWNERS, `.gitattributes`) by `owner/repo`; omit to always fetch. */
  snapshotCache?: TtlCache<RepoSnapshot & { label: string }>;
  /** This GitHub App's id, when known (see `gatherPullRequestState`). */
  appId?: number;
}

/** Facts for the rules, and the existing check run. */
export interface GatheredPullRequest {
  facts: PullRequestFacts;
  existingCheckRunId: number | null;
  /** The PR's own `.github/eng-health.yml` at its head when the PR adds or changes it, else null. */
  proposedConfigText: string | null;
}

/**
 * Gather everything the rules need for one PR in two requests (three when the
 * PR changes `.github/eng-health.yml`, whose new version is read to validate it): the changed
 * files with patches (REST, one page per 100 files) and one GraphQL query for
 * the existing check run, the review timeline (only with `includeReview`;
 * with `review.require_owner`, the teams each review was made on behalf of)
 * and the repository snapshot: PR template, open flaky issues, CODEOWNERS and
 * `.gitattributes` from the default branch (skipped when cached). Both run in
 * parallel.
 *
 * @throws the client's errors (the caller turns them into a neutral run)
 */
export async function gatherPullRequestFacts(client: GitHubClient, input: GatherPullRequestInput): Promise<GatheredPullRequest> {
  const { owner, repo, pr, config } = input;
  const facts = factsFromPayload(pr, { owner, repo }, input.now);
  const cacheKey = `${owner}/${repo}`.toLowerCase();
  const cached = input.snapshotCache?.get(cacheKey);
  const snapshot = cached && cached.label === config.flaky.label ? cached : undefined;
  const includeReview = input.includeReview;

  const [files, state] = await Promise.all([
    gatherChangedFiles(client, { owner, repo, number: pr.number, ...(pr.changed_files !== undefined ? { changedFilesCount: pr.changed_files } : {}) }),
    gatherPullRequestState(client, {
      owner,
      repo,
      number: pr.number,
      headSha: facts.headSha,
      checkName: config.checks.name,
      includeReview,
      ...(snapshot ? {} : { flakyLabel: config.flaky.label }),
      ...(input.appId !== undefined ? { appId: input.appId } : {}),
      ...(config.review.require_owner ? { reviewTeams: true } : {}),
    }),
  ]);

  const proposed = await gatherProposedConfig(client, { owner, repo, headSha: facts.headSha, files: files.files });

  const repoSnapshot = snapshot ?? state.snapshot ?? emptySnapshot();
  if (!snapshot && state.snapshot) input.snapshotCache?.set(cacheKey, { ...state.snapshot, label: config.flaky.label });

  facts.files = files.files;
  facts.filesTruncated = files.truncated;
  facts.template = repoSnapshot.template;
  facts.flakyIssues = repoSnapshot.flakyIssues;
  facts.codeOwners = repoSnapshot.codeOwners;
  facts.gitAttributes = repoSnapshot.gitAttributes;
  if (state.review) facts.review = state.review;

  return {
    facts,
    existingCheckRunId: state.existingCheckRunId,
    proposedConfigText: proposed?.text ?? null,
  };
}
