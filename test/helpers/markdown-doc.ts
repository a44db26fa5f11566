import { readFileSync } from "node:fs";

/** The repository's root, for reading README.md, docs/ and sources in tests. */
export const REPO_ROOT = new URL("../../", import.meta.url);

/** A file of the repository as text. */
export function readRepoFile(path: string): string {
  return readFileSync(new URL(path, REPO_ROOT), "utf8");
}

/** A fenced code block: its info string (` ```yaml ` gives `yaml`), its text (unindented) and where it starts. */
export interface FencedBlock {
  info: string;
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
}

/**
 * The fenced code blocks of a markdown text, in order, as CommonMark reads
 * them: an opening run of 3+ backticks or tildes (indented by up to 3 spaces,
 * or inside a list item) closed by a run of the same character at least as
 * long. Each block's lines lose the opening fence's indentation, so a YAML
 * block inside a numbered list reads as it would in a file.
 */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lines = markdown.split("\n");
  let open: { fence: string; indent: number; info: string; line: number; body: string[] } | null = null;
  lines.forEach((text, index) => {
    if (open === null) {
      const start = /^(\s*)(`{3,}|~{3,})\s*([^`\s]*)/.exec(text);
      if (start) open = { indent: (start[1] ?? "").length, fence: start[2] ?? "", info: start[3] ?? "", line: index + 1, body: [] };
      return;
    }
    const trimmed = text.trim();
    if (trimmed.startsWith(open.fence) && /^(`+|~+)$/.test(trimmed) && trimmed[0] === open.fence[0]) {
      blocks.push({ info: open.info, text: open.body.join("\n") + "\n", line: open.line });
      open = null;
      return;
    }
    const indent = open.indent;
    open.body.push(text.slice(0, indent).trim() === "" ? text.slice(indent) : text);
  });
  return blocks;
}

/** The markdown without its fenced code blocks (a `#` line inside a fence is not a heading). */
export function withoutFences(markdown: string): string {
  const kept: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split("\n")) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && marker !== undefined) fence = marker;
    else if (fence !== null && marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
    else if (fence === null) kept.push(line);
  }
  return kept.join("\n");
}

/** The text of every ATX heading (`## Install`), outside code blocks, in order, inline code marks removed. */
export function headings(markdown: string): string[] {
  return [...withoutFences(markdown).matchAll(/^#{1,6} +(.+?) *#*$/gm)].map((match) => (match[1] ?? "").replaceAll("`", ""));
}

/**
 * The anchors GitHub gives the headings of a markdown file (as github-slugger
 * does): lower case, punctuation and emoji removed, spaces turned into
 * hyphens; a repeated anchor gets `-1`, `-2`, ….
 */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const heading of headings(markdown)) {
    const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(/ /g, "-");
    let anchor = base;
    for (let n = 1; anchors.has(anchor); n += 1) anchor = `${base}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

/**
 * The part of a markdown text from the heading `heading` (the whole line,
 * e.g. `### Rolling out`) up to the next heading of the same or a higher level.
 *
 * @throws Error when the heading is not there
 */
export function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no "${heading}" heading`);
  const level = heading.indexOf(" ");
  const rest = markdown.slice(start + heading.length + 2);
  const next = new RegExp(`^#{1,${level}} `, "m").exec(withFencesBlanked(rest));
  return rest.slice(0, next?.index ?? rest.length);
}

/** The same text with the lines inside fences blanked, so offsets still match. */
function withFencesBlanked(markdown: string): string {
  let fence: string | null = null;
  return markdown
    .split("\n")
    .map((line) => {
      const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence === null && marker !== undefined) {
        fence = marker;
        return " ".repeat(line.length);
      }
      if (fence !== null) {
        if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
        return " ".repeat(line.length);
      }
      return line;
    })
    .join("\n");
}
