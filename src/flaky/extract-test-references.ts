import { createMatcher } from "../glob/match-globs.js";

/** What an issue's text says about which tests it is about. */
export interface TestReferences {
  /** Repository-relative paths that match the test globs, e.g. `test/widgets/cache.test.ts`. */
  paths: string[];
  /** Test names, e.g. `expires entries`, from backticks or a quoted name after `›`. */
  names: string[];
}

/** Characters a repository path is made of, for bare paths in prose and stack traces. */
const PATH_TOKEN = /[A-Za-z0-9_@+.\-/]+/g;
/** A URL up to whitespace or the punctuation that usually closes it in markdown. */
const URL_PATTERN = /https?:\/\/[^\s<>()[\]"'`]+/g;
/** `https://<host>/<owner>/<repo>/blob/<ref and path>`: GitHub's file view (github.com or Enterprise Server). */
const BLOB_URL = /^https?:\/\/[^/]+\/[^/]+\/[^/]+\/blob\/([^?#]+)/;
/** A line that opens or closes a fenced code block (``` or ~~~). */
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/;
/** Inline code on one line: `` `expires entries` ``. */
const INLINE_CODE = /(?<!`)`([^`\n]+)`(?!`)/g;
/** A quoted test name after Jest's `›` separator: `cache.test.ts › "expires entries"`. */
const QUOTED_AFTER_SEPARATOR = /›\s*(?:"([^"\n]+)"|“([^”\n]+)”)/g;
/** Ends like a file name: `.ts`, `.rb`, `.go`… */
const FILE_EXTENSION = /\.[A-Za-z0-9]{1,5}$/;

interface Hit {
  index: number;
  kind: "path" | "name";
  value: string;
}

/**
 * Find the tests an issue is about, from its title and body.
 *
 * Paths: any token that matches one of `testGlobs` (picomatch, `{ dot: true }`)
 * once a leading `./` or `/` and a trailing `:line[:column]` or full stop are
 * removed, whether bare (`test/x.test.ts`), in backticks, in a stack trace, or
 * inside a GitHub file URL (`https://github.com/o/r/blob/<ref>/test/x.test.ts#L10`
 * gives `test/x.test.ts`). A branch with slashes is indistinguishable from
 * folders in such a URL, so the shortest ref is tried first, preferring a path
 * that matches a glob rooted at the repository (`test/**`) over one that only
 * matches a glob starting with `**` (such as the default `*.test.*` one).
 * Other URLs (CI runs, issues) never yield paths. Absolute paths from stack traces
 * (`/home/runner/work/…/test/x.test.ts`) are returned as found, without the
 * leading slash; the caller cannot match them to the repository.
 *
 * Names: inline code outside fenced blocks that does not look like a path
 * (`` `expires entries` ``), and a quoted name after a `›` separator
 * (`cache.test.ts › "expires entries"`).
 *
 * @param text the issue's title and body, e.g. `${title}\n${body}`
 * @param testGlobs the test globs, `config.tests.tests`
 * @returns paths and names, each deduplicated, in order of first appearance
 */
export function extractTestReferences(text: string, testGlobs: string[]): TestReferences {
  const isTest = createMatcher(testGlobs);
  const rootedGlobs = testGlobs.filter((glob) => !glob.startsWith("**"));
  const isRootedTest = createMatcher(rootedGlobs);
  const hits: Hit[] = [];

  // URLs first, then blank them out so their pieces are not read as bare paths.
  const prose = text.replace(URL_PATTERN, (url: string, index: number) => {
    const path = pathFromBlobUrl(url, isTest, isRootedTest);
    if (path !== null) hits.push({ index, kind: "path", value: path });
    return " ".repeat(url.length);
  });

  for (const match of prose.matchAll(PATH_TOKEN)) {
    const path = normalizePath(match[0]);
    if (FILE_EXTENSION.test(path) && isTest(path)) hits.push({ index: match.index, kind: "path", value: path });
  }

  const outsideFences = blankFencedBlocks(prose);
  for (const match of outsideFences.matchAll(INLINE_CODE)) {
    const name = (match[1] ?? "").trim();
    if (isTestName(name, isTest)) hits.push({ index: match.index, kind: "name", value: name });
  }
  for (const match of outsideFences.matchAll(QUOTED_AFTER_SEPARATOR)) {
    const name = (match[1] ?? match[2] ?? "").trim();
    if (isTestName(name, isTest)) hits.push({ index: match.index, kind: "name", value: name });
  }

  hits.sort((a, b) => a.index - b.index);
  return {
    paths: unique(hits.filter((hit) => hit.kind === "path").map((hit) => hit.value)),
    names: unique(hits.filter((hit) => hit.kind === "name").map((hit) => hit.value)),
  };
}

/** The test path a GitHub blob URL points at, or null when it is no blob URL or no test. */
function pathFromBlobUrl(
  url: string,
  isTest: (path: string) => boolean,
  isRootedTest: (path: string) => boolean,
): string | null {
  const match = BLOB_URL.exec(url);
  if (!match?.[1]) return null;
  const segments = safeDecode(match[1]).split("/").filter((segment) => segment !== "");
  const candidates = segments.slice(1).map((_, index) => segments.slice(index + 1).join("/"));
  // The ref may itself contain slashes (`feature/cache`), which the URL cannot
  // tell apart from folders. Prefer the shortest ref whose path matches a glob
  // rooted at the repository (`test/**`), then the shortest that matches any.
  return candidates.find((path) => isRootedTest(path)) ?? candidates.find((path) => isTest(path)) ?? null;
}

function normalizePath(token: string): string {
  return token.replace(/^(?:\.\/|\/)+/, "").replace(/\.+$/, "");
}

/** Inline code counts as a test name unless it is empty, a URL, or looks like a path. */
function isTestName(name: string, isTest: (path: string) => boolean): boolean {
  if (name === "" || /^https?:\/\//.test(name)) return false;
  const looksLikePath = !/\s/.test(name) && (name.includes("/") || FILE_EXTENSION.test(name.replace(/:\d+(?::\d+)?$/, "")));
  return !looksLikePath && !isTest(normalizePath(name));
}

/**
 * Blank out fenced code blocks (stack traces, logs), keeping every index. An
 * unclosed fence runs to the end of the text, as GitHub renders it.
 */
function blankFencedBlocks(text: string): string {
  let result = "";
  let fence: string | null = null;
  for (const line of text.split(/(?<=\n)/)) {
    const opener = FENCE_LINE.exec(line)?.[1];
    if (fence === null && opener !== undefined) {
      fence = opener;
      result += line.replace(/[^\n]/g, " ");
    } else if (fence !== null) {
      const closes = opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener;
      if (closes) fence = null;
      result += line.replace(/[^\n]/g, " ");
    } else {
      result += line;
    }
  }
  return result;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
