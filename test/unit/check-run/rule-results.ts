import type { Annotation, Finding, RuleResult } from "../../../src/model/rule-result.js";

/** A RuleResult built by hand: a passing `warning`-level `tests` result unless overridden. */
export function ruleResult(overrides: Partial<RuleResult> = {}): RuleResult {
  return {
    id: "tests",
    agreement: "Tests accompany code",
    level: "warning",
    status: "pass",
    message: "Tests changed with the code.",
    findings: [],
    ...overrides,
  };
}

/** A finding with an annotation on `path` line `line`. */
export function annotatedFinding(message: string, annotation: Partial<Annotation> & { path: string }): Finding {
  return {
    message,
    annotation: { startLine: 1, endLine: 1, level: "warning", message: "Changed without a test.", ...annotation },
  };
}

/** The neutral run from the shared examples: 2 of 4 met, 1 suggestion, 1 question. */
export function exampleResults(): RuleResult[] {
  return [
    ruleResult({
      id: "reasoning",
      agreement: "Documented reasoning",
      status: "pass",
      message: 'The description explains why (48 words, "Why" and "Testing" sections).',
    }),
    ruleResult({
      id: "tests",
      agreement: "Tests accompany code",
      status: "fail",
      message: "`src/billing/invoice.ts` changed by 34 lines with no test change.",
      findings: [
        annotatedFinding(
          [
            "The team agreed that code changes come with tests, so the next change here is safe to make.",
            "Could a test in `test/billing/invoice.test.ts` pin down the new rounding rule? If this change",
            "needs no test (a pure refactor covered elsewhere, say), add the `skip-tests` label and a line in the",
            "description saying why, so reviewers see the reasoning.",
          ].join("\n"),
          {
            path: "src/billing/invoice.ts",
            message: "Changed without a test. Which test would fail if this rounding broke?",
            title: "Tests accompany code",
          },
        ),
      ],
    }),
    ruleResult({
      id: "disabled-tests",
      agreement: "Disabled tests are tracked",
      status: "pass",
      message: "No test was disabled.",
    }),
    ruleResult({
      id: "review",
      agreement: "Review turnaround",
      level: "notice",
      status: "fail",
      message: "Waiting 3.5 business hours for a first review (target: 24 h).",
    }),
  ];
}
