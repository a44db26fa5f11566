import picomatch from "picomatch";

/**
 * Compile config globs (such as `reasoning.adr.paths`) into one matcher.
 * Globs follow picomatch (https://github.com/micromatch/picomatch) with
 * `dot: true`, so `docs/**` also matches `docs/.hidden.md`. `dir/**` matches
 * `dir` itself too.
 *
 * @param globs glob patterns, repository-relative, `/`-separated.
 * @returns a function that is true when a path matches any glob; always false for no globs.
 * @throws never for ordinary globs; picomatch throws a TypeError only for non-string input.
 */
export function compileGlobs(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const matches = picomatch([...globs], { dot: true });
  return (path) => matches(path);
}

/**
 * The folder a glob starts in, for messages: `docs/adr/**` gives `docs/adr/`.
 *
 * @returns the literal leading folder with a trailing `/`, or `null` when the
 *   glob starts with a wildcard (`**\/adr/*.md`) or names a single file.
 */
export function globFolder(glob: string): string | null {
  const { base, isGlob } = picomatch.scan(glob);
  return isGlob && base !== "" ? `${base}/` : null;
}
