/**
 * The HTTP status of an error thrown by Octokit (`RequestError.status`;
 * network failures and timeouts are reported as 500), or null for anything
 * else. Errors are told apart by status, never by message text.
 */
export function httpStatus(error: unknown): number | null {
  if (typeof error !== "object" || error === null || !("status" in error)) return null;
  return typeof error.status === "number" ? error.status : null;
}

/**
 * True for a 5xx answer or a network failure: GitHub may have carried out a
 * write anyway, so look the result up before trying a create again.
 */
export function isServerError(error: unknown): boolean {
  const status = httpStatus(error);
  return status !== null && status >= 500;
}
