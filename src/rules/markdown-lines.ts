/**
 * A line-level view of markdown, just enough for the `reasoning` rule: which
 * lines are headings, checkboxes, fenced code or plain text. It follows
 * CommonMark's ATX headings and fenced code blocks (https://spec.commonmark.org/)
 * and GitHub's task-list items (https://github.github.com/gfm/#task-list-items-extension-);
 * setext headings and indented code are read as plain text.
 */

/** What a line of markdown is. `fence` is a code fence's opening or closing line; `code` is inside one. */
export type MarkdownLineKind = "blank" | "heading" | "checkbox" | "fence" | "code" | "text";

/** One classified line of markdown. */
export interface MarkdownLine {
  /** The line as written, without its line break. */
  raw: string;
  kind: MarkdownLineKind;
  /** For headings: 1 to 6 (the number of `#`). */
  headingLevel?: number;
  /** For headings: the heading's text without its `#` marks, trimmed. */
  headingText?: string;
  /** For checkboxes: the item's text after the `- [ ]` marker, trimmed. */
  checkboxText?: string;
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const CLOSING_HASHES = /(?:^|[ \t]+)#+[ \t]*$/;
const CHECKBOX = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\](?:\s+|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Split markdown into lines (`\n` or `\r\n`) and classify each one.
 *
 * @param markdown any text; `""` gives one blank line.
 * @returns one entry per line, in order. Lines inside a fenced code block are
 *   `code` (never headings or checkboxes); an unclosed fence runs to the end,
 *   as in CommonMark.
 */
export function classifyMarkdownLines(markdown: string): MarkdownLine[] {
  const result: MarkdownLine[] = [];
  let openFence: string | null = null;
  for (const raw of markdown.split(/\r?\n/)) {
    if (openFence !== null) {
      const closes = new RegExp(`^ {0,3}${openFence[0] === "`" ? "`" : "~"}{${openFence.length},}\\s*$`).test(raw);
      result.push({ raw, kind: closes ? "fence" : "code" });
      if (closes) openFence = null;
      continue;
    }
    const fence = FENCE_OPEN.exec(raw);
    if (fence?.[1] !== undefined) {
      openFence = fence[1];
      result.push({ raw, kind: "fence" });
      continue;
    }
    if (raw.trim() === "") {
      result.push({ raw, kind: "blank" });
      continue;
    }
    const heading = ATX_HEADING.exec(raw);
    if (heading?.[1] !== undefined) {
      const headingText = (heading[2] ?? "").replace(CLOSING_HASHES, "").trim();
      result.push({ raw, kind: "heading", headingLevel: heading[1].length, headingText });
      continue;
    }
    const checkbox = CHECKBOX.exec(raw);
    result.push(
      checkbox === null ? { raw, kind: "text" } : { raw, kind: "checkbox", checkboxText: raw.slice(checkbox[0].length).trim() },
    );
  }
  return result;
}
