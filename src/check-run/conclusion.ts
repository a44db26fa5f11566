import type { Conclusion } from "../model/check-run.js";
import type { RuleResult } from "../model/rule-result.js";

/**
 * The check run's conclusion from rule results (README, "Configuration"):
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
