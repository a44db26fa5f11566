import { assessReasoning } from "./assess-reasoning.js";
import { renderReasoning } from "./render-reasoning.js";
import type { Rule } from "./rule.js";

/**
 * The "Documented reasoning" rule (README, `reasoning`): the description
 * says why, in at least `reasoning.min_words` words of the author's own, with
 * every `reasoning.sections` section filled in; and a PR that touches a
 * one-way door (`reasoning.adr.required_for`) adds, changes or links an ADR
 * (`reasoning.adr.paths`). Skip labels, bots and `level: off` are handled by
 * `evaluateRules`; this rule never skips by itself.
 */
export const reasoningRule: Rule = {
  id: "reasoning",
  agreement: "Documented reasoning",
  level: (config) => config.reasoning.level,
  skipLabels: (config) => config.reasoning.skip_labels,
  evaluate(facts, config) {
    const assessment = assessReasoning(facts, config.reasoning);
    return renderReasoning(assessment, {
      level: config.reasoning.level,
      skipLabel: config.reasoning.skip_labels[0] ?? null,
      adrPaths: config.reasoning.adr.paths,
      filesTruncated: facts.filesTruncated,
    });
  },
};
