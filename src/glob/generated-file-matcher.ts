import { compileGitignorePattern } from "./compile-gitignore-pattern.js";

/** `true` set, `false` unset (`-attr`, `attr=false`), `null` unspecified again (`!attr`). */
type AttributeState = boolean | null;

interface GeneratedRule {
  matches: (path: string) => boolean;
  state: AttributeState;
}

const ATTRIBUTE = "linguist-generated";

/** Matchers by `.gitattributes` text: one repository's file is compiled once, not once per PR. */
const compiled = new Map<string, (path: string) => boolean>();
const MAX_COMPILED = 50;

/**
 * Which paths `.gitattributes` marks as generated for GitHub: the
 * `linguist-generated` attribute ("Customizing how changed files appear on
 * GitHub": such files are hidden in diffs by default). Read from the root
 * `.gitattributes` only.
 *
 * Follows git's rules (git-scm.com/docs/gitattributes): a line is a pattern
 * (gitignore rules, except that a pattern matching a directory does not match
 * the paths inside it, so `dist/**` marks a folder's files and `dist/` marks
 * nothing) and attributes; when several lines match a path, the later line
 * wins. `linguist-generated` and `linguist-generated=true` set it;
 * `-linguist-generated` and `linguist-generated=false` unset it (so
 * `bootstrap.min.css -linguist-generated` unmarks one file); `!linguist-generated`
 * makes it unspecified. Comments, blank lines, `[attr]` macro definitions and
 * negative patterns (which git forbids here) are skipped. Linguist's own
 * built-in detection of generated files is not reproduced: the `size.ignore`
 * globs cover the common cases.
 *
 * @param gitAttributes the file's text, or null/absent when there is none
 * @returns `(path) => boolean` for repository-relative `/`-separated paths;
 *   always false without a file. Pure; memoised by text; never throws.
 */
export function generatedFileMatcher(gitAttributes: string | null | undefined): (path: string) => boolean {
  if (!gitAttributes) return () => false;
  const cached = compiled.get(gitAttributes);
  if (cached) return cached;
  const rules = parseRules(gitAttributes);
  const matcher = (path: string): boolean => {
    for (let index = rules.length - 1; index >= 0; index -= 1) {
      const rule = rules[index];
      if (rule?.matches(path)) return rule.state === true;
    }
    return false;
  };
  if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
  compiled.set(gitAttributes, matcher);
  return matcher;
}

function parseRules(text: string): GeneratedRule[] {
  const rules: GeneratedRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith("[attr]")) continue;
    const [pattern = "", ...attributes] = line.split(/\s+/);
    if (pattern.startsWith("!")) continue;
    let state: AttributeState | undefined;
    for (const attribute of attributes) {
      const next = stateOf(attribute);
      if (next !== undefined) state = next;
    }
    if (state === undefined) continue;
    rules.push({ matches: compileGitignorePattern(pattern, "path"), state });
  }
  return rules;
}

/** The state one attribute token gives `linguist-generated`, or undefined when it is about another attribute. */
function stateOf(token: string): AttributeState | undefined {
  if (token === ATTRIBUTE || token === `${ATTRIBUTE}=true`) return true;
  if (token === `-${ATTRIBUTE}` || token === `${ATTRIBUTE}=false`) return false;
  if (token === `!${ATTRIBUTE}`) return null;
  return undefined;
}
