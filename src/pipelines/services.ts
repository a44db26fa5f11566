import type { RepoSnapshot } from "../github/gather-pull-request-state.js";
import type { ContentResponse } from "../github/load-config.js";
import { TtlCache } from "../cache/ttl-cache.js";
import { CommentLedger } from "../publish/comment-ledger.js";
import { createKeyedLock, type KeyedLock } from "./keyed-lock.js";

/** How long a repository's PR template and open flaky issues are reused: 5 minutes. */
export const SNAPSHOT_TTL_MS = 5 * 60 * 1000;

/** How long a config file's ETag is kept for conditional requests: a day (every read still revalidates). */
export const CONFIG_ETAG_TTL_MS = 24 * 60 * 60 * 1000;

/** How long this process remembers a pending flaky-CI issue it wrote: 10 minutes, longer than the search index lags. */
export const RECENT_FLAKY_ISSUE_TTL_MS = 10 * 60 * 1000;

/** Process-wide state the handlers share: caches and the clock. */
export interface Services {
  /** PR template and open flaky-test issues per repository; `issues` webhooks invalidate it. */
  snapshotCache: TtlCache<RepoSnapshot & { label: string }>;
  /** Config file responses with their ETags: config reads are conditional, a 304 is free. */
  configCache: TtlCache<{ etag: string; response: ContentResponse }>;
  /** One-time comments (flaky-test checklist, review nudge) this process is posting or just posted. */
  comments: CommentLedger;
  /**
   * Serialises the flaky-CI pipeline per repository and check name. This
   * process's lock by default; a lock shared by replicas can take its place.
   */
  locks: KeyedLock;
  /**
   * Pending flaky-CI issues (waiting for `flaky.min_occurrences`) this process
   * wrote lately, by repository and key: the search that finds them lags.
   */
  recentFlakyIssues: TtlCache<number>;
  /** The current instant (tests pass a fixed one). */
  now: () => Date;
  /** This GitHub App's id (`APP_ID`), when known: lookups then read only its own check suite. */
  appId?: number;
}

/** Fresh services for one app instance. */
export function createServices(options: { now?: () => Date; appId?: number } = {}): Services {
  return {
    snapshotCache: new TtlCache(SNAPSHOT_TTL_MS),
    configCache: new TtlCache(CONFIG_ETAG_TTL_MS, 5_000),
    comments: new CommentLedger(),
    locks: createKeyedLock(),
    recentFlakyIssues: new TtlCache(RECENT_FLAKY_ISSUE_TTL_MS, 1_000),
    now: options.now ?? (() => new Date()),
    ...(options.appId !== undefined ? { appId: options.appId } : {}),
  };
}
