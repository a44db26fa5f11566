import { describe, expect, it } from "vitest";
import { MAX_OUTPUT_CHARS } from "../../../src/model/github-limits.js";
import { renderEvaluationFailure } from "../../../src/check-run/render-evaluation-failure.js";

describe("renderEvaluationFailure", () => {
  it("explains what happened, that nothing is blocked, how to retry and the delivery id", () => {
    const output = renderEvaluationFailure({
      reason: "GitHub answered 502 three times while\nreading the pull request's files.",
      deliveryId: "72d3162e-cc78-11e3-81ab-4c9367dc0958",
    });
    expect(output.title).toBe("eng-health could not check this pull request");
    expect(output.annotations).toEqual([]);
    expect(output.summary).toMatchInlineSnapshot(`
      "The engineering-practices check stopped before it could finish, so none of the team's agreements were judged this time.

      **What happened:** GitHub answered 502 three times while reading the pull request's files.

      This does not block the pull request: the check is marked neutral and says nothing about the change itself.

      To try again, open the **Checks** tab and choose **Re-run checks**; the next push to this branch runs the check again too.

      <sub>For the app's operators: delivery \`72d3162e-cc78-11e3-81ab-4c9367dc0958\`.</sub>"
    `);
  });

  it("leaves the operators' line out without a delivery id, and names an empty reason", () => {
    const { summary } = renderEvaluationFailure({ reason: "  " });
    expect(summary).toContain("**What happened:** an unexpected error.");
    expect(summary).not.toContain("delivery");
    expect(summary.endsWith("runs the check again too.")).toBe(true);
  });

  it("cuts a huge reason to stay within the size limit", () => {
    const { summary } = renderEvaluationFailure({ reason: "ß".repeat(40_000), deliveryId: "abc" });
    expect(Buffer.byteLength(summary, "utf8")).toBeLessThanOrEqual(MAX_OUTPUT_CHARS);
    expect(summary).toContain("ß…");
    expect(summary).toContain("delivery `abc`");
  });
});

describe("renderEvaluationFailure footer", () => {
  it("links the config reference like every run", () => {
    const { summary } = renderEvaluationFailure({ reason: "x", deliveryId: "d-1", referenceUrl: "https://example.test/#configuration" });
    expect(summary.split("\n").at(-1)).toBe(
      "<sub>[Config reference](https://example.test/#configuration) · for the app's operators: delivery `d-1`.</sub>",
    );
  });
});
