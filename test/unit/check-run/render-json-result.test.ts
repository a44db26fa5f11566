import { describe, expect, it } from "vitest";
import { renderJsonResult } from "../../../src/check-run/render-json-result.js";
import { exampleResults } from "./rule-results.js";

describe("renderJsonResult", () => {
  it("lists each rule with its REST-shaped annotations, in order", () => {
    expect(renderJsonResult(exampleResults(), "neutral")).toMatchInlineSnapshot(`
      {
        "conclusion": "neutral",
        "rules": [
          {
            "annotations": [],
            "id": "reasoning",
            "level": "warning",
            "message": "The description explains why (48 words, "Why" and "Testing" sections).",
            "status": "pass",
          },
          {
            "annotations": [
              {
                "annotation_level": "warning",
                "end_line": 1,
                "message": "Changed without a test. Which test would fail if this rounding broke?",
                "path": "src/billing/invoice.ts",
                "start_line": 1,
                "title": "Tests accompany code",
              },
            ],
            "id": "tests",
            "level": "warning",
            "message": "\`src/billing/invoice.ts\` changed by 34 lines with no test change.",
            "status": "fail",
          },
          {
            "annotations": [],
            "id": "disabled-tests",
            "level": "warning",
            "message": "No test was disabled.",
            "status": "pass",
          },
          {
            "annotations": [],
            "id": "review",
            "level": "notice",
            "message": "Waiting 3.5 business hours for a first review (target: 24 h).",
            "status": "fail",
          },
        ],
      }
    `);
  });

  it("survives a JSON round trip unchanged", () => {
    const json = renderJsonResult(exampleResults(), "neutral");
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("gives an empty rule list for no results", () => {
    expect(renderJsonResult([], "success")).toEqual({ conclusion: "success", rules: [] });
  });
});
