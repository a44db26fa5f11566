import type { RuleResult } from "../model/rule-result.js";

/**
 * The mark shown before a rule in the check run's table and detail headings:
 * ✅ pass; 💬 a pass that still has findings, or a failing `notice`-level rule
 * (shown, never changes the conclusion); ⚠️ a failing `warning`-level rule;
 * ❌ a failing `failure`-level rule; ⏭️ skipped. A failing rule at level `off`
 * (which `evaluateRules` never produces) counts as a notice.
 */
export function resultMark(result: Pick<RuleResult, "status" | "level" | "findings">): string {
  if (result.status === "skip") return "⏭️";
  if (result.status === "pass") return result.findings.length > 0 ? "💬" : "✅";
  if (result.level === "failure") return "❌";
  if (result.level === "warning") return "⚠️";
  return "💬";
}
