import type { RepoSnapshot } from "../facts/gather-pull-request-state.js";
import { TtlCache } from "../facts/ttl-cache.js";

/** How long a repository's PR template and open flaky issues are reused: 5 minutes. */
export const SNAPSHOT_TTL_MS = 5 * 60 * 1000;

/** Process-wide state the handlers share: caches and the clock. */
export interface Services {
  /** PR template and open flaky-test issues per repository; `issues` webhooks invalidate it. */
  snapshotCache: TtlCache<RepoSnapshot & { label: string }>;
  /** The current instant (tests pass a fixed one). */
  now: () => Date;
  /** This GitHub App's id (`APP_ID`), when known: lookups then read only its own check suite. */
  appId?: number;
}

/** Fresh services for one app instance. */
export function createServices(options: { now?: () => Date; appId?: number } = {}): Services {
  return {
    snapshotCache: new TtlCache(SNAPSHOT_TTL_MS),
    now: options.now ?? (() => new Date()),
    ...(options.appId !== undefined ? { appId: options.appId } : {}),
  };
}
