import type { Octokit } from "@octokit/rest";

/** The part of an Octokit instance {@link countRequests} hooks into. */
export type Hookable = Pick<Octokit, "hook">;

/** The fetch function Octokit sends a request with (`request.fetch`, else the global one). */
type Fetch = typeof globalThis.fetch;

/** Requests counted per client, by instance: applying the plugin twice registers one hook. */
const counters = new WeakMap<Hookable, { sent: number }>();

/**
 * The installation-token exchange (`POST /app/installations/{installation_id}/access_tokens`,
 * GitHub docs, "Create an installation access token for an app"): the app's
 * authentication sends it through the same client, lazily, before the first
 * request of an installation client; it is not an API call of the work being
 * counted. Matched on the path's end, so a GitHub Enterprise Server prefix
 * (`/api/v3`) and an expanded or a template URL both match.
 */
const TOKEN_EXCHANGE_PATH = /\/app\/installations\/[^/]+\/access_tokens$/;

function isTokenExchange(options: { method: string; url: string }): boolean {
  if (options.method.toUpperCase() !== "POST") return false;
  const { pathname } = new URL(options.url, "https://github.invalid");
  return TOKEN_EXCHANGE_PATH.test(pathname);
}

/** The counting fetches handed out, so a request that passes the hook again (a retry, when the hook sits inside the retry plugin) is not wrapped twice. */
const countingFetches = new WeakSet<Fetch>();

/**
 * An Octokit plugin that counts every HTTP request the client sends, REST and
 * GraphQL alike, whatever the answer (2xx, 304, 404, 5xx, or no answer at
 * all), except the installation-token exchange. Each attempt counts: a
 * request that `@octokit/plugin-retry` or `@octokit/plugin-throttling`
 * repeats counts once per time it is sent.
 *
 * Works both ways Octokit plugins are used: in `Octokit.plugin(…)` (see
 * `createClient`), and applied to an instance that already exists, such as
 * Probot's `context.octokit`. Applying it again to the same instance changes
 * nothing (one count per instance, kept in a WeakMap).
 *
 * How: a `before` hook gives the request's options a `request.fetch` that
 * counts, then calls the fetch the request would have used. Counting in
 * `after` and `error` hooks would not do: applied to an existing instance,
 * they sit outside the retry and throttling plugins, which repeat the inner
 * request without passing through outer hooks again; the fetch, by contrast,
 * is called once per attempt wherever the hook sits. (Octokit's hooks share
 * one options object per request, so the hook replaces `options.request`
 * rather than passing new options on, and never changes the client's
 * defaults, which that object may point to.)
 *
 * @param octokit any Octokit instance (`@octokit/core` 7 or a class built on it)
 * @returns nothing (an Octokit plugin adds no properties here); read the count with {@link requestCount}
 */
export function countRequests(octokit: Hookable): void {
  if (counters.has(octokit)) return;
  const counter = { sent: 0 };
  counters.set(octokit, counter);
  octokit.hook.before("request", (options) => {
    const send = options.request.fetch as Fetch | undefined;
    if (isTokenExchange(options) || (send !== undefined && countingFetches.has(send))) return;
    const counting: Fetch = (input, init) => {
      counter.sent += 1;
      return (send ?? globalThis.fetch)(input, init);
    };
    countingFetches.add(counting);
    options.request = { ...options.request, fetch: counting };
  });
}

/**
 * The requests a client has sent since {@link countRequests} was applied to it.
 *
 * @returns a count of HTTP requests (see {@link countRequests} for what counts)
 * @throws Error when `countRequests` was never applied to this instance (a
 *   count of 0 would hide the mistake)
 */
export function requestCount(octokit: Hookable): number {
  const counter = counters.get(octokit);
  if (counter === undefined) throw new Error("eng-health: countRequests was not applied to this client, so its requests are not counted");
  return counter.sent;
}

/**
 * Start counting from now: applies {@link countRequests} when it is not
 * applied yet, and returns a function that gives the requests sent since this
 * call. The pipelines use it for the API-call figures of one event, one
 * repository of the sweep (whose installation client serves several), or one
 * report.
 *
 * @returns `() => number`: requests sent by this client since the meter was made
 */
export function requestMeter(octokit: Hookable): () => number {
  countRequests(octokit);
  const start = requestCount(octokit);
  return () => requestCount(octokit) - start;
}
