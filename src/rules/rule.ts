import type { Config } from "../config/schema.js";
import type { Level, RuleResult } from "../model/rule-result.js";
import type { PullRequestFacts } from "../model/pull-request-facts.js";

/** A rule's id: lower-case, kebab-case, unique in the registry (`src/rules/registry.ts`), e.g. `disabled-tests`. */
export type RuleId = string;

/**
 * A pure rule: plain facts and the validated config in, a result out. No I/O,
 * no clock (use `facts.now`), no Octokit. Skip labels, bot authors and
 * `level: off` are handled by `evaluateRules`, so a rule only judges.
 */
export interface Rule {
  id: RuleId;
  agreement: string;
  /** The configured level for this rule. */
  level(config: Config): Level;
  /** Labels that skip this rule (empty when it has none). */
  skipLabels(config: Config): string[];
  evaluate(facts: PullRequestFacts, config: Config): Omit<RuleResult, "id" | "agreement" | "level">;
}
