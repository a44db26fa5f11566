import { disabledTestsRule } from "./disabled-tests.js";
import { flakyRule } from "./flaky.js";
import { reasoningRule } from "./reasoning.js";
import type { Rule } from "./rule.js";
import { reviewRule } from "./review.js";
import { sizeRule } from "./size.js";
import { testsRule } from "./tests.js";

/** One line of the rule registry: a rule, and whether the weekly report measures its pass rate. */
export interface RegisteredRule {
  rule: Rule;
  /**
   * True when the weekly report re-evaluates the rule on the PRs merged in the
   * week and shows its pass rate (metric `<id>_pass_pct`, README "What the
   * figures mean"); false for rules about waiting PRs or the repository.
   */
  inReport: boolean;
  /**
   * Why the backtest (`eng-health backtest`, and the impact shown on a PR that
   * changes the config) leaves this rule out, when it does: the backtest
   * judges merged PRs from the report's collection, which has no diffs and no
   * repository-wide state. Unset: the rule is backtested.
   */
  notBacktested?: string;
}

/**
 * The single list of rules. Everything else derives from it: the rule ids, the
 * check run's table (in this order), `eng-health check --json`, the results
 * marker and the weekly report's pass-rate metrics. Adding a rule is one module
 * exporting a {@link Rule}, one line here, its config section in
 * `src/config/schema.ts` and its tests.
 */
export const RULE_REGISTRY: readonly RegisteredRule[] = [
  { rule: reasoningRule, inReport: true },
  { rule: testsRule, inReport: true },
  { rule: disabledTestsRule, inReport: false, notBacktested: "it reads each PR's diff, which would cost a request per PR" },
  { rule: reviewRule, inReport: false },
  { rule: flakyRule, inReport: false, notBacktested: "it is a repository-level policy, not a judgement of each PR" },
  { rule: sizeRule, inReport: true },
];

/** The rules of the check run, in table order. */
export const PULL_REQUEST_RULES: readonly Rule[] = rulesOf(RULE_REGISTRY);

/** The rules the weekly report re-evaluates on merged PRs (`reasoning_pass_pct`, `tests_pass_pct`, `size_pass_pct`). */
export const REPORT_RULES: readonly Rule[] = reportRulesOf(RULE_REGISTRY);

/** The rules the backtest evaluates on merged PRs, in table order (those without `notBacktested`). */
export const BACKTEST_RULES: readonly Rule[] = backtestRulesOf(RULE_REGISTRY);

/**
 * Every rule of a registry, in order.
 *
 * @throws Error when two rules share an id (a registry mistake caught at start-up)
 */
export function rulesOf(registry: readonly RegisteredRule[]): Rule[] {
  const seen = new Set<string>();
  for (const { rule } of registry) {
    if (seen.has(rule.id)) throw new Error(`eng-health: two rules are registered with the id "${rule.id}"`);
    seen.add(rule.id);
  }
  return registry.map((entry) => entry.rule);
}

/** The rules of a registry that the weekly report measures, in order. */
export function reportRulesOf(registry: readonly RegisteredRule[]): Rule[] {
  return rulesOf(registry.filter((entry) => entry.inReport));
}

/** The rules of a registry that the backtest evaluates (no `notBacktested` reason), in order. */
export function backtestRulesOf(registry: readonly RegisteredRule[]): Rule[] {
  return rulesOf(registry.filter((entry) => entry.notBacktested === undefined));
}
