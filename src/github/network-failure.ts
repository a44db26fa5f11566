import { httpStatus } from "./http-status.js";

/** A request that got no HTTP answer at all. */
export interface NetworkFailure {
  /** The URL the request was sent to, when the error carries it. */
  url: string | null;
  /**
   * The lowest-level reason, for people: the system error's message with its
   * code (`connect ECONNREFUSED 127.0.0.1:1`, `getaddrinfo ENOTFOUND ghe.example`),
   * or fetch's own (`bad port`).
   */
  reason: string;
  /** The system error code when there is one (`ECONNREFUSED`, `ENOTFOUND`, `ETIMEDOUT`), else null. */
  code: string | null;
}

/** How deep a chain of `cause`s is followed (fetch nests two or three). */
const MAX_CAUSE_DEPTH = 10;

/**
 * Tell a request that never reached an HTTP exchange (connection refused, DNS
 * failure, a port fetch refuses to use, a reset) from an answer GitHub gave.
 * `@octokit/request` reports both as a `RequestError` with status 500; a
 * network failure has no `response` and carries fetch's error as `cause`
 * (whose own `cause` is the system error). Decided by that structure, never
 * by message text.
 *
 * @param error anything thrown by an Octokit request
 * @returns the URL tried and the reason, or null when the error is an HTTP
 *   answer (any status) or not a request error
 */
export function networkFailure(error: unknown): NetworkFailure | null {
  if (httpStatus(error) !== 500) return null;
  const requestError = error as { response?: unknown; cause?: unknown; request?: { url?: unknown } };
  if (requestError.response !== undefined || requestError.cause === undefined || requestError.cause === null) return null;
  let innermost: unknown = requestError.cause;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH; depth += 1) {
    const next = (innermost as { cause?: unknown } | null)?.cause;
    if (next === undefined || next === null) break;
    innermost = next;
  }
  const code = (innermost as { code?: unknown }).code;
  const message = innermost instanceof Error ? innermost.message : String(innermost);
  const codeText = typeof code === "string" ? code : null;
  const reason = codeText === null || message.includes(codeText) ? message : `${codeText}: ${message}`;
  const url = typeof requestError.request?.url === "string" ? requestError.request.url : null;
  return { url, reason, code: codeText };
}
