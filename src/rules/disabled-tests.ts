import type { Config } from "../config/schema.js";
import type { PullRequestFacts } from "../model/pull-request-facts.js";
import { annotationLevelFor } from "./annotation-level-for.js";
import { detectDisabledTests, type DisabledTest } from "./detect-disabled-tests.js";
import type { Rule } from "./rule.js";
import type { AnnotationLevel, Finding, RuleResult } from "../model/rule-result.js";
import { countOf } from "../text/count-of.js";
import { joinWords } from "../text/join-words.js";

type DisabledTestsVerdict = Omit<RuleResult, "id" | "agreement" | "level">;

/**
 * The "Disabled tests are tracked" agreement: every test a PR disables
 * references an open issue labelled `flaky.label`.
 * Level `tests.disabled_tests.level`; no skip labels.
 */
export const disabledTestsRule: Rule = {
  id: "disabled-tests",
  agreement: "Disabled tests are tracked",
  level: (config) => config.tests.disabled_tests.level,
  skipLabels: () => [],
  evaluate: (facts, config) => evaluateDisabledTests(facts, config),
};

/**
 * Judge one PR against the disabled-tests agreement.
 *
 * - `pass`, "No test was disabled." when no marker is found.
 * - `pass`, "1 test disabled, tracked in #12." when every marker is tracked.
 * - `fail` otherwise: one finding per untracked marker, each with an
 *   annotation on the marker's line at the level mapped from
 *   `tests.disabled_tests.level`. A finding names the issue numbers that were
 *   referenced but are not open flaky-test issues.
 *
 * Input: the PR facts and the config (`tests.ignore`,
 * `tests.disabled_tests.level`, `flaky.label`). Output: status, one-line table
 * message (markdown), findings. Pure.
 */
export function evaluateDisabledTests(facts: PullRequestFacts, config: Config): DisabledTestsVerdict {
  const disabled = detectDisabledTests(facts, config.tests);
  const label = config.flaky.label;
  if (disabled.length === 0) {
    return { status: "pass", message: "No test was disabled.", findings: [] };
  }
  const untracked = disabled.filter((test) => test.trackedBy === undefined);
  if (untracked.length === 0) {
    const issues = [...new Set(disabled.map((test) => test.trackedBy))].map((number) => `#${number}`);
    return {
      status: "pass",
      message: `${countOf(disabled.length, "test")} disabled, tracked in ${joinWords(issues)}.`,
      findings: [],
    };
  }
  const message =
    untracked.length === disabled.length
      ? `${countOf(disabled.length, "test")} disabled with no open \`${label}\` issue.`
      : `${untracked.length} of ${disabled.length} disabled tests ${untracked.length === 1 ? "has" : "have"} no open \`${label}\` issue.`;
  const level = annotationLevelFor(config.tests.disabled_tests.level);
  return { status: "fail", message, findings: untracked.map((test) => untrackedFinding(test, label, level)) };
}

function untrackedFinding(test: DisabledTest, label: string, level: AnnotationLevel): Finding {
  const parts = [
    `\`${test.marker.text}\` on line ${test.line} of \`${test.path}\` disables a test.`,
    `The team agreed that disabled tests are tracked: a disabled test is a flaky test the team still owns, and an open issue labelled \`${label}\` keeps it visible until it runs again.`,
  ];
  const numbers = test.references.map((number) => `#${number}`);
  if (numbers.length === 1) {
    parts.push(`${numbers[0]} is referenced, but it is not an open \`${label}\` issue.`);
  } else if (numbers.length > 1) {
    parts.push(`${joinWords(numbers)} are referenced, but none of them is an open \`${label}\` issue.`);
  }
  parts.push(
    `Which \`${label}\` issue tracks bringing this test back? Add its number (\`#N\`) on that line, on the line above or in the description; if there is none yet, could someone open one?`,
  );
  return {
    message: parts.join(" "),
    annotation: {
      path: test.path,
      startLine: test.line,
      endLine: test.line,
      level,
      title: `Disabled test without a ${label} issue`,
      message: `This disables a test. Which ${label} issue tracks bringing it back? Add \`#N\` here or in the description.`,
    },
  };
}

