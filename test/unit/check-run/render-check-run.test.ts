import { describe, expect, it } from "vitest";
import { MAX_OUTPUT_CHARS } from "../../../src/model/github-limits.js";
import { renderCheckRun } from "../../../src/check-run/render-check-run.js";
import type { RuleResult } from "../../../src/model/rule-result.js";
import { annotatedFinding, exampleResults, ruleResult } from "./rule-results.js";

const urls = {
  configUrl: "https://github.com/acme/widgets/blob/main/.github/eng-health.yml",
  referenceUrl: "https://github.com/acme/eng-health#configuration",
};

describe("renderCheckRun", () => {
  it("renders the neutral run from the examples", () => {
    const output = renderCheckRun({ results: exampleResults(), conclusion: "neutral", ...urls });
    expect(output.title).toBe("2 of 4 agreements met · 1 suggestion · 1 question");
    expect(output.text).toBeUndefined();
    expect(output.summary).toMatchInlineSnapshot(`
      "| | Agreement | Result |
      |---|---|---|
      | ✅ | Documented reasoning | The description explains why (48 words, "Why" and "Testing" sections). |
      | ⚠️ | Tests accompany code | \`src/billing/invoice.ts\` changed by 34 lines with no test change. |
      | ✅ | Disabled tests are tracked | No test was disabled. |
      | 💬 | Review turnaround | Waiting 3.5 business hours for a first review (target: 24 h). |

      ### ⚠️ Tests accompany code
      The team agreed that code changes come with tests, so the next change here is safe to make.
      Could a test in \`test/billing/invoice.test.ts\` pin down the new rounding rule? If this change
      needs no test (a pure refactor covered elsewhere, say), add the \`skip-tests\` label and a line in the
      description saying why, so reviewers see the reasoning.

      <sub>Configured in [\`.github/eng-health.yml\`](https://github.com/acme/widgets/blob/main/.github/eng-health.yml) · [config reference](https://github.com/acme/eng-health#configuration) · re-run with "Re-run checks"</sub>"
    `);
    expect(output.annotations).toEqual([
      {
        path: "src/billing/invoice.ts",
        start_line: 1,
        end_line: 1,
        annotation_level: "warning",
        message: "Changed without a test. Which test would fail if this rounding broke?",
        title: "Tests accompany code",
      },
    ]);
  });

  it("renders an all-pass run with no details", () => {
    const passing: Record<string, string> = {
      reasoning: 'The description explains why (48 words, "Why" and "Testing" sections).',
      tests: "`src/billing/invoice.ts` changed with `test/billing/invoice.test.ts`.",
      "disabled-tests": "No test was disabled.",
      review: "First review after 3.5 business hours (target: 24 h).",
    };
    const results = exampleResults().map((result) => ({
      ...result,
      status: "pass" as const,
      message: passing[result.id] ?? "",
      findings: [],
    }));
    const output = renderCheckRun({ results, conclusion: "success", ...urls });
    expect(output.title).toBe("All 4 agreements met");
    expect(output.annotations).toEqual([]);
    expect(output.summary).toMatchInlineSnapshot(`
      "| | Agreement | Result |
      |---|---|---|
      | ✅ | Documented reasoning | The description explains why (48 words, "Why" and "Testing" sections). |
      | ✅ | Tests accompany code | \`src/billing/invoice.ts\` changed with \`test/billing/invoice.test.ts\`. |
      | ✅ | Disabled tests are tracked | No test was disabled. |
      | ✅ | Review turnaround | First review after 3.5 business hours (target: 24 h). |

      <sub>Configured in [\`.github/eng-health.yml\`](https://github.com/acme/widgets/blob/main/.github/eng-health.yml) · [config reference](https://github.com/acme/eng-health#configuration) · re-run with "Re-run checks"</sub>"
    `);
  });

  it("says there was nothing to check for a bot author, with the reason", () => {
    const results = exampleResults().map((result) => ({
      ...result,
      status: "skip" as const,
      message: "Skipped: opened by a bot (dependabot[bot]).",
      findings: [],
    }));
    const output = renderCheckRun({ results, conclusion: "success", ...urls });
    expect(output.title).toBe("Nothing to check: opened by a bot (dependabot[bot])");
    expect(output.summary).toMatchInlineSnapshot(`
      "| | Agreement | Result |
      |---|---|---|
      | ⏭️ | Documented reasoning | Skipped: opened by a bot (dependabot[bot]). |
      | ⏭️ | Tests accompany code | Skipped: opened by a bot (dependabot[bot]). |
      | ⏭️ | Disabled tests are tracked | Skipped: opened by a bot (dependabot[bot]). |
      | ⏭️ | Review turnaround | Skipped: opened by a bot (dependabot[bot]). |

      <sub>Configured in [\`.github/eng-health.yml\`](https://github.com/acme/widgets/blob/main/.github/eng-health.yml) · [config reference](https://github.com/acme/eng-health#configuration) · re-run with "Re-run checks"</sub>"
    `);
  });

  it("puts config errors first, in the title and the summary", () => {
    const configErrorsMarkdown = [
      "### The eng-health config could not be read",
      "`.github/eng-health.yml`, line 3: `reasoning.min_wrods` is not a known key. Did you mean `min_words`?",
      "",
      "Until this is fixed, this PR was checked with the default settings for the affected rules.",
    ].join("\n");
    const results = [
      ruleResult({ id: "reasoning", agreement: "Documented reasoning", message: "The description explains why (31 words)." }),
      ruleResult(),
    ];
    const output = renderCheckRun({ results, conclusion: "action_required", configErrorsMarkdown, ...urls });
    expect(output.title).toBe("The eng-health config needs a fix · All 2 agreements met");
    expect(output.summary).toMatchInlineSnapshot(`
      "### The eng-health config could not be read
      \`.github/eng-health.yml\`, line 3: \`reasoning.min_wrods\` is not a known key. Did you mean \`min_words\`?

      Until this is fixed, this PR was checked with the default settings for the affected rules.

      | | Agreement | Result |
      |---|---|---|
      | ✅ | Documented reasoning | The description explains why (31 words). |
      | ✅ | Tests accompany code | Tests changed with the code. |

      <sub>Configured in [\`.github/eng-health.yml\`](https://github.com/acme/widgets/blob/main/.github/eng-health.yml) · [config reference](https://github.com/acme/eng-health#configuration) · re-run with "Re-run checks"</sub>"
    `);
  });

  it.each([null, undefined, "", "  \n"])("treats config errors %j as none", (configErrorsMarkdown) => {
    const output = renderCheckRun({ results: [ruleResult()], conclusion: "success", configErrorsMarkdown, ...urls });
    expect(output.title).toBe("1 agreement met");
    expect(output.summary.startsWith("| | Agreement | Result |")).toBe(true);
  });

  it("marks each status and level, with a section per result that has findings, in results order", () => {
    const results: RuleResult[] = [
      ruleResult({ id: "flaky", agreement: "Flaky tests are fixed", level: "notice", status: "pass", message: "4 open flaky tests.", findings: [{ message: "The oldest flaky test has been open 23 days. Could someone pick it up?" }] }),
      ruleResult({ id: "reasoning", agreement: "Documented reasoning", level: "failure", status: "fail", message: "The description has 3 words.", findings: [{ message: "Could the description say why?" }] }),
      ruleResult({ id: "review", agreement: "Review turnaround", level: "notice", status: "skip", message: "Skipped: the PR is a draft." }),
      ruleResult({ message: "Tests | specs changed\nwith the code.", agreement: "Tests\naccompany code" }),
    ];
    const output = renderCheckRun({ results, conclusion: "failure", ...urls });
    expect(output.title).toBe("2 of 3 agreements met · 1 suggestion · 1 question");
    expect(output.summary).toMatchInlineSnapshot(`
      "| | Agreement | Result |
      |---|---|---|
      | 💬 | Flaky tests are fixed | 4 open flaky tests. |
      | ❌ | Documented reasoning | The description has 3 words. |
      | ⏭️ | Review turnaround | Skipped: the PR is a draft. |
      | ✅ | Tests accompany code | Tests \\| specs changed with the code. |

      ### 💬 Flaky tests are fixed
      The oldest flaky test has been open 23 days. Could someone pick it up?

      ### ❌ Documented reasoning
      Could the description say why?

      <sub>Configured in [\`.github/eng-health.yml\`](https://github.com/acme/widgets/blob/main/.github/eng-health.yml) · [config reference](https://github.com/acme/eng-health#configuration) · re-run with "Re-run checks"</sub>"
    `);
  });

  it("returns every annotation in REST shape, in results order, without an undefined title", () => {
    const results = [
      ruleResult({
        status: "fail",
        findings: [
          annotatedFinding("a", { path: "src/a.ts", startLine: 3, endLine: 5, level: "failure", message: "A." }),
          { message: "no annotation" },
        ],
      }),
      ruleResult({
        id: "disabled-tests",
        status: "fail",
        findings: [annotatedFinding("b", { path: "test/b.test.ts", startLine: 9, endLine: 9, level: "notice", message: "B.", title: "Skipped test" })],
      }),
    ];
    const { annotations } = renderCheckRun({ results, conclusion: "failure", ...urls });
    expect(annotations).toEqual([
      { path: "src/a.ts", start_line: 3, end_line: 5, annotation_level: "failure", message: "A." },
      { path: "test/b.test.ts", start_line: 9, end_line: 9, annotation_level: "notice", message: "B.", title: "Skipped test" },
    ]);
    expect(annotations[0]).not.toHaveProperty("title");
  });

  describe("size cap", () => {
    // 2,000 findings of ~300 bytes each (umlauts, CJK and emoji take 2-4 bytes): ~600 KB in all.
    const longFinding = (index: number) =>
      `Finding ${index}: Die Änderung an \`src/größe.ts\` braucht einen Test — 変更にはテストが必要です 🧪. `.repeat(3);
    const manyFindings = (count: number) =>
      Array.from({ length: count }, (_, index) =>
        annotatedFinding(longFinding(index), { path: `src/file-${index}.ts`, message: "Changed without a test." }),
      );
    const results = [
      ruleResult({ id: "reasoning", agreement: "Documented reasoning", message: "The description explains why." }),
      ruleResult({ status: "fail", message: "2,000 source files changed with no test change.", findings: manyFindings(2_000) }),
    ];
    const output = renderCheckRun({ results, conclusion: "neutral", ...urls });

    it("keeps the summary within GitHub's limit, measured in UTF-8 bytes", () => {
      expect(Buffer.byteLength(output.summary, "utf8")).toBeLessThanOrEqual(MAX_OUTPUT_CHARS);
      // It is the byte count that binds here, not the UTF-16 length.
      expect(output.summary.length).toBeLessThan(Buffer.byteLength(output.summary, "utf8"));
    });

    it("keeps the table, the heading and the footer, and says how many findings were left out", () => {
      expect(output.summary).toContain("| ✅ | Documented reasoning | The description explains why. |");
      expect(output.summary).toContain("| ⚠️ | Tests accompany code | 2,000 source files changed with no test change. |");
      expect(output.summary).toContain("### ⚠️ Tests accompany code\nFinding 0: ");
      expect(output.summary.endsWith('re-run with "Re-run checks"</sub>')).toBe(true);

      const kept = output.summary.match(/^Finding \d+: /gm) ?? [];
      const omitted = Number(/_(\d+) more findings are left out here/.exec(output.summary)?.[1]);
      expect(kept.length).toBeGreaterThan(100);
      expect(kept.length + omitted).toBe(2_000);
      expect(output.summary).toContain("the annotations on the changed files carry the rest._");
      // Findings are kept in order: the last one kept is the one before the first left out.
      expect(output.summary).toContain(`Finding ${kept.length - 1}: `);
      expect(output.summary).not.toContain(`Finding ${kept.length}: `);
    });

    it("still returns all 2,000 annotations", () => {
      expect(output.annotations).toHaveLength(2_000);
    });

    it("uses the singular when one finding is left out", () => {
      const results = [ruleResult({ status: "fail", findings: [{ message: "x".repeat(40_000) }, { message: "y".repeat(40_000) }] })];
      const { summary } = renderCheckRun({ results, conclusion: "neutral", ...urls });
      expect(summary).toContain("_1 more finding is left out here");
      expect(summary).toContain("x".repeat(40_000));
      expect(summary).not.toContain("y".repeat(100));
      expect(Buffer.byteLength(summary, "utf8")).toBeLessThanOrEqual(MAX_OUTPUT_CHARS);
    });

    it("cuts even oversized config errors, keeping the footer", () => {
      const configErrorsMarkdown = "Ü".repeat(70_000);
      const { summary } = renderCheckRun({ results: [ruleResult()], conclusion: "action_required", configErrorsMarkdown, ...urls });
      expect(Buffer.byteLength(summary, "utf8")).toBeLessThanOrEqual(MAX_OUTPUT_CHARS);
      expect(summary.startsWith("ÜÜÜ")).toBe(true);
      expect(summary).toContain("…");
      expect(summary.endsWith('re-run with "Re-run checks"</sub>')).toBe(true);
    });

    it("leaves a summary exactly at the limit untouched", () => {
      const base = renderCheckRun({ results: [ruleResult({ status: "fail", findings: [{ message: "x" }] })], conclusion: "neutral", ...urls });
      const padding = MAX_OUTPUT_CHARS - Buffer.byteLength(base.summary, "utf8");
      const atLimit = renderCheckRun({
        results: [ruleResult({ status: "fail", findings: [{ message: "x".repeat(1 + padding) }] })],
        conclusion: "neutral",
        ...urls,
      });
      expect(Buffer.byteLength(atLimit.summary, "utf8")).toBe(MAX_OUTPUT_CHARS);
      expect(atLimit.summary).not.toContain("left out");
    });
  });
});
