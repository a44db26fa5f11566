import { expandBraces } from "./expand-braces.js";

/** One element of a glob segment: a character, `?`, a `[…]` class, or `*`. */
type Token =
  | { kind: "char"; char: string }
  | { kind: "any" }
  | { kind: "class"; negated: boolean; ranges: Array<[string, string]> }
  | { kind: "star" };

/** A glob segment between slashes: `**` (any number of path segments), or tokens matched against one path segment. */
type GlobSegment = { kind: "globstar"; atLeastOne: boolean } | { kind: "tokens"; tokens: Token[] };

/**
 * Globs a brace list may expand to when compiling, at most. The config refuses
 * more (`MAX_GLOB_ALTERNATIVES`, checked by `globProblem`); this only keeps
 * a glob from elsewhere from growing without bound.
 */
const MAX_EXPANSIONS = 256;

/**
 * Compile one glob into a matcher whose time is bounded by the path's length
 * times the glob's, whatever the glob: there is no backtracking regex to
 * stall. A glob such as `**\/*a*a*a*a*a*a*a*a*a*a*b` against
 * `src/aaaa…a.ts` takes microseconds (picomatch's regex for it takes minutes).
 *
 * Syntax, as picomatch reads it with `{ dot: true }` for repository paths:
 * `*` (any characters but `/`), `?` (one character but `/`), `[abc]`,
 * `[a-z]`, `[!a]` / `[^a]`, `**` as a whole segment (any number of segments,
 * none included: `src/**` matches `src` and everything under it), `{a,b}`
 * lists, `\` escapes; dotfiles match like any other file. Extended globs
 * (`+(a|b)`) and POSIX classes (`[[:alpha:]]`) are not supported: their
 * characters are read literally (the config refuses them, see `globProblem`).
 *
 * How: the path is split at `/`; each glob segment matches whole path
 * segments (`**` any run of them), tracked as the set of reachable positions;
 * a segment's tokens match with the classic one-star-backtrack algorithm,
 * at most (segment length × tokens) steps.
 *
 * @param glob one glob without a leading `!` (negation belongs to lists, see `createMatcher`)
 * @returns `(path) => boolean` for a repository-relative path with `/` separators
 */
export function compileGlob(glob: string): (path: string) => boolean {
  const alternatives = expandBraces(glob, MAX_EXPANSIONS).globs.map(parseGlob);
  return (path) => {
    // As picomatch: a path spelled exactly as the glob matches it.
    if (path === glob) return true;
    const parts = path.split("/");
    return alternatives.some((segments) => matchSegments(segments, parts));
  };
}

function parseGlob(glob: string): GlobSegment[] {
  let text = glob;
  while (text.startsWith("./")) text = text.slice(2);
  const segments: GlobSegment[] = [];
  for (const segment of splitSegments(text)) {
    // `**/**` means what `**` means.
    if (segment === "**" && segments.at(-1)?.kind === "globstar") continue;
    segments.push(segment === "**" ? { kind: "globstar", atLeastOne: false } : { kind: "tokens", tokens: tokenize(segment) });
  }
  // As picomatch reads it: a final `/**` after a segment ending in `*` needs one
  // more segment (`*/**` does not match `README.md`), after any other (`src/**`) none.
  const last = segments.at(-1);
  const before = segments.at(-2);
  if (last?.kind === "globstar" && before?.kind === "tokens" && before.tokens.at(-1)?.kind === "star") last.atLeastOne = true;
  return segments;
}

/** Split at every `/` that is not escaped or inside a `[…]` class. */
function splitSegments(glob: string): string[] {
  const segments: string[] = [];
  let start = 0;
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index];
    if (char === "\\") index += 1;
    else if (char === "[") index = classEnd(glob, index) ?? index;
    else if (char === "/") {
      segments.push(glob.slice(start, index));
      start = index + 1;
    }
  }
  segments.push(glob.slice(start));
  return segments;
}

/** The index of the `]` closing the class that opens at `open`, or null when it is not closed (a literal `[`). */
function classEnd(glob: string, open: number): number | null {
  let index = open + 1;
  if (glob[index] === "!" || glob[index] === "^") index += 1;
  if (glob[index] === "]") index += 1;
  for (; index < glob.length; index += 1) {
    if (glob[index] === "\\") index += 1;
    else if (glob[index] === "]") return index;
  }
  return null;
}

function tokenize(segment: string): Token[] {
  const tokens: Token[] = [];
  for (let index = 0; index < segment.length; index += 1) {
    const char = segment[index] as string;
    if (char === "\\" && index + 1 < segment.length) {
      index += 1;
      tokens.push({ kind: "char", char: segment[index] as string });
    } else if (char === "*") {
      if (tokens.at(-1)?.kind !== "star") tokens.push({ kind: "star" });
    } else if (char === "?") {
      tokens.push({ kind: "any" });
    } else if (char === "[" && classEnd(segment, index) !== null) {
      const end = classEnd(segment, index) as number;
      tokens.push(parseClass(segment.slice(index + 1, end)));
      index = end;
    } else {
      tokens.push({ kind: "char", char });
    }
  }
  return tokens;
}

function parseClass(body: string): Token {
  const negated = body.startsWith("!") || body.startsWith("^");
  const chars: string[] = [];
  for (let index = negated ? 1 : 0; index < body.length; index += 1) {
    if (body[index] === "\\" && index + 1 < body.length) index += 1;
    chars.push(body[index] as string);
  }
  const ranges: Array<[string, string]> = [];
  for (let index = 0; index < chars.length; index += 1) {
    const from = chars[index] as string;
    const to = chars[index + 2];
    if (chars[index + 1] === "-" && to !== undefined) {
      ranges.push([from, to]);
      index += 2;
    } else {
      ranges.push([from, from]);
    }
  }
  return { kind: "class", negated, ranges };
}

function matchesOne(token: Token, char: string): boolean {
  switch (token.kind) {
    case "char":
      return token.char === char;
    case "any":
      return char !== "/";
    case "class":
      return char !== "/" && token.ranges.some(([from, to]) => from <= char && char <= to) !== token.negated;
    case "star":
      return false;
  }
}

/**
 * Whether one path segment matches a glob segment's tokens: walk both,
 * remembering the last `*`; on a mismatch, let that `*` take one more
 * character and resume after it. Earlier stars never need revisiting, so the
 * work is at most (text length × tokens).
 */
function matchTokens(tokens: readonly Token[], text: string): boolean {
  let token = 0;
  let index = 0;
  let star = -1;
  let starIndex = 0;
  while (index < text.length) {
    const current = tokens[token];
    if (current !== undefined && current.kind === "star") {
      star = token;
      starIndex = index;
      token += 1;
    } else if (current !== undefined && matchesOne(current, text[index] as string)) {
      token += 1;
      index += 1;
    } else if (star >= 0) {
      token = star + 1;
      starIndex += 1;
      index = starIndex;
    } else {
      return false;
    }
  }
  while (tokens[token]?.kind === "star") token += 1;
  return token === tokens.length;
}

/** Whether the path's segments match the glob's: positions reachable after each glob segment, as a set. */
function matchSegments(segments: readonly GlobSegment[], parts: readonly string[]): boolean {
  let reachable = new Uint8Array(parts.length + 1);
  reachable[0] = 1;
  for (const segment of segments) {
    const next = new Uint8Array(parts.length + 1);
    let any = false;
    if (segment.kind === "globstar") {
      let on = false;
      for (let position = 0; position <= parts.length; position += 1) {
        const reached = on;
        on ||= reachable[position] === 1;
        if (segment.atLeastOne ? reached : on) {
          next[position] = 1;
          any = true;
        }
      }
    } else {
      for (let position = 0; position < parts.length; position += 1) {
        if (reachable[position] === 1 && matchTokens(segment.tokens, parts[position] as string)) {
          next[position + 1] = 1;
          any = true;
        }
      }
    }
    if (!any) return false;
    reachable = next;
  }
  return reachable[parts.length] === 1;
}
