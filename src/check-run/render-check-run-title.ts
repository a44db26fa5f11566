import type { RuleResult } from "../model/rule-result.js";
import { MAX_TITLE_CHARS } from "../model/github-limits.js";
import { truncateUtf8 } from "../text/truncate-utf8.js";
import { countOf } from "../text/count-of.js";

/** Prefix of the title when `.github/eng-health.yml` could not be fully read. */
export const CONFIG_ERROR_TITLE = "The eng-health config needs a fix";

/**
 * The check run's `output.title`: plain text, one line, at most
 * {@link MAX_TITLE_CHARS} UTF-8 bytes.
 *
 * Counts rules, not findings: "met" are passing rules, and "of N" counts the
 * rules that were judged (pass or fail; skipped rules are left out). A
 * suggestion is a failing `warning`/`failure`-level rule; a question is a
 * failing `notice`-level rule or a passing rule that still has findings.
 * Examples: `2 of 4 agreements met · 1 suggestion · 1 question`,
 * `All 4 agreements met`, `1 agreement met`. When every rule was skipped, the
 * title gives the reason: `Nothing to check: opened by a bot (dependabot[bot])`.
 * With `hasConfigErrors`, the title starts `The eng-health config needs a fix · `.
 */
export function renderCheckRunTitle(input: { results: readonly RuleResult[]; hasConfigErrors: boolean }): string {
  const core = coreTitle(input.results);
  const title = input.hasConfigErrors ? `${CONFIG_ERROR_TITLE} · ${core}` : core;
  return truncateUtf8(title, MAX_TITLE_CHARS);
}

function coreTitle(results: readonly RuleResult[]): string {
  const met = results.filter((result) => result.status === "pass").length;
  const judged = met + results.filter((result) => result.status === "fail").length;
  if (judged === 0) return nothingToCheck(results);

  const suggestions = results.filter((result) => result.status === "fail" && countsAgainst(result)).length;
  const questions = results.filter(
    (result) =>
      (result.status === "fail" && !countsAgainst(result)) || (result.status === "pass" && result.findings.length > 0),
  ).length;

  let head: string;
  if (met < judged) head = `${met} of ${countOf(judged, "agreement")} met`;
  else if (judged === 1) head = "1 agreement met";
  else head = `All ${judged} agreements met`;

  const parts = [head];
  if (suggestions > 0) parts.push(countOf(suggestions, "suggestion"));
  if (questions > 0) parts.push(countOf(questions, "question"));
  return parts.join(" · ");
}

/** A failing rule at `warning` or `failure` level changes the conclusion; `notice` never does. */
function countsAgainst(result: RuleResult): boolean {
  return result.level === "warning" || result.level === "failure";
}

/**
 * "Nothing to check: <reason>" when no rule was judged. Rules turned off in the
 * config are not the reason when another rule skipped for something else (a
 * bot author, say); differing reasons give a general title.
 */
function nothingToCheck(results: readonly RuleResult[]): string {
  if (results.length === 0) return "Nothing to check: no agreement is turned on";
  const considered = results.filter((result) => result.level !== "off");
  if (considered.length === 0) return "Nothing to check: every agreement is turned off in the config";
  const reasons = new Set(considered.map((result) => skipReason(result.message)));
  const [only] = reasons;
  if (reasons.size === 1 && only !== undefined && only !== "") return `Nothing to check: ${only}`;
  return "Nothing to check: every agreement was skipped";
}

/**
 * A skip message as a title fragment: plain text (no backticks), one line, no
 * leading "Skipped:", no final full stop, and a lower-case first letter unless
 * the first word looks like an acronym. `Skipped: the \`wip\` label is set.`
 * becomes `the wip label is set`.
 */
function skipReason(message: string): string {
  const reason = message
    .replace(/`/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^skipped:\s*/i, "")
    .replace(/[.\s]+$/, "");
  return /^\p{Lu}\p{Ll}/u.test(reason) ? reason.charAt(0).toLowerCase() + reason.slice(1) : reason;
}

