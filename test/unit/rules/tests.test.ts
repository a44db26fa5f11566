import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type Config } from "../../../src/config/schema.js";
import { type Level } from "../../../src/model/rule-result.js";
import type { ChangedFile } from "../../../src/model/pull-request-facts.js";
import { evaluateRules } from "../../../src/rules/evaluate-rules.js";
import { classifyChangedFiles, testsRule } from "../../../src/rules/tests.js";
import { buildFacts } from "../../helpers/build-facts.js";

/** A modified file with `additions` added and `deletions` removed lines (no patch unless given). */
function file(filename: string, additions: number, extra: Partial<ChangedFile> = {}): ChangedFile {
  return { filename, status: "modified", additions, deletions: 0, ...extra };
}

function withTests(tests: Partial<Config["tests"]>): Config {
  return { ...DEFAULT_CONFIG, tests: { ...DEFAULT_CONFIG.tests, ...tests } };
}

function evaluate(files: ChangedFile[], config: Config = DEFAULT_CONFIG) {
  return testsRule.evaluate(buildFacts({ files }), config);
}

describe("testsRule", () => {
  it("reads its level and skip labels from the tests section", () => {
    const config = withTests({ level: "failure", skip_labels: ["no-tests-needed", "hotfix"] });
    expect(testsRule.id).toBe("tests");
    expect(testsRule.agreement).toBe("Tests accompany code");
    expect(testsRule.level(config)).toBe("failure");
    expect(testsRule.skipLabels(config)).toEqual(["no-tests-needed", "hotfix"]);
  });

  it.each([
    {
      name: "docs-only change",
      files: [file("README.md", 40), file("docs/guide.md", 12)],
      config: DEFAULT_CONFIG,
      status: "skip",
      message: "No source change reaches 5 changed lines (no source file changed).",
    },
    {
      name: "small source change under the threshold",
      files: [file("src/a.ts", 2, { deletions: 2 })],
      config: DEFAULT_CONFIG,
      status: "skip",
      message: "No source change reaches 5 changed lines (4 lines changed in 1 file).",
    },
    {
      name: "several small source changes that reach the threshold together",
      files: [file("src/a.ts", 2), file("lib/b.ts", 1, { deletions: 2 })],
      config: DEFAULT_CONFIG,
      status: "fail",
      message: "`lib/b.ts` and `src/a.ts` changed by 5 lines with no test change.",
    },
    {
      name: "source without tests",
      files: [file("src/billing/invoice.ts", 30, { deletions: 4 })],
      config: DEFAULT_CONFIG,
      status: "fail",
      message: "`src/billing/invoice.ts` changed by 34 lines with no test change.",
    },
    {
      name: "many source files without tests, biggest first",
      files: [file("src/a.ts", 3), file("src/b.ts", 20), file("app/c.py", 9)],
      config: DEFAULT_CONFIG,
      status: "fail",
      message: "`src/b.ts` and 2 more changed by 32 lines with no test change.",
    },
    {
      name: "source with tests",
      files: [file("src/a.ts", 10), file("src/b.ts", 20), file("src/c.ts", 5), file("test/a.test.ts", 8)],
      config: DEFAULT_CONFIG,
      status: "pass",
      message: "`src/b.ts` and 2 more changed with tests (`test/a.test.ts`).",
    },
    {
      name: "a test file inside src/ counts as a test",
      files: [file("src/billing/invoice.ts", 10), file("src/billing/invoice.test.ts", 15)],
      config: DEFAULT_CONFIG,
      status: "pass",
      message: "`src/billing/invoice.ts` changed with tests (`src/billing/invoice.test.ts`).",
    },
    {
      name: "a test file inside src/ alone is not source",
      files: [file("src/billing/invoice.test.ts", 50)],
      config: DEFAULT_CONFIG,
      status: "skip",
      message: "No source change reaches 5 changed lines (no source file changed).",
    },
    {
      name: "a Markdown file under src/ is ignored",
      files: [file("src/billing/README.md", 50)],
      config: DEFAULT_CONFIG,
      status: "skip",
      message: "No source change reaches 5 changed lines (no source file changed).",
    },
    {
      name: "configured ignore globs leave generated code out",
      files: [file("src/generated/api.ts", 400), file("src/a.ts", 3)],
      config: withTests({ ignore: ["**/*.md", "src/generated/**"] }),
      status: "skip",
      message: "No source change reaches 5 changed lines (3 lines changed in 1 file).",
    },
    {
      name: "an ignored test file does not count as a test",
      files: [file("src/a.ts", 10), file("docs/examples/a.test.ts", 10)],
      config: DEFAULT_CONFIG,
      status: "fail",
      message: "`src/a.ts` changed by 10 lines with no test change.",
    },
    {
      name: "files outside the source globs are not judged",
      files: [file("scripts/release.sh", 80), file(".github/workflows/ci.yml", 20)],
      config: DEFAULT_CONFIG,
      status: "skip",
      message: "No source change reaches 5 changed lines (no source file changed).",
    },
    {
      name: "a threshold of 1 line, singular",
      files: [file("src/a.ts", 0)],
      config: withTests({ min_changed_lines: 1 }),
      status: "skip",
      message: "No source change reaches 1 changed line (0 lines changed in 1 file).",
    },
    {
      name: "a threshold of 0 judges any source change",
      files: [file("src/a.ts", 1)],
      config: withTests({ min_changed_lines: 0 }),
      status: "fail",
      message: "`src/a.ts` changed by 1 line with no test change.",
    },
  ])("$name → $status", ({ files, config, status, message }) => {
    const result = evaluate(files, config);
    expect(result.status).toBe(status);
    expect(result.message).toBe(message);
    if (status !== "fail") expect(result.findings).toEqual([]);
  });

  it("explains the agreement, suggests a test and names the escape hatch", () => {
    const result = evaluate([file("src/billing/invoice.ts", 30, { deletions: 4 })]);
    expect(result.findings.map((finding) => finding.message)).toMatchInlineSnapshot(`
      [
        "The team agreed that code changes come with tests, so the next change here is safe to make. Could a test in \`test/billing/invoice.test.ts\` cover what changed in \`src/billing/invoice.ts\`? If this change needs no test (a pure refactor covered elsewhere, say), add the \`skip-tests\` label and a line in the description saying why, so reviewers see the reasoning.",
      ]
    `);
  });

  it.each([
    { source: "src/billing/invoice.ts", suggestion: "test/billing/invoice.test.ts" },
    { source: "pkg/billing/invoice.go", suggestion: "pkg/billing/invoice_test.go" },
    { source: "app/billing/invoice.py", suggestion: "tests/billing/test_invoice.py" },
    { source: "src/main/java/com/acme/Invoice.java", suggestion: "test/java/com/acme/InvoiceTest.java" },
  ])("suggests $suggestion for $source", ({ source, suggestion }) => {
    const [main] = evaluate([file(source, 20)]).findings;
    expect(main?.message).toContain(`Could a test in \`${suggestion}\` cover what changed in \`${source}\`?`);
  });

  it("asks without a path when no candidate matches the test globs, and without a label when none is configured", () => {
    const config = withTests({ tests: ["checks/**/*.check.ts"], skip_labels: [] });
    const [main] = evaluate([file("src/a.ts", 20)], config).findings;
    expect(main?.message).toMatchInlineSnapshot(
      `"The team agreed that code changes come with tests, so the next change here is safe to make. Could a test cover what changed in \`src/a.ts\`? If this change needs no test (a pure refactor covered elsewhere, say), a line in the description saying why lets reviewers see the reasoning."`,
    );
  });

  it("says so when GitHub listed only part of the files", () => {
    const result = testsRule.evaluate(buildFacts({ files: [file("src/a.ts", 20)], filesTruncated: true }), DEFAULT_CONFIG);
    expect(result.findings[0]?.message).toContain(
      "GitHub listed only part of this PR's files, so a test change may be among the rest.",
    );
  });

  it("annotates every changed source file except removed ones, at its first added line", () => {
    const files: ChangedFile[] = [
      file("src/billing/tax.ts", 6, { patch: "@@ -20,3 +20,9 @@\n a\n b\n+c\n+d\n+e\n+f\n+g\n+h\n c" }),
      file("src/billing/invoice.ts", 30, { deletions: 4 }),
      file("src/billing/legacy.ts", 0, { status: "removed", deletions: 50 }),
      file("src/billing/rates.ts", 2, { status: "added", patch: "@@ -0,0 +1,2 @@\n+export const A = 1;\n+export const B = 2;" }),
      file("docs/billing.md", 10),
    ];
    const result = evaluate(files);
    expect(result.message).toBe("`src/billing/legacy.ts` and 3 more changed by 92 lines with no test change.");
    expect(result.findings.map((finding) => finding.annotation)).toEqual([
      {
        path: "src/billing/invoice.ts",
        startLine: 1,
        endLine: 1,
        level: "warning",
        title: "Changed without a test",
        message: "Changed without a test. Which test would fail if this change broke?",
      },
      {
        path: "src/billing/tax.ts",
        startLine: 22,
        endLine: 22,
        level: "warning",
        title: "Changed without a test",
        message: "Changed without a test. Which test would fail if this change broke?",
      },
      {
        path: "src/billing/rates.ts",
        startLine: 1,
        endLine: 1,
        level: "warning",
        title: "Changed without a test",
        message: "Changed without a test. Which test would fail if this change broke?",
      },
    ]);
    expect(result.findings.slice(1).map((finding) => finding.message)).toEqual([
      "Also changed without a test: `src/billing/tax.ts` (6 lines).",
      "Also changed without a test: `src/billing/rates.ts` (2 lines).",
    ]);
    expect(result.findings[0]?.message).toContain(
      "Could a test in `test/billing/invoice.test.ts` cover what changed in `src/billing/invoice.ts`?",
    );
  });

  it("asks about the tests of removed code when only removals changed source", () => {
    const result = evaluate([file("src/old.ts", 0, { status: "removed", deletions: 40 })]);
    expect(result.status).toBe("fail");
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.annotation).toBeUndefined();
    expect(result.findings[0]?.message).toContain("Do the tests that covered the removed code need to change with it?");
  });

  it.each<{ level: Level; expected: string }>([
    { level: "notice", expected: "notice" },
    { level: "warning", expected: "warning" },
    { level: "failure", expected: "failure" },
  ])("maps level $level to annotation level $expected", ({ level, expected }) => {
    const [main] = evaluate([file("src/a.ts", 20)], withTests({ level })).findings;
    expect(main?.annotation?.level).toBe(expected);
  });

  it("is skipped by the skip-tests label through evaluateRules", () => {
    const facts = buildFacts({ files: [file("src/a.ts", 20)], labels: ["skip-tests"] });
    const [result] = evaluateRules([testsRule], facts, DEFAULT_CONFIG);
    expect(result).toMatchObject({ id: "tests", status: "skip", message: "Skipped: the `skip-tests` label is set." });
  });
});

describe("classifyChangedFiles", () => {
  it("splits files into source and tests, leaving ignored and other files out", () => {
    const files = [
      file("src/a.ts", 1),
      file("src/a.test.ts", 1),
      file("src/README.md", 1),
      file("test/b.test.ts", 1),
      file("package.json", 1),
      file("internal/db/db_test.go", 1),
      file("internal/db/db.go", 1),
    ];
    const result = classifyChangedFiles(files, DEFAULT_CONFIG.tests);
    expect(result.source.map((f) => f.filename)).toEqual(["src/a.ts", "internal/db/db.go"]);
    expect(result.tests.map((f) => f.filename)).toEqual(["src/a.test.ts", "test/b.test.ts", "internal/db/db_test.go"]);
  });
});
