import { MAX_CONFIG_ENTRIES, MAX_CONFIG_FILE_BYTES } from "../model/config-limits.js";
import { utf8Bytes } from "../text/truncate-utf8.js";
import { inlineCode } from "./inline-code.js";

/**
 * Count a config file's keys and list items without parsing it, in one pass
 * over the text: every `:` followed by a space or a line end (a mapping key),
 * every `-` that starts a line's content or follows another list dash (a list
 * item), and every `,` (an entry of a flow list or mapping); comments (`#` at
 * a line's start or after a space) are skipped. Quoted text is not told apart,
 * so the count errs high (a list item that is a mapping counts twice), and a
 * flow collection's last item, after the last comma, is not counted.
 *
 * @param text the raw YAML
 * @param stopAfter counting stops once the count passes this (the caller only asks "more than N?")
 * @returns the count, at most `stopAfter + 1`
 */
export function countConfigEntries(text: string, stopAfter = Number.POSITIVE_INFINITY): number {
  let count = 0;
  let lineStart = true;
  for (let index = 0; index < text.length && count <= stopAfter; index += 1) {
    const char = text[index];
    if (char === "\n" || char === "\r") {
      lineStart = true;
      continue;
    }
    if (char === " " || char === "\t") continue;
    const previous = index > 0 ? text[index - 1] : "\n";
    const next = index + 1 < text.length ? text[index + 1] : "\n";
    const spaceAfter = next === " " || next === "\t" || next === "\n" || next === "\r";
    if (char === "#" && (previous === " " || previous === "\t" || previous === "\n" || previous === "\r")) {
      while (index + 1 < text.length && text[index + 1] !== "\n" && text[index + 1] !== "\r") index += 1;
      continue;
    }
    if (char === "-" && lineStart && spaceAfter) {
      count += 1;
      continue;
    }
    lineStart = false;
    if ((char === ":" && spaceAfter) || char === ",") count += 1;
  }
  return count;
}

/**
 * Why a config file is too large to read, or `null` when it is within the
 * limits: over {@link MAX_CONFIG_FILE_BYTES} bytes, or over
 * {@link MAX_CONFIG_ENTRIES} keys and list items ({@link countConfigEntries}).
 * Checked before the file is parsed, so an oversized file costs one linear
 * scan. The message names the file, the limit and the fix.
 *
 * @param source the file's display path and raw text
 * @returns a markdown message for a whole-file config error, or `null`
 */
export function configSizeProblem(source: { path: string; text: string }): string | null {
  const file = inlineCode(source.path);
  const bytes = utf8Bytes(source.text);
  if (bytes > MAX_CONFIG_FILE_BYTES) {
    return (
      `${file} is ${kilobytes(bytes)}, more than the ${kilobytes(MAX_CONFIG_FILE_BYTES)} eng-health reads, so the whole file is ignored without being read. ` +
      "A complete config, every key set, is about 3 KB: could the file keep only the settings that differ from the defaults?"
    );
  }
  const entries = countConfigEntries(source.text, MAX_CONFIG_ENTRIES);
  if (entries > MAX_CONFIG_ENTRIES) {
    return (
      `${file} has more than ${MAX_CONFIG_ENTRIES.toLocaleString("en-US")} keys and list items, more than eng-health reads, so the whole file is ignored without being read. ` +
      "A complete config, every key set, has about 80: could the file keep only the settings that differ from the defaults?"
    );
  }
  return null;
}

/** Bytes as KB for a message, rounded up so a file just over the limit never reads as equal to it. */
function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString("en-US")} KB`;
}
