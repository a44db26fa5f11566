import { evaluateBacktest, type Backtest } from "../../src/backtest/evaluate-backtest.js";
import { configSchema, type ConfigInput } from "../../src/config/schema.js";
import { RULE_REGISTRY } from "../../src/rules/registry.js";
import type { ReportPullRequest } from "../../src/model/report-facts.js";
import { buildReportPullRequest, reviewBy } from "./build-report-facts.js";
import { words } from "./mock-github.js";

/** 2026-W44 to 2026-W47 in UTC: the default backtest period on Tuesday 2026-11-24. */
export const BACKTEST_PERIOD = { from: "2026-10-26T00:00:00Z", to: "2026-11-23T00:00:00Z" };

/** A source change of 34 lines, and a test change. */
export const SOURCE_CHANGE = { filename: "src/billing/invoice.ts", status: "modified" as const, additions: 30, deletions: 4 };
export const TEST_CHANGE = { filename: "test/billing/invoice.test.ts", status: "modified" as const, additions: 12, deletions: 0 };

/**
 * A PR merged at `mergedAt`: opened Monday 2026-11-16 09:00 with 30 words of
 * reasoning, a source and a test change, reviewed by grace at 10:00. Override any field.
 */
export function buildMergedPullRequest(number: number, mergedAt: string, overrides: Parameters<typeof buildReportPullRequest>[0] = {}): ReportPullRequest {
  return buildReportPullRequest({
    number,
    state: "closed",
    createdAt: "2026-11-16T09:00:00Z",
    mergedAt,
    closedAt: mergedAt,
    body: words(30),
    files: [SOURCE_CHANGE, TEST_CHANGE],
    review: { reviews: [reviewBy("grace", "2026-11-16T10:00:00Z")] },
    ...overrides,
  });
}

/**
 * The rules these unit tests were written for, whatever else the registry
 * gains: the comparison is under test here, not the registry (registries.test.ts
 * shows a new rule joining the backtest).
 */
export const BACKTEST_TEST_REGISTRY = RULE_REGISTRY.filter((entry) => ["reasoning", "tests", "disabled-tests", "review", "flaky"].includes(entry.rule.id));

/** The backtest of acme/widgets over {@link BACKTEST_PERIOD} (no PR template), with configs as a user writes them. */
export function backtestOf(pullRequests: ReportPullRequest[], current: ConfigInput, proposed: ConfigInput | null): Backtest {
  return evaluateBacktest({
    facts: { owner: "acme", repo: "widgets", template: null, pullRequests },
    period: BACKTEST_PERIOD,
    current: configSchema.parse(current),
    proposed: proposed === null ? null : configSchema.parse(proposed),
    registry: BACKTEST_TEST_REGISTRY,
  });
}
