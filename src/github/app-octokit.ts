import Bottleneck from "bottleneck";
import { ProbotOctokit } from "probot";
import { CONTENT_WRITE_SPACING_MS } from "../model/github-limits.js";

/** What this module reads of Octokit's request options. */
interface RequestOptions {
  url: string;
  method: string;
  headers: Record<string, unknown>;
  request?: { retryCount?: number };
}

/** Rate-limit waits per request before its error is let through (the job's own retries come after). */
const RATE_LIMIT_RETRIES = 3;

/** The `write` groups by Redis connection (one for the process without Redis). */
const writeGroups = new Map<unknown, Bottleneck.Group>();

/**
 * `@octokit/plugin-throttling`'s `write` limiter, reshaped: the plugin sends
 * every POST, PATCH, PUT and DELETE, and every GraphQL query, through one
 * queue per installation spaced 1 s apart, so a PR event (one GraphQL query,
 * one write) costs 2 s of an installation's queue. GitHub's secondary limit
 * is on content-creating requests, about 80 a minute (GitHub docs, "Rate
 * limits for the REST API", secondary rate limits): writes are spaced
 * {@link CONTENT_WRITE_SPACING_MS} apart per installation (shared by every
 * replica through Redis when Probot has a Redis connection), and GraphQL
 * queries, which create nothing, are not queued behind them.
 */
function writeLimiter(connection: unknown): Bottleneck.Group {
  let group = writeGroups.get(connection);
  if (group === undefined) {
    group = new Bottleneck.Group({
      id: "eng-health-write",
      maxConcurrent: 1,
      minTime: CONTENT_WRITE_SPACING_MS,
      timeout: 120_000,
      // Probot's IORedisConnection (with REDIS_URL): the spacing holds across replicas.
      ...(connection ? { connection: connection as Bottleneck.IORedisConnection } : {}),
    });
    writeGroups.set(connection, group);
  }
  return group;
}

/** A `write` limiter that lets every request through at once (what GraphQL queries get). */
const UNQUEUED = { key: () => ({ schedule: <T>(_options: object, task: () => Promise<T>) => task() }) };

/**
 * The plugin's per-client `retryLimiter` (it runs every request and retries
 * rate-limited ones), handing the plugin a `write` limiter that does not
 * queue GraphQL queries. It is the one place the plugin passes a request's
 * URL along with its state, so the choice is made there.
 */
function graphqlAwareRetryLimiter(): Bottleneck {
  const limiter = new Bottleneck();
  const schedule = limiter.schedule.bind(limiter) as (...args: unknown[]) => Promise<unknown>;
  // Bottleneck's `schedule` is overloaded; the plugin calls it as (task, state, request, options).
  (limiter as unknown as { schedule: (...args: unknown[]) => Promise<unknown> }).schedule = (task, state, request, options) => {
    const { pathname } = new URL((options as RequestOptions).url, "https://github.invalid");
    return schedule(task, pathname.endsWith("/graphql") ? { ...(state as object), write: UNQUEUED } : state, request, options);
  };
  return limiter;
}

/** Log a rate limit with the delivery the request belongs to, and wait it out up to {@link RATE_LIMIT_RETRIES} times. */
function onLimit(kind: string) {
  return (retryAfter: number, options: RequestOptions, octokit: { log: { warn(obj: object, msg: string): void } }, retryCount: number): boolean => {
    const again = retryCount < RATE_LIMIT_RETRIES;
    octokit.log.warn(
      { deliveryId: options.headers["x-github-delivery"], request: `${options.method} ${options.url}`, retryAfterSeconds: retryAfter, retryCount },
      again ? `eng-health: GitHub's ${kind} was hit; waiting ${retryAfter} s and trying again` : `eng-health: GitHub's ${kind} was hit again; giving up on this request`,
    );
    return again;
  };
}

/**
 * The Octokit class the server runs Probot with (`run(app, { Octokit })` in
 * `main.ts`): Probot's own, with
 *
 * - writes spaced per installation and GraphQL queries unqueued
 *   ({@link writeLimiter});
 * - primary and secondary rate limits waited out (`retry-after`,
 *   `x-ratelimit-reset`) and retried up to 3 times, each logged with the
 *   delivery id (Probot's default gives up on a secondary limit at once and
 *   logs no delivery).
 *
 * Probot keys the throttling by installation for clients made with
 * `app.auth(installationId)`, which is how every job gets its client.
 */
export const AppOctokit = ProbotOctokit.defaults((options: { throttle?: Record<string, unknown> }) => {
  if (options.throttle?.enabled === false) return options;
  return {
    ...options,
    throttle: {
      ...options.throttle,
      write: writeLimiter(options.throttle?.connection),
      // One per client, as the plugin's own (it registers its retry handler on it).
      retryLimiter: graphqlAwareRetryLimiter(),
      onRateLimit: onLimit("rate limit"),
      onSecondaryRateLimit: onLimit("secondary rate limit"),
    },
  };
});
