import { createMatcher } from "../glob/match-globs.js";

/** Stands in for `/` so a check name reads as one path segment (U+2215 DIVISION SLASH). */
const SLASH_STAND_IN = "\u2215";

/**
 * Whether a check run's name matches one of `flaky.ignore_checks`. The globs
 * are picomatch's, but a check name is not a path: `/` is an ordinary
 * character (GitHub Actions names jobs `Workflow / job`), so `*` matches it
 * too, e.g. `*windows*` matches `CI / test (windows-latest)`. Pure.
 *
 * @param name the check run's name
 * @param globs `flaky.ignore_checks`
 */
export function isIgnoredCheck(name: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const matches = createMatcher(globs.map((glob) => glob.replaceAll("/", SLASH_STAND_IN)));
  return matches(name.replaceAll("/", SLASH_STAND_IN));
}
