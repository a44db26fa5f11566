/**
 * What a rule concludes about one pull request, as plain data: the check run,
 * `eng-health check --json`, the results marker and the weekly report all read
 * these shapes. The rule ids themselves come from the rule registry
 * (`src/rules/registry.ts`), never from a list kept here.
 */

/** How much a rule's failure counts (README, "Configuration"): `notice` is shown but never changes the conclusion. */
export const LEVELS = ["off", "notice", "warning", "failure"] as const;
/** One of {@link LEVELS}. */
export type Level = (typeof LEVELS)[number];

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
  /** The rule's id from the registry, e.g. `reasoning`. */
  id: string;
  /** The agreement's name for the table, e.g. "Documented reasoning". */
  agreement: string;
  level: Level;
  status: RuleStatus;
  /** One line for the summary table: what was found, with figures. Markdown, no newlines. */
  message: string;
  /** Details shown under the table: the problems when it fails, notes (questions, thanks) when it passes. */
  findings: Finding[];
}
