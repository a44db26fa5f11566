import type { Hookable } from "./count-requests.js";

/** One HTTP request a client sent, as seen when its answer (or failure) came. */
export interface ObservedRequest {
  /** `token` (the installation-token exchange), `graphql`, `rest-read` (GET, HEAD) or `rest-write`. */
  kind: "token" | "graphql" | "rest-read" | "rest-write";
  /** The HTTP status, or `error` when no answer came (network failure, timeout). */
  status: number | "error";
  /** `x-ratelimit-remaining` of the answer, when it had one. */
  rateLimitRemaining: number | null;
}

type Fetch = typeof globalThis.fetch;

/** The observing fetches handed out, so a request that passes the hook again is not wrapped twice. */
const observingFetches = new WeakSet<Fetch>();

/**
 * Apply to an Octokit instance (Probot's installation client) to be told of
 * every HTTP request it sends, each attempt on its own (retries included),
 * with its kind, status and the rate limit left. Works like `countRequests`:
 * a `before` hook gives the request a fetch that reports, around the fetch it
 * would have used.
 *
 * @param octokit any Octokit instance
 * @param observe called once per request, after its answer; must not throw
 */
export function observeRequests(octokit: Hookable, observe: (request: ObservedRequest) => void): void {
  octokit.hook.before("request", (options) => {
    const send = options.request.fetch as Fetch | undefined;
    if (send !== undefined && observingFetches.has(send)) return;
    const kind = kindOf(options.method, options.url);
    const observing: Fetch = async (input, init) => {
      try {
        const response = await (send ?? globalThis.fetch)(input, init);
        const remaining = response.headers.get("x-ratelimit-remaining");
        observe({ kind, status: response.status, rateLimitRemaining: remaining === null ? null : Number(remaining) });
        return response;
      } catch (error) {
        observe({ kind, status: "error", rateLimitRemaining: null });
        throw error;
      }
    };
    observingFetches.add(observing);
    options.request = { ...options.request, fetch: observing };
  });
}

function kindOf(method: string, url: string): ObservedRequest["kind"] {
  const { pathname } = new URL(url, "https://github.invalid");
  if (/\/app\/installations\/[^/]+\/access_tokens$/.test(pathname)) return "token";
  if (pathname.endsWith("/graphql")) return "graphql";
  return method.toUpperCase() === "GET" || method.toUpperCase() === "HEAD" ? "rest-read" : "rest-write";
}
