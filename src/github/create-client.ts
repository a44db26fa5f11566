import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { countRequests } from "./count-requests.js";
import { noRetryForUnknownHost } from "./no-retry-unknown-host.js";
import { DEFAULT_API_URL, graphqlUrlFor } from "./graphql-url-for.js";

/**
 * The client class of every entry point that is not Probot (the CLI, the
 * bench, the GitHub Action), composed once: `@octokit/rest` (REST methods,
 * pagination, the request log), then `@octokit/plugin-throttling` (queues
 * requests and waits out rate limits), {@link noRetryForUnknownHost} (a host
 * name that does not exist fails at once), `@octokit/plugin-retry` (repeats a
 * request that failed with a 5xx or a network error, 3 times at most, after
 * 1, 4 and 9 s) and {@link countRequests}. Probot's own client composes the
 * same two plugins for the app.
 */
const ClientOctokit = Octokit.plugin(throttling, noRetryForUnknownHost, retry, countRequests);

/** A client made by {@link createClient}. */
export type Client = InstanceType<typeof ClientOctokit>;

/**
 * Retries after a rate limit, per request, before its error is let through:
 * GitHub asks a client that hit a limit to wait until the reset time
 * (primary limit, `x-ratelimit-reset`) or for `retry-after` seconds
 * (secondary limit), and warns that going on regardless can get the
 * integration banned (GitHub docs, "Rate limits for the REST API",
 * https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api).
 * Three waits cover a reset and a few secondary limits in a row; a request
 * still limited after that fails, rather than blocking the caller for good.
 */
export const MAX_RATE_LIMIT_RETRIES = 3;

/** Inputs of {@link createClient}. */
export interface CreateClientOptions {
  /** A token that can read the repositories (a PAT, `GITHUB_TOKEN` in Actions, an installation token). */
  token: string;
  /** The REST root (`GITHUB_API_URL`); default `https://api.github.com`. Trailing slashes are dropped. */
  apiUrl?: string;
  /** The GraphQL endpoint (`GITHUB_GRAPHQL_URL`); derived from `apiUrl` by {@link graphqlUrlFor} when unset. */
  graphqlUrl?: string;
  /** Sent as `user-agent` (Octokit appends its own), e.g. `eng-health-cli`. */
  userAgent: string;
  /** `enabled: false` turns retries off (tests); `baseDelayMs` scales the waits (1,000 by default: 1, 4, 9 s). */
  retry?: { enabled?: boolean; baseDelayMs?: number };
  /** `enabled: false` turns throttling off (tests); `baseDelayMs` scales the rate-limit waits (1,000 by default: seconds). */
  throttle?: { enabled?: boolean; baseDelayMs?: number };
  /** Told each time a rate limit is hit, in one line: the request, and the wait in seconds or that it gives up. */
  log?: (message: string) => void;
  /**
   * Where Octokit's own log goes (its request log, `GET /repos/… - 404 with id … in 12ms`,
   * and its warnings), one line each with its level. Unset: Octokit's default
   * (warnings and errors, failed requests included, on the console).
   */
  octokitLog?: (level: "debug" | "info" | "warn" | "error", message: string) => void;
}

/**
 * Build an authenticated Octokit client for any entry point but Probot's
 * webhooks (Probot builds its installation clients itself), with retry,
 * throttling and request counting composed once ({@link ClientOctokit}).
 *
 * On a rate limit (primary or secondary), the request waits as long as
 * GitHub says and is sent again, up to {@link MAX_RATE_LIMIT_RETRIES} times;
 * each wait is reported through `log`. Writes and GraphQL queries are spaced
 * one second apart by the throttling plugin (GitHub docs, "Best practices for
 * using the REST API": "wait at least one second between each request" that
 * creates or changes something,
 * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api).
 * A create sent with `request: { retries: 0 }` is never repeated by the retry plugin.
 *
 * @param options token, API and GraphQL URLs, user agent, plugin switches, and
 *   the callbacks for rate-limit waits (`log`) and Octokit's own log (`octokitLog`)
 * @returns the client; `octokit.graphql` already points at the GraphQL URL,
 *   and `requestCount(client)` gives the requests it has sent
 */
export function createClient(options: CreateClientOptions): Client {
  const apiUrl = (options.apiUrl || DEFAULT_API_URL).replace(/\/+$/, "");
  const graphqlUrl = options.graphqlUrl || graphqlUrlFor(apiUrl);
  const onLimit =
    (limit: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const again = retryCount < MAX_RATE_LIMIT_RETRIES;
      options.log?.(`GitHub's ${limit} was hit on ${request.method} ${request.url}; ${again ? `retrying in ${retryAfter} s` : "giving up"}`);
      return again;
    };
  const throttleOn = options.throttle?.enabled ?? true;
  const octokitLog = options.octokitLog;
  const octokit = new ClientOctokit({
    auth: options.token,
    ...(octokitLog
      ? {
          log: {
            debug: (message: string) => octokitLog("debug", message),
            info: (message: string) => octokitLog("info", message),
            warn: (message: string) => octokitLog("warn", message),
            error: (message: string) => octokitLog("error", message),
          },
        }
      : {}),
    baseUrl: apiUrl,
    userAgent: options.userAgent,
    retry: {
      enabled: options.retry?.enabled ?? true,
      ...(options.retry?.baseDelayMs !== undefined ? { retryAfterBaseValue: options.retry.baseDelayMs } : {}),
    },
    throttle: throttleOn
      ? {
          onRateLimit: onLimit("rate limit"),
          onSecondaryRateLimit: onLimit("secondary rate limit"),
          ...(options.throttle?.baseDelayMs !== undefined ? { retryAfterBaseValue: options.throttle.baseDelayMs } : {}),
        }
      : { enabled: false },
  });
  // `@octokit/graphql` replaces the URL with `…/api/graphql` whenever `baseUrl` ends in `/api/v3`,
  // which would ignore GITHUB_GRAPHQL_URL on GitHub Enterprise Server: give it a base of its own.
  octokit.graphql = octokit.graphql.defaults({ baseUrl: graphqlUrl.replace(/\/[^/]*$/, ""), url: graphqlUrl });
  return octokit;
}
