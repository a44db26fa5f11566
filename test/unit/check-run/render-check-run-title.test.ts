import { describe, expect, it } from "vitest";
import { MAX_TITLE_CHARS } from "../../../src/model/github-limits.js";
import { renderCheckRunTitle } from "../../../src/check-run/render-check-run-title.js";
import type { Level } from "../../../src/model/rule-result.js";
import type { RuleResult, RuleStatus } from "../../../src/model/rule-result.js";
import { ruleResult } from "./rule-results.js";

/** Shorthand: "pass", "pass+finding", "fail:warning", "skip" … */
function r(spec: string, message = "Skipped: the `wip` label is set."): RuleResult {
  const [statusPart = "pass", level = "warning"] = spec.split(":");
  const [status, withFinding] = statusPart.split("+") as [RuleStatus, string | undefined];
  return ruleResult({
    status,
    level: level as Level,
    message,
    findings: withFinding !== undefined || status === "fail" ? [{ message: "Could this …?" }] : [],
  });
}

describe("renderCheckRunTitle", () => {
  it.each<[string, RuleResult[], string]>([
    ["one of each", [r("pass"), r("pass"), r("fail:warning"), r("fail:notice")], "2 of 4 agreements met · 1 suggestion · 1 question"],
    ["plural suggestions", [r("pass"), r("fail:warning"), r("fail:failure")], "1 of 3 agreements met · 2 suggestions"],
    ["plural questions", [r("fail:notice"), r("fail:notice"), r("pass")], "1 of 3 agreements met · 2 questions"],
    ["nothing met", [r("fail:warning")], "0 of 1 agreement met · 1 suggestion"],
    ["all pass", [r("pass"), r("pass"), r("pass"), r("pass")], "All 4 agreements met"],
    ["one rule, passing", [r("pass")], "1 agreement met"],
    ["skips are not judged", [r("pass"), r("skip"), r("fail:warning"), r("skip")], "1 of 2 agreements met · 1 suggestion"],
    ["all pass, skips aside", [r("pass"), r("skip"), r("pass")], "All 2 agreements met"],
    ["a pass with findings is met and a question", [r("pass+finding:notice"), r("pass")], "All 2 agreements met · 1 question"],
    ["two passes with findings", [r("pass+finding"), r("pass+finding:notice")], "All 2 agreements met · 2 questions"],
    ["fail at level off counts as a question", [r("fail:off"), r("pass")], "1 of 2 agreements met · 1 question"],
  ])("%s", (_, results, expected) => {
    expect(renderCheckRunTitle({ results, hasConfigErrors: false })).toBe(expected);
  });

  it.each<[string, RuleResult[], string]>([
    ["the shared reason of every skip", [r("skip"), r("skip")], "Nothing to check: the wip label is set"],
    [
      "a bot author, with rules turned off left aside",
      [r("skip", "Skipped: opened by a bot (renovate[bot])."), r("skip:off", "Turned off in the config.")],
      "Nothing to check: opened by a bot (renovate[bot])",
    ],
    ["every rule off", [r("skip:off", "Turned off in the config."), r("skip:off", "Turned off in the config.")], "Nothing to check: every agreement is turned off in the config"],
    ["differing reasons", [r("skip", "Skipped: the PR is a draft."), r("skip")], "Nothing to check: every agreement was skipped"],
    ["a reason starting with an acronym keeps its case", [r("skip", "ADR check skipped for drafts.")], "Nothing to check: ADR check skipped for drafts"],
    ["a reason without a prefix", [r("skip", "Could not be evaluated: boom.")], "Nothing to check: could not be evaluated: boom"],
    ["no results at all", [], "Nothing to check: no agreement is turned on"],
  ])("all skipped: %s", (_, results, expected) => {
    expect(renderCheckRunTitle({ results, hasConfigErrors: false })).toBe(expected);
  });

  it.each<[RuleResult[], string]>([
    [[r("pass"), r("fail:warning")], "The eng-health config needs a fix · 1 of 2 agreements met · 1 suggestion"],
    [[r("skip")], "The eng-health config needs a fix · Nothing to check: the wip label is set"],
  ])("prefixes config errors: %#", (results, expected) => {
    expect(renderCheckRunTitle({ results, hasConfigErrors: true })).toBe(expected);
  });

  it("caps a long skip reason at MAX_TITLE_CHARS bytes", () => {
    const title = renderCheckRunTitle({ results: [r("skip", `Could not be evaluated: ${"é".repeat(500)}`)], hasConfigErrors: false });
    expect(Buffer.byteLength(title, "utf8")).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(title).toMatch(/^Nothing to check: could not be evaluated: é+…$/);
  });
});
