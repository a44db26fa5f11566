import { classifyMarkdownLines, type MarkdownLine } from "./markdown-lines.js";
import { countWords, normaliseLine, stripHtmlComments, templateLineSet } from "./strip-description.js";

/** `present`: found with content of its own; `empty`: found, nothing of its own under it; `missing`: not found. */
export type SectionStatus = "present" | "empty" | "missing";

/** What a description has for one required section (`reasoning.sections`). */
export interface SectionCheck {
  /** The section's name as configured. */
  name: string;
  status: SectionStatus;
  /** Words of the section's own content (the best occurrence when it appears more than once). */
  words: number;
}

/** A bold span at the start of a line: `**Why**`, `**Why:**`, `**Why**: text`, `__Why__`. */
const LEADING_BOLD = /^\s*(?:\*\*([^*]+)\*\*|__([^_]+)__)(.*)$/;

interface Label {
  /** The label's name, normalised with {@link sectionKey}. */
  key: string;
  /** What follows the label on its line. */
  rest: string;
}

/**
 * A section name for comparison: lower case, without leading or trailing
 * characters that are not letters or digits (so `## 🤔 Why?` and `**Why:**`
 * both give `why`), inner whitespace collapsed.
 */
export function sectionKey(name: string): string {
  return normaliseLine(name.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")).toLowerCase();
}

/**
 * A line that opens with a bold label: a bold span that ends with a colon, is
 * followed by a colon, or stands alone on its line (`**Why**`, `**Why:** …`,
 * `**Why**: …`). `**Note** that …` is emphasis, not a label.
 */
function readLabel(line: MarkdownLine): Label | null {
  if (line.kind !== "text") return null;
  const match = LEADING_BOLD.exec(line.raw);
  if (match === null) return null;
  const inner = (match[1] ?? match[2] ?? "").trim();
  const after = match[3] ?? "";
  const colonInside = inner.endsWith(":");
  const colonAfter = /^\s*:/.test(after);
  if (!colonInside && !colonAfter && after.trim() !== "") return null;
  return { key: sectionKey(inner), rest: after.replace(/^\s*:?/, "").trim() };
}

/**
 * Find each required section in a PR description and whether it has content
 * of its own (README, `reasoning.sections`). Names match case-insensitively
 * (see {@link sectionKey}).
 *
 * A section is written as a heading (`## Why`) or a bold label (`**Why**`,
 * `**Why:**`). A heading's content runs to the next heading of the same or a
 * higher rank, or to a bold label naming another required section; a label's
 * content is the rest of its line and the lines after it, up to the next
 * heading or bold label. Content is what is left there once HTML comments,
 * untouched template lines, sub-headings, blank lines and code-fence markers
 * are set aside, and it must hold at least one word. A ticked checkbox the
 * author changed counts as content; one copied from the template does not.
 *
 * @param body the PR description (`""` when there is none).
 * @param names the configured section names, in order.
 * @param template the repository's PR template, or `null`.
 * @returns one {@link SectionCheck} per name, same order.
 */
export function parseSections(body: string, names: readonly string[], template: string | null): SectionCheck[] {
  const lines = classifyMarkdownLines(stripHtmlComments(body));
  const templateLines = templateLineSet(template);
  const requiredKeys = new Set(names.map(sectionKey));
  const own = (text: string): string => (templateLines.has(normaliseLine(text)) ? "" : text);

  /** Words of content in lines[from, …) until `ends` says a line closes the section. */
  const contentWords = (from: number, ends: (line: MarkdownLine) => boolean): number => {
    const content: string[] = [];
    for (const line of lines.slice(from)) {
      if (ends(line)) break;
      if (line.kind === "text" || line.kind === "code") content.push(own(line.raw));
      if (line.kind === "checkbox" && own(line.raw) !== "") content.push(line.checkboxText ?? "");
    }
    return countWords(content.join(" "));
  };

  /** Best word count per section key over every occurrence; absent keys were never found. */
  const found = new Map<string, number>();
  const record = (key: string, words: number): void => {
    found.set(key, Math.max(words, found.get(key) ?? 0));
  };

  lines.forEach((line, index) => {
    if (line.kind === "heading" && line.headingText !== undefined && line.headingLevel !== undefined) {
      const key = sectionKey(line.headingText);
      if (!requiredKeys.has(key)) return;
      const level = line.headingLevel;
      const words = contentWords(index + 1, (next) => {
        if (next.kind === "heading") return (next.headingLevel ?? 1) <= level;
        const label = readLabel(next);
        return label !== null && label.key !== key && requiredKeys.has(label.key);
      });
      record(key, words);
      return;
    }
    const label = readLabel(line);
    if (label === null || !requiredKeys.has(label.key)) return;
    const inline = countWords(own(line.raw) === "" ? "" : label.rest);
    const words = contentWords(index + 1, (next) => next.kind === "heading" || readLabel(next) !== null);
    record(label.key, inline + words);
  });

  return names.map((name) => {
    const words = found.get(sectionKey(name));
    if (words === undefined) return { name, status: "missing", words: 0 };
    return { name, status: words > 0 ? "present" : "empty", words };
  });
}
