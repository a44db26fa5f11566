import { describe, expect, it } from "vitest";
import { MAX_OUTPUT_CHARS } from "../../../src/model/github-limits.js";
import {
  appendResultsMarker,
  parseResultsMarker,
  renderResultsMarker,
  type ResultsMarkerData,
} from "../../../src/check-run/results-marker.js";
import { annotatedFinding, exampleResults, ruleResult } from "./rule-results.js";

/** The example results as the marker stores them: findings without annotations. */
function withoutAnnotations(data: ResultsMarkerData): ResultsMarkerData {
  return {
    conclusion: data.conclusion,
    results: data.results.map((result) => ({ ...result, findings: result.findings.map((finding) => ({ message: finding.message })) })),
  };
}

describe("renderResultsMarker / parseResultsMarker", () => {
  it("renders one hidden line with the annotations stripped", () => {
    const marker = renderResultsMarker({
      conclusion: "neutral",
      results: [
        ruleResult({
          status: "fail",
          message: "`src/a.ts` changed with no test change.",
          findings: [annotatedFinding("Could a test pin this down?", { path: "src/a.ts" })],
        }),
      ],
    });
    expect(marker).toMatchInlineSnapshot(
      `"<!-- eng-health:results {"results":[{"id":"tests","agreement":"Tests accompany code","level":"warning","status":"fail","message":"\`src/a.ts\` changed with no test change.","findings":[{"message":"Could a test pin this down?"}]}],"conclusion":"neutral"} -->"`,
    );
  });

  it("round-trips the example results (annotations left out)", () => {
    const data: ResultsMarkerData = { results: exampleResults(), conclusion: "neutral" };
    const summary = `| | Agreement | Result |\n\n${renderResultsMarker(data)}`;
    expect(parseResultsMarker(summary)).toEqual(withoutAnnotations(data));
  });

  it("escapes < and > so a finding cannot close the comment, and reads them back", () => {
    const message = "Quoted: --> <!-- eng-health:results {} --> <script>";
    const data: ResultsMarkerData = { conclusion: "success", results: [ruleResult({ message, findings: [{ message }] })] };
    const marker = renderResultsMarker(data);
    expect(marker.slice(4, -4)).not.toMatch(/[<>]/);
    expect(marker).toContain("\\u003c!-- eng-health:results {} --\\u003e");
    expect(parseResultsMarker(marker)).toEqual(data);
  });

  it.each([
    ["no marker", "| | Agreement | Result |"],
    ["broken JSON", "text\n\n<!-- eng-health:results {\"results\": [ -->"],
    ["wrong shape", `<!-- eng-health:results ${JSON.stringify({ results: "all good", conclusion: "success" })} -->`],
    [
      "unknown rule id",
      `<!-- eng-health:results ${JSON.stringify({ results: [{ ...ruleResult(), id: "speed" }], conclusion: "success" })} -->`,
    ],
    ["unknown conclusion", `<!-- eng-health:results ${JSON.stringify({ results: [], conclusion: "great" })} -->`],
    ["marker not at the end", `${renderResultsMarker({ results: [], conclusion: "success" })}\n\nMore text after it.`],
  ])("returns null for %s", (_case, summary) => {
    expect(parseResultsMarker(summary)).toBeNull();
  });

  it("reads the marker at the end, not a look-alike quoted before it", () => {
    const fake = renderResultsMarker({ results: [], conclusion: "failure" });
    const real: ResultsMarkerData = { results: [ruleResult()], conclusion: "success" };
    expect(parseResultsMarker(`${fake}\n\n${renderResultsMarker(real)}\n`)).toEqual(real);
  });
});

describe("appendResultsMarker", () => {
  const data: ResultsMarkerData = { results: [ruleResult()], conclusion: "success" };

  it("appends the marker after a blank line when it fits", () => {
    const appended = appendResultsMarker("| table |", data);
    expect(appended).toEqual({ summary: `| table |\n\n${renderResultsMarker(data)}`, marked: true });
    expect(parseResultsMarker(appended.summary)).toEqual(data);
  });

  it("fits exactly at the limit, measured in UTF-8 bytes", () => {
    const tail = `\n\n${renderResultsMarker(data)}`;
    const room = MAX_OUTPUT_CHARS - Buffer.byteLength(tail, "utf8");
    const exact = appendResultsMarker("é".repeat(room / 2), data); // room is even here: 2 bytes per é
    expect(room % 2).toBe(0);
    expect(exact.marked).toBe(true);
    expect(Buffer.byteLength(exact.summary, "utf8")).toBe(MAX_OUTPUT_CHARS);

    const summary = `${"é".repeat(room / 2)}x`; // one byte over, though fewer characters than the limit
    expect(appendResultsMarker(summary, data)).toEqual({ summary, marked: false });
  });
});
