/**
 * Most characters of a title shown in the report; longer titles end in "…".
 * Ours, to keep each list line short (GitHub allows 256-character titles).
 */
export const MAX_TITLE_CHARS = 100;

/** Zero-width space: put after `@` so a title quoted in the report never notifies anyone. */
const ZERO_WIDTH_SPACE = "\u200b";

/**
 * Make user text (a PR or issue title) safe to place inside one markdown line
 * of the report:
 * - whitespace runs (newlines included) become one space;
 * - `<` and `>` become `&lt;` and `&gt;`, so a title can neither open an HTML
 *   comment that would swallow the rest of the report (and its marker) nor
 *   inject HTML;
 * - `@name` gets a zero-width space after the `@`, so quoting a title never
 *   mentions (and notifies) a person or team every week;
 * - it is cut to {@link MAX_TITLE_CHARS} code points, ending in "…".
 *
 * @param text any string
 * @returns one line of markdown-safe text
 */
export function escapeInlineText(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  const points = Array.from(oneLine);
  const cut = points.length > MAX_TITLE_CHARS ? `${points.slice(0, MAX_TITLE_CHARS - 1).join("").trimEnd()}…` : oneLine;
  return cut
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replace(/@(?=[A-Za-z0-9])/g, `@${ZERO_WIDTH_SPACE}`);
}
