import { configSchema, DEFAULT_CONFIG } from "../src/config/schema.js";
import { createClient, type Client } from "../src/github/create-client.js";
import { isoWeekWindow } from "../src/time/iso-week.js";
import { buildSyntheticRepository, type SyntheticRepository } from "./synthetic-repository.js";

/** The sizes of the single repositories `npm run bench:report` measures, in pull requests. */
export const SIZES = [100, 1000, 5000] as const;
/** Latency the stand-in adds to every request, in ms. */
export const LATENCY_MS = 20;
/** The report's ISO week. */
export const WEEK = "2026-W47";
/** The owner of every synthetic repository. */
export const OWNER = "bench";
/** The config in effect for a repository's report (the defaults: UTC, a trend of 8 weeks). */
export const CONFIG = DEFAULT_CONFIG;
/** The report's week as ISO instants (`isoWeekWindow` in `CONFIG.report.timezone`). */
export const WINDOW = isoWeekWindow(WEEK, CONFIG.report.timezone);
/** The report runs on Monday at 09:00 after the week, like the scheduled job. */
export const NOW = new Date(Date.parse(WINDOW.end) + 9 * 3_600_000);
/** The rollup row: one team issue over this many repositories ... */
export const ROLLUP_REPOSITORIES = 20;
/** ... holding this many pull requests between them (issue 16). */
export const ROLLUP_PULL_REQUESTS = 5000;
/** The rollup lives in the first of its repositories and lists them all. */
export const ROLLUP_NAMES = Array.from({ length: ROLLUP_REPOSITORIES }, (_, index) => `team-${String(index + 1).padStart(2, "0")}`);
/** The rollup's config: `rollup.repos` naming every one of {@link ROLLUP_NAMES}. */
export const ROLLUP_CONFIG = configSchema.parse({ rollup: { repos: ROLLUP_NAMES.map((name) => `${OWNER}/${name}`) } });

/**
 * The client the CLI uses (`createClient`: retry, request counting), without
 * throttling: its one-second spacing of GraphQL queries and writes is for
 * GitHub's secondary rate limits, which the stand-in does not have, and would
 * measure the waiting instead of the report.
 *
 * @param apiUrl the stand-in's REST base URL (`SyntheticGitHub.apiUrl`)
 */
export function benchClient(apiUrl: string): Client {
  const client = createClient({ token: "bench", apiUrl, userAgent: "eng-health-bench", throttle: { enabled: false } });
  // The rollup's config reads answer 404 (no file: the defaults); Octokit's request log would print each one.
  client.log.error = () => {};
  return client;
}

/** The name of the synthetic repository of `size` pull requests, e.g. `prs-5000`. */
export function repositoryName(size: number): string {
  return `prs-${size}`;
}

/** The synthetic repository of `size` pull requests spread over the trend's weeks up to {@link WEEK}. */
export function syntheticRepository(size: number): SyntheticRepository {
  return buildSyntheticRepository({
    owner: OWNER,
    repo: repositoryName(size),
    pullRequests: size,
    end: WINDOW.end,
    weeks: CONFIG.report.trend_weeks,
    now: NOW.toISOString(),
  });
}

/** The rollup's repositories: {@link ROLLUP_PULL_REQUESTS} pull requests spread evenly, each repository its own seed. */
export function rollupRepositories(): SyntheticRepository[] {
  return ROLLUP_NAMES.map((repo, index) =>
    buildSyntheticRepository({
      owner: OWNER,
      repo,
      pullRequests: ROLLUP_PULL_REQUESTS / ROLLUP_REPOSITORIES,
      end: WINDOW.end,
      weeks: CONFIG.report.trend_weeks,
      now: NOW.toISOString(),
      seed: 100 + index,
    }),
  );
}
