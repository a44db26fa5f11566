import { disabledTestsRule } from "./disabled-tests.js";
import { flakyRule } from "./flaky.js";
import { reasoningRule } from "./reasoning.js";
import type { Rule } from "./rule.js";
import { reviewRule } from "./review.js";
import { testsRule } from "./tests.js";

/**
 * The rules of the check run, in the order its table shows them. A new rule is
 * a module exporting a {@link Rule} and one line here.
 */
export const PULL_REQUEST_RULES: readonly Rule[] = [reasoningRule, testsRule, disabledTestsRule, reviewRule, flakyRule];

/** The rules the weekly report re-evaluates on merged PRs (`reasoning_pass_pct`, `tests_pass_pct`). */
export const REPORT_RULES: readonly Rule[] = [reasoningRule, testsRule];
