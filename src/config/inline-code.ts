/** Longest value shown in a message; longer ones are cut with an ellipsis. */
export const MAX_SHOWN_VALUE_CHARS = 60;

/**
 * Wrap text in a markdown code span that its own backticks cannot break out of
 * (CommonMark: a span opened by N backticks closes at the next run of exactly N).
 * Newlines become spaces, so a span never spills over lines.
 *
 * @param text any text, e.g. a key or value from a user's YAML
 * @returns e.g. `` `min_words` `` or ``` `` a`b `` ```
 */
export function inlineCode(text: string): string {
  const flat = text.replace(/\r?\n|\r/g, " ");
  if (!flat.includes("`")) return `\`${flat}\``;
  const longestRun = Array.from(flat.matchAll(/`+/g)).reduce((longest, match) => Math.max(longest, match[0].length), 0);
  if (longestRun === 0) return `\`${flat}\``;
  const fence = "`".repeat(longestRun + 1);
  return `${fence} ${flat} ${fence}`;
}

/**
 * Cut text to {@link MAX_SHOWN_VALUE_CHARS} characters, ending with an ellipsis
 * when cut, so a 10,000-character key cannot flood a check run.
 */
export function shorten(text: string): string {
  return text.length > MAX_SHOWN_VALUE_CHARS ? `${text.slice(0, MAX_SHOWN_VALUE_CHARS - 1)}…` : text;
}

/**
 * Show a value as the user wrote it, in YAML-ish JSON: strings quoted (`"five"`),
 * numbers and booleans bare, lists and mappings as compact JSON, cut to
 * {@link MAX_SHOWN_VALUE_CHARS} characters.
 *
 * @param value a value from parsed YAML (`undefined` shows as `empty`)
 */
export function showValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = "empty";
  else if (typeof value === "number") text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return shorten(text);
}
