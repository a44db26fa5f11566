import { compileGitignorePattern } from "../glob/compile-gitignore-pattern.js";
import { utf8Bytes } from "../text/truncate-utf8.js";

/**
 * CODEOWNERS as GitHub reads it. Every rule here comes from GitHub's docs,
 * "About code owners" (docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners):
 *
 * - "A CODEOWNERS file uses a pattern that follows most of the same rules used
 *   in gitignore files", followed by owners as `@username`, `@org/team-name`
 *   or an email address; `#` starts a comment, also after the owners
 *   (`*.js @js-owner #This is an inline comment.`).
 * - "Order is important; the last matching pattern takes the most precedence",
 *   and a pattern with no owners leaves its paths with none (`/apps/github`).
 * - gitignore syntax that does not work: escaping a leading `#` with `\`,
 *   `!` negation, `[ ]` character ranges.
 * - "If any line in your CODEOWNERS file contains invalid syntax, that line
 *   will be skipped."
 * - "CODEOWNERS paths are case sensitive."
 * - "CODEOWNERS files must be under 3 MB in size. A CODEOWNERS file over this
 *   limit will not be loaded."
 */

/** GitHub loads a CODEOWNERS file only when it is under 3 MB ("About code owners", "CODEOWNERS file size"). */
export const MAX_CODE_OWNERS_BYTES = 3 * 1024 * 1024;

/** What an owner entry names. */
export type CodeOwnerKind = "user" | "team" | "email";

/** One owner as written in the file. */
export interface CodeOwner {
  /** As written: `@octocat`, `@octo-org/octocats`, `docs@example.com`. */
  handle: string;
  kind: CodeOwnerKind;
}

/** One valid line: a pattern and its owners (possibly none). */
export interface CodeOwnersRule {
  /** 1-based line number in the file. */
  line: number;
  /** The pattern as written. */
  pattern: string;
  owners: CodeOwner[];
  /** Whether the pattern matches a repository-relative path (no leading `/`). */
  matches(path: string): boolean;
}

/** A line GitHub would skip, and why (for logs and tests; the rules never show it). */
export interface CodeOwnersProblem {
  line: number;
  message: string;
}

/** A parsed CODEOWNERS file. */
export interface CodeOwnersFile {
  /** Valid lines, in file order. */
  rules: CodeOwnersRule[];
  /** Skipped lines, in file order; or one problem at line 0 when the file is too large to load. */
  problems: CodeOwnersProblem[];
}

const USER = /^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const TEAM = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*)\/[A-Za-z0-9_.-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Parsed files by text: the same repository's file is parsed once, not once per PR of a report. */
const parsed = new Map<string, CodeOwnersFile>();
const MAX_PARSED = 50;

/**
 * Parse a CODEOWNERS file the way GitHub does (rules above). Lines with a
 * negated pattern, a character range, an escaped `#`, or any owner that is
 * not a user, team or email are skipped whole and listed in `problems`; a
 * file of {@link MAX_CODE_OWNERS_BYTES} or more gives no rules. Results are
 * memoised by text. Pure; never throws.
 *
 * @param text the file's content (`\n` or `\r\n` line ends)
 */
export function parseCodeOwners(text: string): CodeOwnersFile {
  const cached = parsed.get(text);
  if (cached) return cached;
  const file = parse(text);
  if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
  parsed.set(text, file);
  return file;
}

function parse(text: string): CodeOwnersFile {
  if (utf8Bytes(text) >= MAX_CODE_OWNERS_BYTES) {
    return { rules: [], problems: [{ line: 0, message: "the file is 3 MB or larger, so GitHub does not load it" }] };
  }
  const rules: CodeOwnersRule[] = [];
  const problems: CodeOwnersProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === "" || content.startsWith("#")) return;
    // Tokens split on whitespace that is not escaped (`a\ b` is one pattern).
    const tokens = content.match(/(?:\\.|\S)+/g) ?? [];
    const [pattern = "", ...rest] = tokens;
    const commentAt = rest.findIndex((token) => token.startsWith("#"));
    const ownerTokens = commentAt === -1 ? rest : rest.slice(0, commentAt);
    const problem = patternProblem(pattern) ?? ownerProblem(ownerTokens);
    if (problem !== null) {
      problems.push({ line, message: problem });
      return;
    }
    const matches = compileGitignorePattern(pattern, "contents");
    rules.push({ line, pattern, owners: ownerTokens.map(toOwner), matches });
  });
  return { rules, problems };
}

function patternProblem(pattern: string): string | null {
  if (pattern.startsWith("!")) return `"${pattern}": negating a pattern with ! is not supported in CODEOWNERS`;
  if (pattern.startsWith("\\#")) return `"${pattern}": escaping # with \\ is not supported in CODEOWNERS`;
  if (/[[\]]/.test(pattern)) return `"${pattern}": character ranges with [ ] are not supported in CODEOWNERS`;
  return null;
}

function ownerProblem(tokens: readonly string[]): string | null {
  const invalid = tokens.find((token) => !USER.test(token) && !TEAM.test(token) && !EMAIL.test(token));
  return invalid === undefined ? null : `"${invalid}" is not a @user, an @org/team or an email address`;
}

function toOwner(handle: string): CodeOwner {
  if (TEAM.test(handle)) return { handle, kind: "team" };
  if (USER.test(handle)) return { handle, kind: "user" };
  return { handle, kind: "email" };
}

/**
 * The rule that decides a path's owners: the last rule whose pattern matches
 * it ("the last matching pattern takes the most precedence").
 *
 * @param file a parsed file
 * @param path repository-relative, `/`-separated, no leading `/`
 * @returns that rule (whose `owners` may be empty: the path then has none), or null when no rule matches
 */
export function decidingRule(file: CodeOwnersFile, path: string): CodeOwnersRule | null {
  for (let index = file.rules.length - 1; index >= 0; index -= 1) {
    const rule = file.rules[index];
    if (rule?.matches(path)) return rule;
  }
  return null;
}
