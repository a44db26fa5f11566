import { describe, expect, it } from "vitest";
import { backtestPeriod } from "../../../src/backtest/backtest-period.js";
import { evaluateBacktest } from "../../../src/backtest/evaluate-backtest.js";
import { IMPACT_MAX_BYTES, renderConfigImpact } from "../../../src/backtest/render-config-impact.js";
import { renderEvaluation } from "../../../src/check-run/evaluate-pull-request.js";
import { renderCheckRun } from "../../../src/check-run/render-check-run.js";
import { configSchema } from "../../../src/config/schema.js";
import { MAX_OUTPUT_CHARS } from "../../../src/model/github-limits.js";
import { utf8Bytes } from "../../../src/text/truncate-utf8.js";
import { buildReportPullRequest } from "../../helpers/build-report-facts.js";
import { annotatedFinding, ruleResult } from "./rule-results.js";

const urls = { configUrl: "https://github.com/acme/widgets/blob/HEAD/.github/eng-health.yml", referenceUrl: "https://example.test/ref" };
const PERIOD = backtestPeriod({ now: "2026-11-24T10:00:00Z", timezone: "UTC" });

/** A large impact section: 600 PRs newly failing two rules and the check run, with long non-ASCII titles. */
function largestImpact(): string {
  const prs = Array.from({ length: 600 }, (_, index) =>
    buildReportPullRequest({
      number: 10_000 + index,
      title: `Größenänderung 変更 🧪 ${"ü".repeat(230)}`,
      state: "closed",
      mergedAt: "2026-11-17T10:00:00Z",
      closedAt: "2026-11-17T10:00:00Z",
      body: "Too short.",
      files: [{ filename: "src/billing/invoice.ts", status: "modified", additions: 30, deletions: 4 }],
    }),
  );
  const backtest = evaluateBacktest({
    facts: { owner: "acme", repo: "widgets", template: null, pullRequests: prs },
    period: PERIOD,
    current: configSchema.parse({ reasoning: { level: "off" }, tests: { level: "off" } }),
    proposed: configSchema.parse({ reasoning: { level: "failure" }, tests: { level: "failure" } }),
  });
  return renderConfigImpact({ kind: "compared", backtest, period: PERIOD });
}

describe("the impact section in a check run's summary", () => {
  const impact = largestImpact();

  it("stays within its budget, keeping the table", () => {
    expect(utf8Bytes(impact)).toBeLessThanOrEqual(IMPACT_MAX_BYTES);
    expect(impact).toContain("| Documented reasoning | 0 · 0 · 600 (`off`) | 0 · 600 · 0 (`failure`) | 600 | 0 |");
  });

  it("is kept whole after the table while findings are dropped to fit GitHub's 65,535 bytes", () => {
    const findings = Array.from({ length: 2_000 }, (_, index) =>
      annotatedFinding(`Finding ${index}: Die Änderung an \`src/größe.ts\` braucht einen Test — 変更にはテストが必要です 🧪. `.repeat(3), { path: `src/f-${index}.ts`, message: "Changed without a test." }),
    );
    const output = renderCheckRun({
      results: [ruleResult({ status: "fail", message: "2,000 files changed with no test change.", findings })],
      conclusion: "neutral",
      proposedConfig: { markdown: "✅ This PR's `.github/eng-health.yml` is valid.", annotations: [], failing: false },
      proposedConfigImpact: impact,
      ...urls,
    });
    expect(utf8Bytes(output.summary)).toBeLessThanOrEqual(MAX_OUTPUT_CHARS);
    const table = output.summary.indexOf("| ⚠️ | Tests accompany code |");
    const section = output.summary.indexOf(impact);
    expect(table).toBeGreaterThan(0);
    expect(section).toBeGreaterThan(table);
    expect(output.summary.indexOf("### ⚠️ Tests accompany code\nFinding 0: ")).toBeGreaterThan(section);
    expect(output.summary).toMatch(/_\d+ more findings are left out here/);
  });

  it("is not shown when the PR's config has problems", () => {
    const evaluation = renderEvaluation({
      results: [ruleResult()],
      configErrors: [],
      proposedConfig: { errors: [{ path: ".github/eng-health.yml", line: 2, keyPath: "reasoning.min_words", message: "`reasoning.min_words` must be a whole number.", section: "reasoning" }], url: urls.configUrl },
      proposedConfigImpact: impact,
      ...urls,
    });
    expect(evaluation.conclusion).toBe("failure");
    expect(evaluation.output.summary).not.toContain("What this change would have done");
  });
});
