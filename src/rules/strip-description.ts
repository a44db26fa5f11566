import { classifyMarkdownLines } from "./markdown-lines.js";

/**
 * What is left of a PR description once the parts that say nothing of the
 * author's own are set aside (README, `reasoning.min_words`): HTML
 * comments, untouched template lines, checkbox lines, headings, blank lines
 * and code-fence markers.
 */
export interface StrippedDescription {
  /** The remaining lines, trimmed, in order. */
  lines: string[];
  /** Words in `lines` (see {@link countWords}). */
  words: number;
  /** Non-blank lines removed because they are untouched template lines (any kind: text, heading, checkbox). */
  templateLines: number;
}

/**
 * Remove HTML comments (`<!-- … -->`), which GitHub does not render. An
 * unclosed `<!--` hides the rest of the text, as it does on GitHub.
 *
 * @returns the text without comments; line breaks outside comments are kept.
 */
export function stripHtmlComments(markdown: string): string {
  return markdown.replace(/<!--[\s\S]*?(?:-->|$)/g, "");
}

/**
 * Count words: runs of non-whitespace that hold at least one letter or digit,
 * so markdown punctuation such as `-`, `|` or `---` is not a word. Scripts
 * written without spaces (Chinese, Japanese) count one word per run.
 *
 * @returns a whole number ≥ 0.
 */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** A line for comparison with the template: trimmed, inner whitespace collapsed to one space. */
export function normaliseLine(line: string): string {
  return line.trim().replace(/\s+/g, " ");
}

/**
 * The template's non-blank lines, comments removed and normalised with
 * {@link normaliseLine}. A body line equal to one of them is an untouched
 * template line.
 *
 * @param template the repository's PR template, or `null` when there is none (empty set).
 */
export function templateLineSet(template: string | null): Set<string> {
  if (template === null) return new Set();
  return new Set(
    stripHtmlComments(template)
      .split(/\r?\n/)
      .map(normaliseLine)
      .filter((line) => line !== ""),
  );
}

/**
 * True when `body` is the template as it was, apart from whitespace (every run
 * of whitespace counts as one space; ends are trimmed). An empty body is never
 * an untouched template (it gets its own message).
 */
export function isUntouchedTemplate(body: string, template: string | null): boolean {
  if (template === null) return false;
  const normalised = normaliseLine(body);
  return normalised !== "" && normalised === normaliseLine(template);
}

/**
 * The description with HTML comments and untouched template lines removed,
 * everything else (headings, checkboxes, links) kept: the author's own text,
 * for finding links in it.
 *
 * @returns the remaining lines joined with `\n`.
 */
export function removeTemplateText(body: string, template: string | null): string {
  const templateLines = templateLineSet(template);
  return stripHtmlComments(body)
    .split(/\r?\n/)
    .filter((line) => !templateLines.has(normaliseLine(line)))
    .join("\n");
}

/**
 * Strip a PR description down to the author's own words, for
 * `reasoning.min_words` (README, "Configuration"): HTML comments, lines
 * identical (after {@link normaliseLine}) to a line of the template, checkbox
 * lines (`- [ ]`, `- [x]`, `* [X]`, `1. [ ]`), ATX headings (`## Why`), blank
 * lines and code-fence markers go; text and the code inside fences stay.
 *
 * @param body the PR description (`""` when there is none).
 * @param template the repository's PR template, or `null`.
 */
export function stripDescription(body: string, template: string | null): StrippedDescription {
  const fromTemplate = templateLineSet(template);
  const all = classifyMarkdownLines(stripHtmlComments(body)).filter((line) => line.raw.trim() !== "");
  const isTemplateLine = (raw: string): boolean => fromTemplate.has(normaliseLine(raw));
  const lines = all
    .filter((line) => (line.kind === "text" || line.kind === "code") && !isTemplateLine(line.raw))
    .map((line) => line.raw.trim());
  return {
    lines,
    words: countWords(lines.join(" ")),
    templateLines: all.filter((line) => isTemplateLine(line.raw)).length,
  };
}
