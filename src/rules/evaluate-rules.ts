import type { Config } from "../config/schema.js";
import type { PullRequestFacts } from "../model/pull-request-facts.js";
import { isBot } from "../model/is-bot.js";
import type { Rule } from "./rule.js";
import type { RuleResult } from "../model/rule-result.js";

/**
 * Run every rule of `rules` over one PR, in order.
 *
 * Common skips come first, so rules only judge: a bot author skips every rule
 * (README, "Configuration"); `level: off` skips the rule; a label in the
 * rule's `skip_labels` skips it. A rule that throws is reported as `skip` with
 * the reason, so one broken rule never hides the others.
 *
 * @returns one result per rule, same order as `rules`.
 */
export function evaluateRules(rules: readonly Rule[], facts: PullRequestFacts, config: Config): RuleResult[] {
  const bot = isBot(facts.author);
  return rules.map((rule) => {
    const base = { id: rule.id, agreement: rule.agreement, level: rule.level(config) };
    if (base.level === "off") {
      return { ...base, status: "skip", message: "Turned off in the config.", findings: [] };
    }
    if (bot) {
      return { ...base, status: "skip", message: `Skipped: opened by a bot (${facts.author.login}).`, findings: [] };
    }
    const skipLabel = rule.skipLabels(config).find((label) => facts.labels.includes(label));
    if (skipLabel !== undefined) {
      return { ...base, status: "skip", message: `Skipped: the \`${skipLabel}\` label is set.`, findings: [] };
    }
    try {
      return { ...base, ...rule.evaluate(facts, config) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ...base, status: "skip", message: `Could not be evaluated: ${reason}`, findings: [] };
    }
  });
}
