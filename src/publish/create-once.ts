import { isServerError } from "../github/http-status.js";

/** What {@link createOnce} did. */
export interface CreatedOnce<T> {
  value: T;
  /** True when `lookUp` found what a failed create had made after all (the caller may update it). */
  recovered: boolean;
}

/**
 * Create something GitHub has no idempotency key for (a check run, an issue)
 * without ever making two. The create is sent once, with Octokit's automatic
 * retry off (`request: { retries: 0 }` in `create`): a 5xx or a network
 * failure may come after GitHub carried the write out
 * (`@octokit/plugin-retry` would repeat a POST blindly). Then `lookUp` searches
 * by our own key (name and head SHA, the report marker) and only when it finds
 * nothing is the create sent a second time.
 *
 * @param steps `create` sends the write; `lookUp` returns what a create made, or null
 * @returns the created or found value, and whether it was found
 * @throws the create's error when it is not a 5xx or network failure; any error of `lookUp` or of the second create
 */
export async function createOnce<T>(steps: { create: () => Promise<T>; lookUp: () => Promise<T | null> }): Promise<CreatedOnce<T>> {
  try {
    return { value: await steps.create(), recovered: false };
  } catch (error) {
    if (!isServerError(error)) throw error;
    const found = await steps.lookUp();
    if (found !== null) return { value: found, recovered: true };
    return { value: await steps.create(), recovered: false };
  }
}
