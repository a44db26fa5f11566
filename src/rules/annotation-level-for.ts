import type { Level } from "../model/rule-result.js";
import type { AnnotationLevel } from "../model/rule-result.js";

/**
 * The Checks API annotation level for a rule's configured level:
 * `notice` → `notice`, `warning` → `warning`, `failure` → `failure`.
 * `off` never reaches a rule (`evaluateRules` skips it) and maps to `notice`
 * so the function is total.
 */
export function annotationLevelFor(level: Level): AnnotationLevel {
  return level === "off" ? "notice" : level;
}
