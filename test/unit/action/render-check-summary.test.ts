import { describe, expect, it } from "vitest";
import { renderCheckSummary } from "../../../src/action/render-check-summary.js";
import type { ApiAnnotation, CheckRunOutput } from "../../../src/model/check-run.js";
import { MAX_STEP_SUMMARY_BYTES } from "../../../src/model/github-limits.js";
import { utf8Bytes } from "../../../src/text/truncate-utf8.js";

const OUTPUT: CheckRunOutput = {
  title: "4 of 5 agreements met · 1 suggestion",
  summary: "| | Agreement | Result |\n|---|---|---|\n| ⚠️ | Tests accompany code | `src/a.ts` changed. |\n\n<!-- eng-health:results {\"v\":1} -->",
  annotations: [],
};

function annotation(index: number, message = `Changed without a test ${index}.`): ApiAnnotation {
  return { path: `src/part-${index}.ts`, start_line: 1, end_line: 1, annotation_level: "warning", message, title: "Changed without a test" };
}

describe("renderCheckSummary", () => {
  it("links the check run when it was written, and shows its summary without hidden markers", () => {
    expect(renderCheckSummary({ name: "Engineering practices", conclusion: "neutral", output: OUTPUT, checkRunUrl: "https://github.com/acme/widgets/runs/7", rest: [] }))
      .toMatchInlineSnapshot(`
        "## Engineering practices: 4 of 5 agreements met · 1 suggestion

        **Conclusion:** \`neutral\` · [the check run](https://github.com/acme/widgets/runs/7)

        | | Agreement | Result |
        |---|---|---|
        | ⚠️ | Tests accompany code | \`src/a.ts\` changed. |
        "
      `);
  });

  it("says why the run was not written, and lists the annotations left over", () => {
    const summary = renderCheckSummary({
      name: "Engineering practices",
      conclusion: "failure",
      output: { ...OUTPUT, text: "More text." },
      checkRunUrl: null,
      notWritten: "The check run could not be written: this workflow's token cannot write checks (HTTP 403).",
      rest: [annotation(11), { ...annotation(12, "Two\nlines."), end_line: 3, annotation_level: "failure", title: undefined }],
    });
    expect(summary).toContain("**Conclusion:** `failure`, carried by this job's result\n\n> [!NOTE]\n> The check run could not be written: this workflow's token cannot write checks (HTTP 403).");
    expect(summary).toContain("More text.");
    expect(summary.endsWith(
      [
        "### More findings",
        "",
        "GitHub shows 10 annotations of each kind per step; 2 more findings are listed here:",
        "",
        "- ⚠️ `src/part-11.ts` line 1: **Changed without a test**: Changed without a test 11.",
        "- ❌ `src/part-12.ts` lines 1-3: Two lines.",
        "",
      ].join("\n"),
    )).toBe(true);
  });

  it("stays within a step summary's 1 MiB, counting the findings left out", () => {
    const big = "x".repeat(60_000);
    const rest = Array.from({ length: 40 }, (_, index) => annotation(index, big));
    const summary = renderCheckSummary({ name: "Engineering practices", conclusion: "failure", output: OUTPUT, checkRunUrl: null, rest });
    expect(utf8Bytes(summary)).toBeLessThanOrEqual(MAX_STEP_SUMMARY_BYTES);
    const listed = summary.split("\n").filter((line) => line.startsWith("- ⚠️")).length;
    expect(listed).toBeGreaterThan(10);
    expect(listed).toBeLessThan(40);
    expect(summary).toContain(`${40 - listed} more findings did not fit in the job summary.`);
  });
});
