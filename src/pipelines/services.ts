import type { RepoSnapshot } from "../github/gather-pull-request-state.js";
import type { ContentResponse } from "../github/load-config.js";
import { TtlCache } from "../cache/ttl-cache.js";
import { CommentLedger, type OnceLedger } from "../publish/comment-ledger.js";
import { InProcessLock, type KeyedLock } from "../publish/keyed-lock.js";

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
  /** One-time comments (flaky-test checklist, review nudge) being posted or just posted: this process's memory, or Redis shared by every replica. */
  comments: OnceLedger;
  /** One writer per key (a PR's check run, a repository's report): in this process, or in Redis across replicas. */
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

/** Fresh services for one app instance (in-process ledger and locks unless given). */
export function createServices(options: { now?: () => Date; appId?: number; comments?: OnceLedger; locks?: KeyedLock } = {}): Services {
  return {
    snapshotCache: new TtlCache(SNAPSHOT_TTL_MS),
    configCache: new TtlCache(CONFIG_ETAG_TTL_MS, 5_000),
    comments: options.comments ?? new CommentLedger(),
    locks: options.locks ?? new InProcessLock(),
    recentFlakyIssues: new TtlCache(RECENT_FLAKY_ISSUE_TTL_MS, 1_000),
    now: options.now ?? (() => new Date()),
    ...(options.appId !== undefined ? { appId: options.appId } : {}),
  };
}
