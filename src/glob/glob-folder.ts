import picomatch from "picomatch";

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
