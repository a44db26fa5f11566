import type { Hookable } from "./count-requests.js";
import { networkFailure } from "./network-failure.js";

/**
 * System error codes that no retry can change: the host name does not exist
 * (`getaddrinfo ENOTFOUND`, the resolver's final answer; `EAI_AGAIN`, a
 * resolver that did not answer, is left to the retries).
 */
const PERMANENT_CODES = new Set(["ENOTFOUND"]);

/**
 * An Octokit plugin that keeps `@octokit/plugin-retry` from repeating a
 * request whose host name does not exist (a mistyped `GITHUB_API_URL`, a
 * GitHub Enterprise Server host the machine cannot resolve): the caller hears
 * of it at once instead of after the retries' 1 + 4 + 9 s. Every other
 * failure, network or HTTP, is retried as before.
 *
 * It must come **before** `retry` in `Octokit.plugin(…)`: error hooks
 * registered first run first, and it sets the failed request's `retries` to
 * 0, which the retry plugin reads before deciding.
 *
 * @param octokit the client being built
 * @throws nothing of its own: the hook rethrows the request's error unchanged
 */
export function noRetryForUnknownHost(octokit: Hookable): void {
  octokit.hook.error("request", (error, options) => {
    const code = networkFailure(error)?.code;
    if (code && PERMANENT_CODES.has(code)) options.request = { ...options.request, retries: 0 };
    throw error;
  });
}
