import type { Backtest, BacktestColumn, BacktestExample, ConclusionTally } from "./evaluate-backtest.js";

/** A rule's tally in `eng-health backtest --json`. */
export interface BacktestJsonColumn {
  pass: number;
  fail: number;
  skip: number;
  level: string;
}

/** `eng-health backtest --json` (README, "Command line"). */
export interface BacktestJson {
  /** ISO UTC instants: merged from `from` (inclusive) to `to` (exclusive). */
  period: { from: string; to: string };
  /** PRs judged. */
  prs: number;
  /** PRs merged in the period by bots or `review.ignore_authors`, not judged. */
  left_out: number;
  rules: Array<{
    id: string;
    current: BacktestJsonColumn;
    proposed: BacktestJsonColumn | null;
    /** PR numbers, newest merge first. */
    newly_failing: number[];
    newly_passing: number[];
  }>;
  /** Check-run conclusions from the backtested rules. */
  conclusions: {
    current: ConclusionTally;
    proposed: ConclusionTally | null;
    newly_failing: number[];
    newly_passing: number[];
  };
  /** Rule ids left out of the backtest, with why. */
  not_backtested: Array<{ id: string; reason: string }>;
  /** Requests sent to GitHub, as the client counted them (`requestMeter`). */
  api_calls: number;
}

/**
 * The JSON of `eng-health backtest --json`: every changed PR by number (no
 * example cap), snake_case keys. Pure.
 *
 * @param backtest from `evaluateBacktest`
 * @param apiCalls the requests the command sent, from the request-counting plugin
 */
export function renderBacktestJson(backtest: Backtest, apiCalls: number): BacktestJson {
  return {
    period: { ...backtest.period },
    prs: backtest.pullRequests,
    left_out: backtest.leftOut,
    rules: backtest.rules.map((rule) => ({
      id: rule.id,
      current: columnJson(rule.current),
      proposed: rule.proposed === null ? null : columnJson(rule.proposed),
      newly_failing: numbers(rule.newlyFailing),
      newly_passing: numbers(rule.newlyPassing),
    })),
    conclusions: {
      current: { ...backtest.conclusions.current },
      proposed: backtest.conclusions.proposed === null ? null : { ...backtest.conclusions.proposed },
      newly_failing: numbers(backtest.conclusions.newlyFailing),
      newly_passing: numbers(backtest.conclusions.newlyPassing),
    },
    not_backtested: backtest.notBacktested.map((rule) => ({ id: rule.id, reason: rule.reason })),
    api_calls: apiCalls,
  };
}

function columnJson(column: BacktestColumn): BacktestJsonColumn {
  return { pass: column.pass, fail: column.fail, skip: column.skip, level: column.level };
}

function numbers(prs: readonly BacktestExample[]): number[] {
  return prs.map((pr) => pr.number);
}
