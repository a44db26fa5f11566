/**
 * Whether a changed source file has a test counterpart among the changed test
 * files: a test whose base name, once test affixes are removed, equals the
 * source's base name without its extension (case-insensitive).
 *
 * Counterparts of `src/billing/invoice.ts` (any directory): `invoice.test.ts`,
 * `invoice.spec.ts`, `invoice_test.go`, `invoice-test.js`, `test_invoice.py`,
 * `InvoiceTest.java`, `InvoiceTests.cs`, `InvoiceSpec.scala`, and a file named
 * `invoice.ts` itself (say `test/billing/invoice.ts`).
 *
 * Input: repository-relative paths with `/` separators.
 * Output: `true` when at least one of `testPaths` is a counterpart. Pure.
 */
export function hasTestCounterpart(sourcePath: string, testPaths: readonly string[]): boolean {
  const stem = withoutExtension(baseName(sourcePath)).toLowerCase();
  return testPaths.some((testPath) => testStems(testPath).has(stem));
}

/**
 * The stems a test file can stand for, lower-cased: its own stem and the stem
 * with one test affix removed (`.test`, `_spec`, `test_`, `Test`, ...).
 */
export function testStems(testPath: string): Set<string> {
  const stem = withoutExtension(baseName(testPath));
  const stems = new Set([stem.toLowerCase()]);
  const affixes = [
    /[._-](?:test|spec)s?$/i, // invoice.test, invoice_test, invoice-spec
    /^tests?[_-]/i, // test_invoice
    /(?<=[a-z0-9])(?:Tests?|Spec)$/, // InvoiceTest, InvoiceTests, InvoiceSpec (camel case only: not "latest")
  ];
  for (const affix of affixes) {
    const stripped = stem.replace(affix, "");
    if (stripped !== "" && stripped !== stem) stems.add(stripped.toLowerCase());
  }
  return stems;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** `invoice.test.ts` → `invoice.test`; `Makefile` → `Makefile`; `.eslintrc` → `.eslintrc`. */
function withoutExtension(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}
