import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type Config } from "../../../src/config/schema.js";
import { type Level } from "../../../src/model/rule-result.js";
import type { ChangedFile, FlakyIssue } from "../../../src/model/pull-request-facts.js";
import { disabledTestsRule } from "../../../src/rules/disabled-tests.js";
import { detectDisabledTestMarker } from "../../../src/rules/detect-disabled-test-marker.js";
import { detectDisabledTests } from "../../../src/rules/detect-disabled-tests.js";
import { buildFacts } from "../../helpers/build-facts.js";

function flaky(number: number): FlakyIssue {
  return {
    number,
    title: `Flaky test ${number}`,
    body: "",
    htmlUrl: `https://github.com/acme/widgets/issues/${number}`,
    createdAt: "2026-11-01T09:00:00Z",
    assignees: [],
    labels: ["flaky-test"],
  };
}

/** A modified file whose patch adds `lines` at line 10 onwards, after one context line at 9. */
function adding(filename: string, lines: string[]): ChangedFile {
  const patch = [`@@ -9,1 +9,${lines.length + 1} @@`, " // context", ...lines.map((line) => `+${line}`)].join("\n");
  return { filename, status: "modified", additions: lines.length, deletions: 0, patch };
}

function evaluate(
  files: ChangedFile[],
  options: { body?: string; flakyIssues?: FlakyIssue[]; config?: Config } = {},
) {
  const facts = buildFacts({ files, body: options.body ?? "", flakyIssues: options.flakyIssues ?? [flaky(12)] });
  return disabledTestsRule.evaluate(facts, options.config ?? DEFAULT_CONFIG);
}

const SKIPPED = '  it.skip("rounds half up", () => {';

describe("disabledTestsRule", () => {
  it("reads its level from tests.disabled_tests and has no skip labels", () => {
    const config: Config = {
      ...DEFAULT_CONFIG,
      tests: { ...DEFAULT_CONFIG.tests, level: "notice", disabled_tests: { level: "failure" } },
    };
    expect(disabledTestsRule.id).toBe("disabled-tests");
    expect(disabledTestsRule.agreement).toBe("Disabled tests are tracked");
    expect(disabledTestsRule.level(config)).toBe("failure");
    expect(disabledTestsRule.skipLabels(config)).toEqual([]);
  });

  it.each([
    { name: "no files", files: [], body: "", status: "pass", message: "No test was disabled." },
    {
      name: "a new test that runs",
      files: [adding("test/a.test.ts", ['  it("works", () => {});'])],
      body: "",
      status: "pass",
      message: "No test was disabled.",
    },
    {
      name: "a test re-enabled (the marker is only removed)",
      files: [
        {
          filename: "test/a.test.ts",
          status: "modified" as const,
          additions: 1,
          deletions: 1,
          patch: '@@ -3,1 +3,1 @@\n-  it.skip("a", () => {});\n+  it("a", () => {});',
        },
      ],
      body: "",
      status: "pass",
      message: "No test was disabled.",
    },
    {
      name: "a marker in a Markdown file (ignored)",
      files: [adding("docs/testing.md", ["Use `it.skip(` with care."])],
      body: "",
      status: "pass",
      message: "No test was disabled.",
    },
    {
      name: "a file without a patch",
      files: [{ filename: "test/big.test.ts", status: "modified" as const, additions: 9000, deletions: 0 }],
      body: "",
      status: "pass",
      message: "No test was disabled.",
    },
    {
      name: "#N on the same line",
      files: [adding("test/a.test.ts", [`${SKIPPED} // flaky: #12`])],
      body: "",
      status: "pass",
      message: "1 test disabled, tracked in #12.",
    },
    {
      name: "#N on the added line above",
      files: [adding("test/a.test.ts", ["  // Flaky on CI, see #12", SKIPPED])],
      body: "",
      status: "pass",
      message: "1 test disabled, tracked in #12.",
    },
    {
      name: "#N in the description",
      files: [adding("test/a.test.ts", [SKIPPED])],
      body: "Skipping the rounding test while #12 is investigated.",
      status: "pass",
      message: "1 test disabled, tracked in #12.",
    },
    {
      name: "an issue URL in the description",
      files: [adding("test/a.test.ts", [SKIPPED])],
      body: "Tracked in https://github.com/acme/widgets/issues/12",
      status: "pass",
      message: "1 test disabled, tracked in #12.",
    },
    {
      name: "an issue URL on the line",
      files: [adding("tests/test_invoice.py", ["@pytest.mark.skip(reason='https://github.com/acme/widgets/issues/12')"])],
      body: "",
      status: "pass",
      message: "1 test disabled, tracked in #12.",
    },
    {
      name: "several markers tracked by several issues",
      files: [adding("test/a.test.ts", [`${SKIPPED} // #12`, 'xit("b") // #15', 'xit("c") // #12'])],
      body: "",
      status: "pass",
      message: "3 tests disabled, tracked in #12 and #15.",
    },
    {
      name: "no reference",
      files: [adding("test/a.test.ts", [SKIPPED])],
      body: "",
      status: "fail",
      message: "1 test disabled with no open `flaky-test` issue.",
    },
    {
      name: "a number that is not an open flaky issue",
      files: [adding("test/a.test.ts", [`${SKIPPED} // #34`])],
      body: "",
      status: "fail",
      message: "1 test disabled with no open `flaky-test` issue.",
    },
    {
      name: "an issue URL of another repository",
      files: [adding("test/a.test.ts", [SKIPPED])],
      body: "See https://github.com/other/widgets/issues/12",
      status: "fail",
      message: "1 test disabled with no open `flaky-test` issue.",
    },
    {
      name: "a reference two lines above does not count",
      files: [adding("test/a.test.ts", ["  // #12", "", SKIPPED])],
      body: "",
      status: "fail",
      message: "1 test disabled with no open `flaky-test` issue.",
    },
    {
      name: "one of two markers tracked",
      files: [adding("test/a.test.ts", [`${SKIPPED} // #12`, 'xit("b", () => {});'])],
      body: "",
      status: "fail",
      message: "1 of 2 disabled tests has no open `flaky-test` issue.",
    },
  ])("$name → $status", ({ files, body, status, message }) => {
    const result = evaluate(files, { body, flakyIssues: [flaky(12), flaky(15)] });
    expect(result.status).toBe(status);
    expect(result.message).toBe(message);
    if (status === "pass") expect(result.findings).toEqual([]);
  });

  it("only counts the line above when it is an added line", () => {
    const file: ChangedFile = {
      filename: "test/a.test.ts",
      status: "modified",
      additions: 1,
      deletions: 0,
      patch: `@@ -1,1 +1,2 @@\n // see #12\n+${SKIPPED}`,
    };
    expect(evaluate([file]).status).toBe("fail");
  });

  it("explains the agreement and asks for an issue, with an annotation on the marker's line", () => {
    const result = evaluate([adding("test/billing/invoice.test.ts", ["", SKIPPED])]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.message).toMatchInlineSnapshot(
      `"\`it.skip(\` on line 11 of \`test/billing/invoice.test.ts\` disables a test. The team agreed that disabled tests are tracked: a disabled test is a flaky test the team still owns, and an open issue labelled \`flaky-test\` keeps it visible until it runs again. Which \`flaky-test\` issue tracks bringing this test back? Add its number (\`#N\`) on that line, on the line above or in the description; if there is none yet, could someone open one?"`,
    );
    expect(result.findings[0]?.annotation).toEqual({
      path: "test/billing/invoice.test.ts",
      startLine: 11,
      endLine: 11,
      level: "warning",
      title: "Disabled test without a flaky-test issue",
      message: "This disables a test. Which flaky-test issue tracks bringing it back? Add `#N` here or in the description.",
    });
  });

  it("names the numbers found that are not open flaky-test issues", () => {
    const one = evaluate([adding("test/a.test.ts", [`${SKIPPED} // #34`])]);
    expect(one.findings[0]?.message).toContain("#34 is referenced, but it is not an open `flaky-test` issue.");

    const several = evaluate([adding("test/a.test.ts", ["// was #33", `${SKIPPED} // #34`])], { body: "Fixes #40" });
    expect(several.findings[0]?.message).toContain(
      "#34, #33 and #40 are referenced, but none of them is an open `flaky-test` issue.",
    );
  });

  it("uses the configured flaky label", () => {
    const config: Config = { ...DEFAULT_CONFIG, flaky: { ...DEFAULT_CONFIG.flaky, label: "flaky" } };
    const result = evaluate([adding("test/a.test.ts", [SKIPPED])], { config });
    expect(result.message).toBe("1 test disabled with no open `flaky` issue.");
    expect(result.findings[0]?.annotation?.title).toBe("Disabled test without a flaky issue");
    expect(result.findings[0]?.message).toContain("an open issue labelled `flaky` keeps it visible");
  });

  it("annotates exact lines across two hunks and several files", () => {
    const twoHunks: ChangedFile = {
      filename: "test/invoice.test.ts",
      status: "modified",
      additions: 3,
      deletions: 1,
      patch: [
        "@@ -1,3 +1,4 @@",
        ' import { describe, it } from "vitest";',
        '+describe.skip("rounding", () => {',
        " ",
        '-it("a", () => {});',
        '+it("a", () => {});',
        "@@ -80,2 +81,3 @@ describe(\"totals\", () => {",
        "   it(\"b\", () => {});",
        '+  xit("c", () => {});',
        " });",
      ].join("\n"),
    };
    const goFile = adding("pkg/db/pool_test.go", ["func TestPool(t *testing.T) {", '\tt.Skip("flaky")']);
    const result = evaluate([twoHunks, goFile]);
    expect(result.message).toBe("3 tests disabled with no open `flaky-test` issue.");
    expect(result.findings.map((finding) => finding.annotation && [finding.annotation.path, finding.annotation.startLine])).toEqual([
      ["test/invoice.test.ts", 2],
      ["test/invoice.test.ts", 82],
      ["pkg/db/pool_test.go", 11],
    ]);
  });

  it.each<{ level: Level; expected: string }>([
    { level: "notice", expected: "notice" },
    { level: "warning", expected: "warning" },
    { level: "failure", expected: "failure" },
  ])("maps level $level to annotation level $expected", ({ level, expected }) => {
    const config: Config = { ...DEFAULT_CONFIG, tests: { ...DEFAULT_CONFIG.tests, disabled_tests: { level } } };
    const result = evaluate([adding("test/a.test.ts", [SKIPPED])], { config });
    expect(result.findings[0]?.annotation?.level).toBe(expected);
  });
});

describe("detectDisabledTests", () => {
  it("lists each marker with its references in order: line, line above, description", () => {
    const facts = buildFacts({
      body: "Related: #12 and #40",
      flakyIssues: [flaky(12)],
      files: [adding("test/a.test.ts", ["// see #33", `${SKIPPED} // #34`, 'xit("b");']), adding("README.md", ["it.skip("])],
    });
    expect(detectDisabledTests(facts, DEFAULT_CONFIG.tests)).toEqual([
      { path: "test/a.test.ts", line: 11, marker: { kind: "skip", text: "it.skip(" }, references: [34, 33, 12, 40], trackedBy: 12 },
      { path: "test/a.test.ts", line: 12, marker: { kind: "x-prefix", text: "xit(" }, references: [12, 40], trackedBy: 12 },
    ]);
  });
});

describe("detectDisabledTestMarker", () => {
  it.each([
    { line: '  it.skip("a", () => {});', kind: "skip", text: "it.skip(" },
    { line: 'describe.skip("suite", () => {', kind: "skip", text: "describe.skip(" },
    { line: 'test.skip ("a", () => {});', kind: "skip", text: "test.skip(" },
    { line: "it.skip.each([1, 2])('%i', (n) => {});", kind: "skip", text: "it.skip.each(" },
    { line: 'xit("a", () => {});', kind: "x-prefix", text: "xit(" },
    { line: 'xdescribe("suite", () => {', kind: "x-prefix", text: "xdescribe(" },
    { line: '  xtest("a", () => {});', kind: "x-prefix", text: "xtest(" },
    { line: 'it.todo("handles leap years");', kind: "todo", text: "it.todo(" },
    { line: 'test.todo("handles leap years");', kind: "todo", text: "test.todo(" },
    { line: '@pytest.mark.skip(reason="flaky")', kind: "pytest-skip", text: "@pytest.mark.skip" },
    { line: "@pytest.mark.skipif(sys.platform == 'win32', reason='x')", kind: "pytest-skip", text: "@pytest.mark.skipif" },
    { line: '@unittest.skip("flaky")', kind: "unittest-skip", text: "@unittest.skip" },
    { line: "    @unittest.skipIf(True, 'x')", kind: "unittest-skip", text: "@unittest.skipIf" },
    { line: '  @Disabled("flaky on CI")', kind: "junit-disabled", text: "@Disabled" },
    { line: "  @Ignore", kind: "junit-ignore", text: "@Ignore" },
    { line: '\tt.Skip("flaky")', kind: "go-skip", text: "t.Skip(" },
    { line: '\tt.Skipf("flaky: %v", err)', kind: "go-skip", text: "t.Skipf(" },
    { line: "#[ignore]", kind: "rust-ignore", text: "#[ignore]" },
    { line: '#[ignore = "flaky"]', kind: "rust-ignore", text: '#[ignore = "flaky"]' },
  ])("$line → $kind", ({ line, kind, text }) => {
    expect(detectDisabledTestMarker(line)).toEqual({ kind, text });
  });

  it.each([
    'it("skips nothing", () => {});',
    "const maxit = maxit(3);",
    'foo.xit("a")',
    "@DisabledOnOs(OS.WINDOWS)",
    "@IgnoreExtraProperties",
    "if skip(3) {}",
    "items.skipWhile(isEmpty)",
    "#[test]",
    "const isSkipped = options.skipped;",
    "at.Skip(1)",
  ])("%s → no marker", (line) => {
    expect(detectDisabledTestMarker(line)).toBeUndefined();
  });
});
