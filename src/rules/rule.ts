import type { Config, Level } from "../config/schema.js";
import type { PullRequestFacts } from "../model/pull-request-facts.js";

/** The rules a check run reports, in table order. See the design doc's "Rule results". */
export type RuleId = "reasoning" | "tests" | "disabled-tests" | "review" | "flaky";

/** `skip`: a skip label, a bot author, the rule is off, or nothing to judge. */
export type RuleStatus = "pass" | "fail" | "skip";

/** Annotation levels as the Checks API names them. */
export type AnnotationLevel = "notice" | "warning" | "failure";

/**
 * An annotation on a line of a changed file, in the shape the Checks API takes
 * (`POST /repos/{owner}/{repo}/check-runs`, `output.annotations[]`), camel-cased.
 */
export interface Annotation {
  path: string;
  /** 1-based line in the file after the change. */
  startLine: number;
  endLine: number;
  level: AnnotationLevel;
  /** Plain text, one or two sentences. */
  message: string;
  /** Short title shown above the message. */
  title?: string;
}

/**
 * One thing a rule found that the team should look at. The message is
 * markdown: the agreement, why it matters and a next step as a question or
 * suggestion. It never names a person as the fault.
 */
export interface Finding {
  message: string;
  annotation?: Annotation;
}

/** What one rule concluded about one pull request. */
export interface RuleResult {
  id: RuleId;
  /** The agreement's name for the table, e.g. "Documented reasoning". */
  agreement: string;
  level: Level;
  status: RuleStatus;
  /** One line for the summary table: what was found, with figures. Markdown, no newlines. */
  message: string;
  /** Details shown under the table: the problems when it fails, notes (questions, thanks) when it passes. */
  findings: Finding[];
}

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
