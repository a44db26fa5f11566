import { UsageError } from "./parse-args.js";

/**
 * Run `check`, turning any error it throws into a {@link UsageError} with the
 * same one-line message (the CLI then exits 2): for validations of what the
 * user typed, such as a week or a date.
 *
 * @returns what `check` returns
 * @throws {@link UsageError} when `check` throws
 */
export function usageCheck<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
