import type { Level } from "../model/rule-result.js";
import type { RuleId } from "../rules/rule.js";
import type { RuleResult, RuleStatus } from "../model/rule-result.js";
import type { Conclusion } from "../model/check-run.js";
import type { ApiAnnotation } from "../model/check-run.js";
import { toApiAnnotation } from "./to-api-annotation.js";

/** One rule in `eng-health check --json`. */
export interface JsonRuleResult {
  id: RuleId;
  level: Level;
  status: RuleStatus;
  /** The table's one-line message (markdown). */
  message: string;
  /** The rule's annotations in the Checks API's REST shape. */
  annotations: ApiAnnotation[];
}

/** The `eng-health check --json` output. */
export interface JsonResult {
  conclusion: Conclusion;
  rules: JsonRuleResult[];
}

/**
 * Rule results as the CLI's `--json` output:
 * `{ conclusion, rules: [{ id, level, status, message, annotations }] }`,
 * rules in the order given, annotations in REST shape (snake_case, as sent to
 * GitHub). Pure; plain data, ready for `JSON.stringify`. Never throws.
 */
export function renderJsonResult(results: readonly RuleResult[], conclusion: Conclusion): JsonResult {
  return {
    conclusion,
    rules: results.map((result) => ({
      id: result.id,
      level: result.level,
      status: result.status,
      message: result.message,
      annotations: result.findings.flatMap((finding) => (finding.annotation ? [toApiAnnotation(finding.annotation)] : [])),
    })),
  };
}
