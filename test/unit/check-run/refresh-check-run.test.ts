import { describe, expect, it } from "vitest";
import { refreshCheckRun } from "../../../src/check-run/refresh-check-run.js";
import { parseResultsMarker, type ResultsMarkerData } from "../../../src/check-run/results-marker.js";
import type { ConfigError } from "../../../src/config/config-result.js";
import type { RuleResult } from "../../../src/model/rule-result.js";
import { ruleResult } from "./rule-results.js";

const urls = {
  configUrl: "https://github.com/acme/widgets/blob/HEAD/.github/eng-health.yml",
  referenceUrl: "https://github.com/eng-health/eng-health#configuration",
};

function reviewResult(overrides: Partial<RuleResult>): RuleResult {
  return ruleResult({
    id: "review",
    agreement: "Review turnaround",
    level: "warning",
    status: "pass",
    message: "Waiting 3 business hours for a first review (target: 24 h).",
    ...overrides,
  });
}

const stored: ResultsMarkerData = {
  conclusion: "success",
  results: [
    ruleResult({ id: "reasoning", agreement: "Documented reasoning", message: "The description explains why." }),
    ruleResult({ id: "tests", message: "Tests changed with the code.", findings: [{ message: "Thanks for the tests." }] }),
    reviewResult({}),
  ],
};

const failing = reviewResult({
  status: "fail",
  message: "Waiting 30 business hours for a first review, past the target of 24 h.",
  findings: [{ message: "Could @octocat take a first look?" }],
});

describe("refreshCheckRun", () => {
  it("returns null when the review status is unchanged, even if its message changed", () => {
    const fresh = reviewResult({ message: "Waiting 5 business hours for a first review (target: 24 h)." });
    expect(refreshCheckRun({ stored, fresh, configErrors: [], ...urls })).toBeNull();
  });

  it("returns null when the stored results have no result for the rule", () => {
    const withoutReview = { ...stored, results: stored.results.filter((result) => result.id !== "review") };
    expect(refreshCheckRun({ stored: withoutReview, fresh: failing, configErrors: [], ...urls })).toBeNull();
  });

  it("replaces the result in place, recomputes the conclusion and re-renders with a new marker", () => {
    const refreshed = refreshCheckRun({ stored, fresh: failing, configErrors: [], ...urls });
    expect(refreshed?.conclusion).toBe("neutral");
    expect(refreshed?.results.map((result) => `${result.id}:${result.status}`)).toEqual(["reasoning:pass", "tests:pass", "review:fail"]);
    expect(refreshed?.output.title).toBe("2 of 3 agreements met · 1 suggestion · 1 question");
    expect(refreshed?.output.annotations).toEqual([]);
    expect(refreshed?.detailsUrl).toBeUndefined();
    const summary = refreshed?.output.summary ?? "";
    expect(summary).toContain("| ⚠️ | Review turnaround | Waiting 30 business hours for a first review, past the target of 24 h. |");
    expect(summary).toContain("### 💬 Tests accompany code\nThanks for the tests.");
    expect(summary).toContain("### ⚠️ Review turnaround\nCould @octocat take a first look?");
    expect(parseResultsMarker(summary)).toEqual({ conclusion: "neutral", results: refreshed?.results });
  });

  it("goes back to success when the review passes again", () => {
    const before: ResultsMarkerData = { conclusion: "neutral", results: [stored.results[0] as RuleResult, failing] };
    const refreshed = refreshCheckRun({
      stored: before,
      fresh: reviewResult({ message: "First review after 2 business hours (target: 24 h)." }),
      configErrors: [],
      ...urls,
    });
    expect(refreshed?.conclusion).toBe("success");
    expect(refreshed?.output.title).toBe("All 2 agreements met");
  });

  it("keeps action_required and the errors while the config is broken", () => {
    const errors: ConfigError[] = [
      { path: ".github/eng-health.yml", line: 3, keyPath: "reasoning.min_wrods", message: "`reasoning.min_wrods` is not a known key.", section: "reasoning" },
    ];
    const refreshed = refreshCheckRun({ stored, fresh: failing, configErrors: errors, ...urls });
    expect(refreshed?.conclusion).toBe("action_required");
    expect(refreshed?.detailsUrl).toBe(urls.configUrl);
    expect(refreshed?.output.summary).toContain("`reasoning.min_wrods` is not a known key.");
  });

  it("drops annotations from the fresh result (the run keeps the ones it has)", () => {
    const annotated = reviewResult({
      status: "fail",
      findings: [{ message: "Late.", annotation: { path: "a.ts", startLine: 1, endLine: 1, level: "notice", message: "x" } }],
    });
    const refreshed = refreshCheckRun({ stored, fresh: annotated, configErrors: [], ...urls });
    expect(refreshed?.output.annotations).toEqual([]);
    expect(refreshed?.results[2]?.findings).toEqual([{ message: "Late." }]);
  });
});
