import { describe, expect, it } from "vitest";
import { evaluatePullRequest } from "../../src/check-run/evaluate-pull-request.js";
import { renderJsonResult } from "../../src/check-run/render-json-result.js";
import { parseResultsMarker } from "../../src/check-run/results-marker.js";
import { DEFAULT_CONFIG } from "../../src/config/schema.js";
import type { ReportIssue } from "../../src/model/report-issue.js";
import { composeWeeklyReport, planWeeklyReport } from "../../src/report/compose-weekly-report.js";
import { weekMetricRegistry } from "../../src/report/metrics/registry.js";
import type { WeekMetric } from "../../src/report/metrics/week-metric.js";
import { parseReportMarker } from "../../src/report/report-marker.js";
import { evaluateBacktest } from "../../src/backtest/evaluate-backtest.js";
import { RULE_REGISTRY, reportRulesOf, rulesOf, type RegisteredRule } from "../../src/rules/registry.js";
import type { Rule } from "../../src/rules/rule.js";
import { buildFacts } from "../helpers/build-facts.js";
import { buildReportFacts, buildReportPullRequest } from "../helpers/build-report-facts.js";

/**
 * Issue 8: a rule and a metric added through the registries alone (no other
 * file edited) show up everywhere the existing ones do.
 */

/** A rule the registry does not have (the real `size` rule is registered now): a PR changes at most 400 lines. */
const sizeRule: Rule = {
  id: "small-diff",
  agreement: "Small diffs",
  level: () => "warning",
  skipLabels: () => ["skip-small-diff"],
  evaluate(facts) {
    const lines = facts.files.reduce((sum, file) => sum + file.additions + file.deletions, 0);
    return lines <= 400
      ? { status: "pass", message: `${lines} lines changed.`, findings: [] }
      : { status: "fail", message: `${lines} lines changed (limit 400).`, findings: [{ message: "Could it be split?" }] };
  },
};

/** A new metric: merged PRs that changed more than 400 lines. */
const largeMerged: WeekMetric = {
  key: "large_prs_merged",
  kind: "count",
  description: "PRs merged in the window that changed more than 400 lines",
  measure: (week) =>
    week.merged.filter((pr) => pr.files.reduce((sum, file) => sum + file.additions + file.deletions, 0) > 400).length,
};

const registry: RegisteredRule[] = [...RULE_REGISTRY, { rule: sizeRule, inReport: true }];
const metrics = [...weekMetricRegistry(reportRulesOf(registry)), largeMerged];
const bigFile = { filename: "src/big.ts", status: "modified" as const, additions: 450, deletions: 20 };

describe("a rule added through the rule registry", () => {
  const evaluation = evaluatePullRequest({
    rules: rulesOf(registry),
    facts: buildFacts({ files: [bigFile], body: "Why: the importer needs the new format, so this rewrites the parser in one go." }),
    config: DEFAULT_CONFIG,
    configErrors: [],
    configUrl: "https://github.com/acme/widgets/blob/HEAD/.github/eng-health.yml",
    referenceUrl: "https://example.test/reference",
  });

  it("is a row of the check-run table, last, and counts in the conclusion", () => {
    const rows = evaluation.output.summary.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| | Agreement"));
    expect(rows.at(-1)).toBe("| ⚠️ | Small diffs | 470 lines changed (limit 400). |");
    expect(evaluation.results.map((result) => result.id)).toEqual(["reasoning", "tests", "disabled-tests", "review", "flaky", "size", "small-diff"]);
    expect(evaluation.conclusion).toBe("neutral");
  });

  it("is in check --json", () => {
    const json = renderJsonResult(evaluation.results, evaluation.conclusion);
    expect(json.rules.at(-1)).toEqual({ id: "small-diff", level: "warning", status: "fail", message: "470 lines changed (limit 400).", annotations: [] });
  });

  it("is in the results marker, read back with the registry's ids (and refused by a registry without it)", () => {
    const stored = parseResultsMarker(evaluation.output.summary, new Set(rulesOf(registry).map((rule) => rule.id)));
    expect(stored?.results.at(-1)).toEqual({
      id: "small-diff",
      agreement: "Small diffs",
      level: "warning",
      status: "fail",
      message: "470 lines changed (limit 400).",
      findings: [{ message: "Could it be split?" }],
    });
    expect(parseResultsMarker(evaluation.output.summary)).toBeNull();
  });
});

describe("a rule marked for the report and a metric added through the metric registry", () => {
  const config = DEFAULT_CONFIG;
  const mergedIn = (week: { start: string }, number: number, files: (typeof bigFile)[]) =>
    buildReportPullRequest({
      number,
      createdAt: week.start,
      mergedAt: new Date(Date.parse(week.start) + 3_600_000).toISOString(),
      closedAt: new Date(Date.parse(week.start) + 3_600_000).toISOString(),
      state: "closed",
      files,
    });
  const small = { ...bigFile, additions: 10, deletions: 0 };

  const compose = (week: string, reports: ReportIssue[], pullRequests: (plan: ReturnType<typeof planWeeklyReport>) => ReturnType<typeof buildReportPullRequest>[]) => {
    const plan = planWeeklyReport({ week, report: config.report, reports });
    const facts = buildReportFacts({ window: { week, start: plan.spanStart, end: plan.window.end }, pullRequests: pullRequests(plan) });
    return composeWeeklyReport({ plan, facts, config, rules: reportRulesOf(registry), apiCalls: 3, configUrl: "https://x.test/c", metrics });
  };

  it("measures the pass rate and the metric, shows the agreement, stores both, and next week's trend reads them back", () => {
    const first = compose("2026-W47", [], (plan) => [mergedIn(plan.window, 1, [bigFile]), mergedIn(plan.window, 2, [small])]);
    expect(first.metrics.small_diff_pass_pct).toBe(50);
    expect(first.metrics.large_prs_merged).toBe(1);
    expect(first.body).toContain("| Small diffs | ≥ 90 % | 50 % | — | — | ⚠️ |");

    const marker = parseReportMarker(first.body, metrics);
    expect(marker?.metrics).toMatchObject({ small_diff_pass_pct: 50, large_prs_merged: 1 });
    // A registry without the new keys still reads the marker: the keys are dropped, nothing else changes.
    expect(parseReportMarker(first.body)?.metrics.prs_merged).toBe(2);

    const reportIssue: ReportIssue = { number: 10, title: first.title, state: "open", htmlUrl: "https://x.test/10", labels: [], marker };
    const second = compose("2026-W48", [reportIssue], (plan) => [mergedIn(plan.window, 3, [small])]);
    expect(second.trend.find((week) => week.week === "2026-W47")?.metrics).toMatchObject({ small_diff_pass_pct: 50, large_prs_merged: 1 });
    expect(second.metrics).toMatchObject({ small_diff_pass_pct: 100, large_prs_merged: 0 });
    expect(second.body).toContain("| Small diffs | ≥ 90 % | 100 % | 50 % | ▲ better | ✅ |");
    expect(second.body).toContain('100 % of merged pull requests met "Small diffs".');
  });

  it("keeps earlier weeks readable: a marker written before the metric existed gives no data for it alone", () => {
    const before = compose("2026-W47", [], (plan) => [mergedIn(plan.window, 1, [small])]);
    const oldMarker = parseReportMarker(before.body);
    const reportIssue: ReportIssue = { number: 10, title: before.title, state: "open", htmlUrl: "https://x.test/10", labels: [], marker: oldMarker };
    const after = compose("2026-W48", [reportIssue], (plan) => [mergedIn(plan.window, 2, [small])]);
    expect(after.computedWeeks).not.toContain("2026-W47");
    const lastWeek = after.trend.find((week) => week.week === "2026-W47")?.metrics;
    expect(lastWeek?.prs_merged).toBe(1);
    expect(lastWeek?.small_diff_pass_pct).toBeUndefined();
    expect(after.body).toContain("| Small diffs | ≥ 90 % | 100 % | — | — | ✅ |");
  });
});

describe("a rule added through the rule registry, in the backtest", () => {
  it("is a row of the backtest, judged on each merged PR under both configs, unless the registry says why not", () => {
    const merged = buildReportPullRequest({ number: 3, state: "closed", mergedAt: "2026-11-18T10:00:00Z", closedAt: "2026-11-18T10:00:00Z", files: [bigFile] });
    const input = {
      facts: { owner: "acme", repo: "widgets", template: null, pullRequests: [merged] },
      period: { from: "2026-11-16T00:00:00Z", to: "2026-11-23T00:00:00Z" },
      current: DEFAULT_CONFIG,
      proposed: DEFAULT_CONFIG,
    };
    const backtest = evaluateBacktest({ ...input, registry });
    expect(backtest.rules.map((rule) => rule.id)).toEqual([...evaluateBacktest(input).rules.map((rule) => rule.id), sizeRule.id]);
    expect(backtest.rules.at(-1)).toMatchObject({ id: sizeRule.id, agreement: sizeRule.agreement, current: { pass: 0, fail: 1, skip: 0 }, proposed: { fail: 1 } });

    const leftOut = evaluateBacktest({ ...input, registry: [...RULE_REGISTRY, { rule: sizeRule, inReport: false, notBacktested: "it needs the whole diff" }] });
    expect(leftOut.rules.map((rule) => rule.id)).not.toContain(sizeRule.id);
    expect(leftOut.notBacktested.at(-1)).toEqual({ id: sizeRule.id, agreement: sizeRule.agreement, reason: "it needs the whole diff" });
  });
});
