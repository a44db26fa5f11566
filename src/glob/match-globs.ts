import { compileGlob } from "./compile-glob.js";

/**
 * Compile a list of globs (from the config, e.g. `tests.source`) into one
 * predicate, once, so rules can test many paths cheaply.
 *
 * Input: globs (picomatch's syntax without extended globs, see
 * `compileGlob`; dotfiles match like any other path), relative to the
 * repository root. A glob
 * starting with `!` excludes: a path matches when it matches at least one
 * plain glob and none of the `!` globs (so `["src/**", "!src/generated/**"]`
 * reads as it looks). An empty list, or one with only `!` globs, matches
 * nothing.
 * Output: `(path) => boolean` for a repository-relative path with `/`
 * separators, as GitHub's files API gives it.
 * Time: each path costs at most its length times the globs' length (no
 * backtracking regex), so a hostile glob or path name cannot stall the process.
 * Throws: never.
 */
export function createMatcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join("\u0000");
  const cached = compiled.get(key);
  if (cached) return cached;
  const matcher = compile(globs);
  if (compiled.size >= MAX_CACHED_MATCHERS) compiled.delete(compiled.keys().next().value as string);
  compiled.set(key, matcher);
  return matcher;
}

/** Matchers compiled so far, by glob list: rules run per PR with the same few lists. */
const compiled = new Map<string, (path: string) => boolean>();
/** Distinct glob lists kept compiled at most (each repository's config has a handful). */
const MAX_CACHED_MATCHERS = 500;

function compile(globs: readonly string[]): (path: string) => boolean {
  const include = globs.filter((glob) => !glob.startsWith("!"));
  const exclude = globs.filter((glob) => glob.startsWith("!")).map((glob) => glob.slice(1));
  if (include.length === 0) return () => false;
  const included = include.map(compileGlob);
  const excluded = exclude.map(compileGlob);
  return (path) => included.some((matches) => matches(path)) && !excluded.some((matches) => matches(path));
}
