import type { RuleResult } from "../rules/rule.js";

/** Check run conclusions eng-health uses (a subset of the Checks API's). */
export type Conclusion = "success" | "neutral" | "failure" | "action_required";

/**
 * The check run's conclusion from rule results (design doc, "Configuration"):
 * a failing `failure`-level rule gives `failure`; otherwise a failing
 * `warning`-level rule gives `neutral`; otherwise `success`. `notice` findings
 * are shown but never change the conclusion.
 */
export function conclusionFor(results: readonly RuleResult[]): Conclusion {
  const failing = results.filter((result) => result.status === "fail");
  if (failing.some((result) => result.level === "failure")) return "failure";
  if (failing.some((result) => result.level === "warning")) return "neutral";
  return "success";
}
