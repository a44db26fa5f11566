/**
 * Hidden markers: HTML comments that GitHub keeps in check run summaries,
 * issue bodies and comments but never shows, `<!-- eng-health:KIND -->` or
 * `<!-- eng-health:KIND {json} -->`. They are how eng-health keeps state in
 * GitHub itself (README, "How it works"): the rule results of a check run,
 * a weekly report's figures, a one-time comment. One module renders, escapes
 * and parses them all.
 */

const OPEN = "<!-- eng-health:";
const CLOSE = "-->";

/**
 * A marker without data, e.g. `<!-- eng-health:review-nudge -->`.
 *
 * @param kind lower-case, kebab-case, e.g. `review-nudge`
 */
export function hiddenMarker(kind: string): string {
  return `${OPEN}${kind} ${CLOSE}`;
}

/** How a marker carrying data starts, e.g. `<!-- eng-health:report `. */
export function hiddenMarkerPrefix(kind: string): string {
  return `${OPEN}${kind} `;
}

/**
 * A marker carrying JSON: `<!-- eng-health:KIND {json} -->`, one line. In the
 * JSON, `<` and `>` are written `\u003c` and `\u003e` (escapes `JSON.parse`
 * reads back unchanged), so no string inside can end the comment early or
 * open another one.
 *
 * @param kind e.g. `report`
 * @param data any JSON-serialisable value
 */
export function renderHiddenMarker(kind: string, data: unknown): string {
  const json = JSON.stringify(data).replaceAll("<", "\\u003c").replaceAll(">", "\\u003e");
  return `${hiddenMarkerPrefix(kind)}${json} ${CLOSE}`;
}

/**
 * Read the data of the last `kind` marker in `text` (what eng-health wrote
 * comes last; anything earlier was quoted).
 *
 * @param text a summary or body, as GitHub returns it
 * @param kind e.g. `report`
 * @param options `atEnd`: only a marker with nothing but whitespace after it
 *   counts (a check run's results marker is always the very end of its summary)
 * @returns the parsed JSON, or `undefined` when there is no such marker or
 *   its JSON is malformed. Never throws.
 */
export function parseHiddenMarker(text: string, kind: string, options: { atEnd?: boolean } = {}): unknown {
  const prefix = hiddenMarkerPrefix(kind);
  const at = text.lastIndexOf(prefix);
  if (at === -1) return undefined;
  const from = at + prefix.length;
  const to = text.indexOf(CLOSE, from);
  if (to === -1) return undefined;
  if (options.atEnd && text.slice(to + CLOSE.length).trim() !== "") return undefined;
  try {
    return JSON.parse(text.slice(from, to));
  } catch {
    return undefined;
  }
}

/**
 * Text as a person reads it: every eng-health marker removed, with the blank
 * lines before it, and trailing whitespace trimmed.
 */
export function withoutHiddenMarkers(text: string): string {
  return text.replace(/\n*<!-- eng-health:[\s\S]*?-->/g, "").trimEnd();
}
