import picomatch from "picomatch";
import type { Config } from "../config/schema.js";
import { createMatcher } from "../glob/match-globs.js";

/** Where a language's tests conventionally live, by extension (lower case, no dot). */
const PREFERRED_TEST_ROOT: Record<string, string> = { py: "tests", rb: "spec" };

/** Languages whose test class is `<Name>Test` (JUnit and friends). */
const CLASS_TEST_EXTENSIONS = new Set(["java", "kt", "kts", "scala", "groovy", "cs"]);

/**
 * A plausible path for the test of a source file, derived from the team's
 * configured globs, for suggestions such as "Could a test in
 * `test/billing/invoice.test.ts` cover this?".
 *
 * Candidates, by language convention, in order:
 * - Go: `x.go` → `x_test.go` beside it (Go keeps tests in the package's directory).
 * - Python: `x.py` → `test_x.py`, then `x_test.py`.
 * - Ruby: `x.rb` → `x_spec.rb`, then `x_test.rb`.
 * - Java, Kotlin, Scala, Groovy, C#: `Invoice.java` → `InvoiceTest.java`, first
 *   in the Maven layout (`src/main/...` → `src/test/...`).
 * - Everything else: `x.ts` → `x.test.ts`, then `x.spec.ts`.
 * Each name is tried under every test root the globs name (`test/**` → `test`;
 * the language's usual root first: `tests` for Python, `spec` for Ruby),
 * mirroring the path below the source root (`src/billing/invoice.ts` →
 * `test/billing/invoice.test.ts`), then beside the source, then in a
 * `__tests__` folder beside it.
 *
 * Input: a repository-relative source path and the `tests` config section.
 * Output: the first candidate that matches `tests.tests` and not
 * `tests.ignore` (so the suggestion is something the rule would count as a
 * test), or `undefined` when none does. Pure.
 */
export function suggestTestPath(
  sourcePath: string,
  tests: Pick<Config["tests"], "source" | "tests" | "ignore">,
): string | undefined {
  const isTest = createMatcher(tests.tests);
  const isIgnored = createMatcher(tests.ignore);
  const slash = sourcePath.lastIndexOf("/");
  const dir = slash >= 0 ? sourcePath.slice(0, slash) : "";
  const name = sourcePath.slice(slash + 1);
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot + 1) : "";
  const lang = ext.toLowerCase();

  const names = testFileNames(stem, ext, lang);
  const dirs = lang === "go" ? [dir] : testDirectories(sourcePath, dir, lang, tests);
  for (const testName of names) {
    for (const testDir of dirs) {
      const candidate = joinPath(testDir, testName);
      if (candidate !== sourcePath && isTest(candidate) && !isIgnored(candidate)) return candidate;
    }
  }
  return undefined;
}

function testFileNames(stem: string, ext: string, lang: string): string[] {
  const suffix = ext === "" ? "" : `.${ext}`;
  if (lang === "go") return [`${stem}_test${suffix}`];
  if (lang === "py") return [`test_${stem}${suffix}`, `${stem}_test${suffix}`];
  if (lang === "rb") return [`${stem}_spec${suffix}`, `${stem}_test${suffix}`];
  if (CLASS_TEST_EXTENSIONS.has(lang)) {
    const className = stem.charAt(0).toUpperCase() + stem.slice(1);
    return [`${className}Test${suffix}`];
  }
  return [`${stem}.test${suffix}`, `${stem}.spec${suffix}`];
}

function testDirectories(
  sourcePath: string,
  dir: string,
  lang: string,
  tests: Pick<Config["tests"], "source" | "tests">,
): string[] {
  const dirs: string[] = [];
  const mavenMain = /(^|\/)main(\/|$)/;
  if (CLASS_TEST_EXTENSIONS.has(lang) && mavenMain.test(dir)) dirs.push(dir.replace(mavenMain, "$1test$2"));
  const below = pathBelowSourceRoot(sourcePath, tests.source);
  const belowDir = below.includes("/") ? below.slice(0, below.lastIndexOf("/")) : "";
  const mirrored = belowDir.replace(/^main(\/|$)/, "");
  const preferred = PREFERRED_TEST_ROOT[lang] ?? "test";
  const roots = testRoots(tests.tests).sort((a, b) => Number(b === preferred) - Number(a === preferred));
  for (const root of roots) dirs.push(joinPath(root, mirrored));
  dirs.push(dir, joinPath(dir, "__tests__"));
  return [...new Set(dirs)];
}

/** Static folders that test globs start with: `test/**` → `test`; `**\/*.test.*` has none. */
function testRoots(globs: readonly string[]): string[] {
  const roots = globs
    .filter((glob) => !glob.startsWith("!"))
    .map((glob) => picomatch.scan(glob).base)
    .filter((base) => base !== "" && !base.includes("__tests__"));
  return [...new Set(roots)];
}

/** `src/billing/invoice.ts` under `src/**` → `billing/invoice.ts`; unchanged when no source glob has a static base. */
function pathBelowSourceRoot(sourcePath: string, sourceGlobs: readonly string[]): string {
  for (const glob of sourceGlobs) {
    if (glob.startsWith("!")) continue;
    const base = picomatch.scan(glob).base;
    if (base !== "" && sourcePath.startsWith(`${base}/`) && createMatcher([glob])(sourcePath)) {
      return sourcePath.slice(base.length + 1);
    }
  }
  return sourcePath;
}

function joinPath(...parts: string[]): string {
  return parts.filter((part) => part !== "").join("/");
}
