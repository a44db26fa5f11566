import type { Config } from "../config/schema.js";
import type { PullRequestFacts } from "../model/pull-request-facts.js";
import { evaluateAdr, type AdrEvaluation } from "./evaluate-adr.js";
import { parseSections, type SectionCheck } from "./parse-sections.js";
import { isUntouchedTemplate, stripDescription, type StrippedDescription } from "./strip-description.js";

/**
 * How a description fares against `reasoning.min_words`, most specific first:
 * `empty` (no text at all), `untouched-template` (the template as it was),
 * `emptied-template` (no words of its own, and some of the template's lines
 * are still there: only template lines, headings, checkboxes and comments are left), `short` (some words of its own, too few),
 * `ok` (long enough, or no minimum is set).
 */
export type DescriptionState = "ok" | "empty" | "untouched-template" | "emptied-template" | "short";

/** Everything the `reasoning` rule found, as data (rendering is separate). */
export interface ReasoningAssessment {
  /** Words of the author's own (see `stripDescription`). */
  words: number;
  /** `reasoning.min_words`. */
  minWords: number;
  description: DescriptionState;
  /** One entry per `reasoning.sections` name, same order. */
  sections: SectionCheck[];
  adr: AdrEvaluation;
}

function describe(
  facts: Pick<PullRequestFacts, "body" | "template">,
  stripped: StrippedDescription,
  minWords: number,
): DescriptionState {
  if (stripped.words >= minWords) return "ok";
  if (facts.body.trim() === "") return "empty";
  if (isUntouchedTemplate(facts.body, facts.template)) return "untouched-template";
  if (stripped.words === 0 && stripped.templateLines > 0) return "emptied-template";
  return "short";
}

/**
 * Assess a PR against the documented-reasoning agreement (README,
 * `reasoning`): description length after stripping, required sections, and
 * an ADR for one-way doors. Pure; never skips (skip labels and bots are
 * handled by `evaluateRules`).
 *
 * @param facts the PR's description, template and changed files.
 * @param reasoning the `reasoning` config.
 */
export function assessReasoning(
  facts: Pick<PullRequestFacts, "body" | "template" | "files">,
  reasoning: Config["reasoning"],
): ReasoningAssessment {
  const stripped = stripDescription(facts.body, facts.template);
  return {
    words: stripped.words,
    minWords: reasoning.min_words,
    description: describe(facts, stripped, reasoning.min_words),
    sections: parseSections(facts.body, reasoning.sections, facts.template),
    adr: evaluateAdr(facts, reasoning.adr),
  };
}
