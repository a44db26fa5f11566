import { httpStatus } from "./http-status.js";

/** Attempts in all (the first included) for a stage that GitHub failed for a moment. */
export const TRANSIENT_ATTEMPTS = 3;

/** The first backoff after a failure without a `retry-after` or rate-limit reset; doubled after each further one. */
export const TRANSIENT_BACKOFF_MS = 500;

/**
 * The longest wait for one retry. A rate limit that resets later than this is
 * not waited for inside the job (it would hold the PR's lock and a queue slot):
 * the error is let through.
 */
export const MAX_TRANSIENT_WAIT_MS = 60_000;

/** What {@link retryTransient} tells `onRetry` before it waits. */
export interface TransientRetry {
  error: unknown;
  /** The attempt that failed (1-based). */
  attempt: number;
  /** How long it waits before the next attempt, in milliseconds. */
  delayMs: number;
}

/** What Octokit's `RequestError` carries that this module reads. */
interface RequestErrorShape {
  status?: unknown;
  request?: { method?: unknown; url?: unknown };
  response?: { headers?: Record<string, unknown> };
}

/**
 * Run `task` up to {@link TRANSIENT_ATTEMPTS} times while it fails with a
 * transient answer from GitHub: a 5xx or network failure, a 401 (an
 * installation token refused for a moment; the next attempt asks for a new
 * one), a 429, or a 403 that is a rate limit (primary or secondary: it carries
 * `retry-after`, or `x-ratelimit-remaining: 0`). Between attempts it waits
 * `retry-after` seconds, or until `x-ratelimit-reset`, or
 * {@link TRANSIENT_BACKOFF_MS} doubling (GitHub docs, "Rate limits for the
 * REST API": "wait … retry-after", "x-ratelimit-reset"). Other errors, and a
 * wait over {@link MAX_TRANSIENT_WAIT_MS}, are thrown at once.
 *
 * @param task the stage; told which attempt this is (1-based), so a write can
 *   look up what an earlier attempt may have made
 * @param options `now` (the clock, for `x-ratelimit-reset`), `sleep` (tests),
 *   `onRetry` (logging)
 * @returns the task's result
 * @throws the last attempt's error, or the first error that is not transient
 */
export async function retryTransient<T>(
  task: (attempt: number) => Promise<T>,
  options: { now: () => Date; sleep?: (ms: number) => Promise<void>; onRetry?: (retry: TransientRetry) => void },
): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await task(attempt);
    } catch (error) {
      const delayMs = attempt < TRANSIENT_ATTEMPTS ? transientDelayMs(error, attempt, options.now()) : null;
      if (delayMs === null || delayMs > MAX_TRANSIENT_WAIT_MS) throw error;
      options.onRetry?.({ error, attempt, delayMs });
      await sleep(delayMs);
    }
  }
}

/**
 * How long to wait before trying again after `error`, or `null` when it is not
 * transient (see {@link retryTransient}).
 *
 * @param attempt the attempt that failed (1-based), for the exponential backoff
 * @param now the current instant, for `x-ratelimit-reset` (seconds since the epoch)
 */
export function transientDelayMs(error: unknown, attempt: number, now: Date): number | null {
  const status = httpStatus(error);
  if (status === null) return null;
  const headers = (error as RequestErrorShape).response?.headers ?? {};
  const retryAfter = Number(headers["retry-after"]);
  const rateLimited = status === 429 || (status === 403 && (headers["retry-after"] !== undefined || String(headers["x-ratelimit-remaining"]) === "0"));
  if (!(status >= 500 || status === 401 || rateLimited)) return null;
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter * 1000;
  const reset = Number(headers["x-ratelimit-reset"]);
  if (rateLimited && String(headers["x-ratelimit-remaining"]) === "0" && Number.isFinite(reset)) return Math.max(0, reset * 1000 - now.getTime());
  return TRANSIENT_BACKOFF_MS * 2 ** (attempt - 1);
}

/**
 * The request an Octokit error belongs to, as `METHOD /path` (no host, no
 * query), or null when the error carries none.
 */
export function failedRequest(error: unknown): string | null {
  const request = (error as RequestErrorShape | null)?.request;
  if (typeof request?.method !== "string" || typeof request.url !== "string") return null;
  try {
    return `${request.method} ${new URL(request.url).pathname}`;
  } catch {
    return `${request.method} ${request.url.split("?")[0]}`;
  }
}
