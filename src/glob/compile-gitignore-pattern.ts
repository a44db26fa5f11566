import { compileGlob } from "./compile-glob.js";

/**
 * How a gitignore-style pattern treats the paths inside a directory it matches.
 *
 * - `"contents"`: a pattern that matches a directory also matches every path
 *   inside it, as in `.gitignore` and CODEOWNERS (`/build/logs/` owns
 *   `build/logs/a/b.txt`). One GitHub exception holds: a pattern whose last
 *   segment is a lone `*` (`docs/*`) matches the files directly in that
 *   folder, "but not further nested files like `docs/build-app/troubleshooting.md`"
 *   (GitHub docs, "About code owners", example file).
 * - `"path"`: a pattern matches the path itself only, as in `.gitattributes`
 *   ("patterns that match a directory do not recursively match paths inside
 *   that directory", git-scm.com/docs/gitattributes); a pattern ending in `/`
 *   then matches nothing.
 */
export type DirectoryMatch = "contents" | "path";


/**
 * Compile one gitignore-style pattern (git-scm.com/docs/gitignore, "PATTERN
 * FORMAT") into a predicate over repository paths. Used for CODEOWNERS and
 * `.gitattributes`, which both follow those rules (GitHub docs, "About code
 * owners" and "Customizing how changed files appear on GitHub").
 *
 * - A leading `/`, or a `/` in the middle, anchors the pattern at the
 *   repository root (`/docs/`, `docs/*`); otherwise it matches at any depth
 *   (`apps/`, `*.js`).
 * - A trailing `/` matches directories only (so, with `"contents"`, the paths
 *   inside them).
 * - `*` matches anything but `/`, `?` one character but `/`; `**` as a whole
 *   segment matches any number of folders (`**\/logs`, `a/**\/b`, `a/**`).
 * - Character ranges (`[a-z]`) and negation (`!`) are not interpreted here:
 *   the callers reject such lines first, as GitHub ignores them in CODEOWNERS.
 *
 * Input: the pattern as written (no comment, no surrounding spaces) and how
 * directories are matched ({@link DirectoryMatch}). Output: `(path) => boolean`
 * for a repository-relative path with `/` separators and no leading `/`, as
 * GitHub's files API gives it. A pattern that is empty once its slashes are
 * removed matches nothing. Pure; never throws.
 */
export function compileGitignorePattern(pattern: string, directories: DirectoryMatch): (path: string) => boolean {
  const directoryOnly = pattern.endsWith("/");
  const trimmed = pattern.replace(/\/+$/, "");
  const anchored = trimmed.includes("/");
  const body = trimmed.replace(/^\/+/, "");
  if (body === "") return () => false;

  const glob = anchored ? escapeLiterals(body) : `**/${escapeLiterals(body)}`;
  // Only `*`, `?` and `**` keep their meaning: every other special character is
  // escaped, so braces and parentheses are literal. Case-sensitive, as GitHub's
  // file system is ("CODEOWNERS paths are case sensitive"). compileGlob cannot
  // backtrack, so a hostile pattern in CODEOWNERS cannot stall the process.
  const matchesPath = compileGlob(glob);
  const lastSegment = body.split("/").at(-1);
  const ownsContents = directories === "contents" && (directoryOnly || lastSegment !== "*");

  return (path) => {
    if (!directoryOnly && matchesPath(path)) return true;
    if (!ownsContents) return false;
    // A pattern that matches a folder on the way to the path owns the path (gitignore's directory rule).
    for (let end = path.indexOf("/"); end > 0; end = path.indexOf("/", end + 1)) {
      if (matchesPath(path.slice(0, end))) return true;
    }
    return false;
  };
}

/** Backslash-escape every character a glob could read as syntax, except `*`, `?` and `/`. */
function escapeLiterals(body: string): string {
  return body.replace(/\\(.)|([^A-Za-z0-9*?/_\-.~ ])/g, (_, escaped: string | undefined, special: string | undefined) =>
    escaped !== undefined ? `\\${escaped}` : `\\${special}`,
  );
}
