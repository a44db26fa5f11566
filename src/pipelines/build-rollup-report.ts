import { configFileUrl } from "../config/config-file-url.js";
import { MAX_ROLLUP_REPOSITORIES, resolveRollupRepos, wildcardOwners } from "../config/resolve-rollup-repos.js";
import type { Config } from "../config/schema.js";
import { requestMeter } from "../github/count-requests.js";
import { findOwnerRepositories } from "../github/find-owner-repositories.js";
import { findReportIssues } from "../github/find-report-issues.js";
import { findRollupRepositories, type ReadableRepository } from "../github/find-rollup-repositories.js";
import { gatherRollupFacts } from "../github/gather-rollup-facts.js";
import type { GitHubClient } from "../github/github-client.js";
import { loadConfig, type ConfigResponseCache } from "../github/load-config.js";
import { shareConfigReads } from "../github/share-config-reads.js";
import type { RepoRef } from "../model/repo-ref.js";
import type { ReportIssue } from "../model/report-issue.js";
import { composeRollupReport, type RollupReport, type RollupRepository } from "../report/compose-rollup-report.js";
import { planWeeklyReport } from "../report/compose-weekly-report.js";
import type { RollupOmission } from "../report/rollup-row.js";
import { REPORT_RULES } from "../rules/registry.js";
import type { Rule } from "../rules/rule.js";

export type { RollupReport } from "../report/compose-rollup-report.js";

/** Inputs of {@link buildRollupReport}. */
export interface BuildRollupReportInput extends RepoRef {
  /** `YYYY-Www` (in `config.report.timezone`). */
  week: string;
  /** The rollup repository's validated config: `rollup.repos`, `review`, `flaky` and `report` are read. */
  config: Config;
  /** Problems in that config (shown when the rollup repository is one of the repositories). */
  configErrors?: number;
  /** The report issues of the rollup repository, when the caller has already listed them (saves a request). */
  reports?: readonly ReportIssue[];
  /** Requests the caller already spent for this report, added to the count. */
  priorApiCalls?: number;
  /** Progress lines while collecting. */
  onProgress?: (message: string) => void;
  /** The server's web root for the config link; default `https://github.com`. */
  webUrl?: string;
  /** The rules whose pass rates the report shows (default: those the registry marks for the report). */
  rules?: readonly Rule[];
  /**
   * The installation's repositories that are not archived, which `owner/*`
   * stands for (the scheduled job has them). Absent (the CLI): the owner's
   * repositories the client can read, one request per 100.
   */
  installationRepositories?: readonly RepoRef[];
  /** The ETag cache of config reads (`services.configCache`). */
  configCache?: ConfigResponseCache;
}

/**
 * Build one week's rollup report for the repositories of `rollup.repos`, in
 * stages:
 *
 * 1. find the rollup repository's earlier reports (one request, skipped when
 *    `reports` is given) and plan the trend from rollup markers;
 * 2. resolve `rollup.repos` (`owner/*` expanded, at most
 *    {@link MAX_ROLLUP_REPOSITORIES}) and find which the client can read
 *    (`findRollupRepositories`: one GraphQL request per 50, with each PR
 *    template); the others are named in the issue;
 * 3. read each readable repository's own config with `loadConfig` (a
 *    conditional request through `configCache`; a file several repositories
 *    fall back to, such as the organisation's `.github` one, is read once);
 *    the rollup repository's is the one given;
 * 4. gather every repository's facts with searches across them
 *    (`gatherRollupFacts`);
 * 5. compose the report (`composeRollupReport`: pure).
 *
 * Requests: 1 (listing) + ceil(R/50) + about R config reads + the searches;
 * for N pull requests over R repositories within ceil(N/50) + 10 + R.
 *
 * @param client GraphQL- and REST-capable client
 * @param input the rollup repository, week, config and options
 * @returns the report, with the team's metrics and each repository's
 * @throws Error for a malformed week or unknown time zone; the client's errors
 */
export async function buildRollupReport(client: GitHubClient, input: BuildRollupReportInput): Promise<RollupReport> {
  const { owner, repo, config } = input;
  const calls = requestMeter(client);
  const reports = input.reports ?? (await findReportIssues(client, { owner, repo, labels: config.report.labels })).issues;
  const plan = planWeeklyReport({ week: input.week, report: config.report, reports, rollup: true });

  const available = new Map<string, readonly RepoRef[]>();
  for (const wildcard of wildcardOwners(config.rollup.repos)) {
    const under = input.installationRepositories?.filter((candidate) => candidate.owner.toLowerCase() === wildcard.toLowerCase());
    available.set(wildcard.toLowerCase(), under ?? (await findOwnerRepositories(client, wildcard)));
  }
  const resolved = resolveRollupRepos(config.rollup.repos, (wildcard) => available.get(wildcard.toLowerCase()) ?? []);
  const probed = await findRollupRepositories(client, resolved.repositories);

  const reads = shareConfigReads(client);
  const home = `${owner}/${repo}`.toLowerCase();
  const members: Array<{ readable: ReadableRepository; config: Config; configErrors: number }> = [];
  for (const readable of probed.readable) {
    if (readable.name.toLowerCase() === home) {
      members.push({ readable, config, configErrors: input.configErrors ?? 0 });
      continue;
    }
    const [memberOwner = "", memberRepo = ""] = readable.name.split("/");
    const loaded = await loadConfig(reads, { owner: memberOwner, repo: memberRepo }, input.configCache);
    members.push({ readable, config: loaded.config, configErrors: loaded.errors.length });
  }

  const facts = await gatherRollupFacts(client, {
    repositories: members.map((member) => ({ ...member.readable, flakyLabel: member.config.flaky.label })),
    window: { week: plan.window.week, start: plan.spanStart, end: plan.window.end },
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  // Counted before composing: the footer shows the calls made up to rendering.
  const apiCalls = (input.priorApiCalls ?? 0) + calls();

  const notIncluded: RollupOmission[] = [
    ...probed.unreadable.map((repository) => ({ repository, reason: "unreadable" as const })),
    ...resolved.overLimit.map((repository) => ({ repository, reason: "over-limit" as const })),
  ];
  return composeRollupReport({
    plan,
    repositories: members.flatMap(({ readable, config: own, configErrors }): RollupRepository[] => {
      const gathered = facts.get(readable.name);
      return gathered ? [{ name: readable.name, url: readable.url, facts: gathered, config: own, configErrors }] : [];
    }),
    notIncluded,
    home: { owner, repo },
    config,
    rules: input.rules ?? REPORT_RULES,
    apiCalls,
    configUrl: configFileUrl({ owner, repo, ...(input.webUrl ? { webUrl: input.webUrl } : {}) }),
    maxRepositories: MAX_ROLLUP_REPOSITORIES,
  });
}
