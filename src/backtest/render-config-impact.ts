import { MAX_OUTPUT_CHARS } from "../model/github-limits.js";
import { countOf } from "../text/count-of.js";
import { truncateUtf8, utf8Bytes } from "../text/truncate-utf8.js";
import { describeBacktestPeriod, type BacktestPeriod } from "./backtest-period.js";
import type { Backtest } from "./evaluate-backtest.js";
import { renderBacktest } from "./render-backtest.js";

/** What a PR that changes `.github/eng-health.yml` would have done to recent PRs. */
export type ConfigImpact =
  /** The PR's config has the same settings in effect as the current one: nothing was collected. */
  | { kind: "unchanged" }
  /** The backtest of the PR's config against the current one. */
  | { kind: "compared"; backtest: Backtest; period: BacktestPeriod }
  /** GitHub could not be read for the backtest; `reason` is one plain sentence. */
  | { kind: "unavailable"; reason: string };

/** The section's heading in the check run (README, "A PR that changes the config"). */
export const IMPACT_HEADING = "### What this change would have done";

/**
 * Most UTF-8 bytes the section takes in a check run's summary: under a third
 * of GitHub's 65,535 ({@link MAX_OUTPUT_CHARS}), so the config errors, the
 * agreements table and the findings keep the rest. Beyond it the examples
 * shrink first (see `renderBacktest`).
 */
export const IMPACT_MAX_BYTES = Math.floor(MAX_OUTPUT_CHARS / 3);

const NEXT_STEP =
  "Is this what the team expects? `eng-health backtest OWNER/REPO --config FILE` runs the same comparison over any period, and `mode: shadow` lets the team watch new settings on live pull requests before they block any.";

/**
 * The check-run section "What this change would have done" for a PR whose
 * `.github/eng-health.yml` is valid: the backtest of its config against the
 * current one over the PRs merged in the period (`renderBacktest`, the
 * proposed config named "this PR's config"), or a line saying the settings in
 * effect are the same, or that GitHub could not be read this time. At most
 * `maxBytes` UTF-8 bytes. Pure.
 *
 * @param impact what the pipeline found
 * @param maxBytes the section's budget (default {@link IMPACT_MAX_BYTES})
 * @returns markdown starting with {@link IMPACT_HEADING}
 */
export function renderConfigImpact(impact: ConfigImpact, maxBytes: number = IMPACT_MAX_BYTES): string {
  if (impact.kind === "unchanged") {
    return `${IMPACT_HEADING}\nNothing: this PR's config has the same settings in effect as the current one (comments, formatting and values equal to their defaults change nothing), so every recent pull request would have been judged as it was.`;
  }
  if (impact.kind === "unavailable") {
    return `${IMPACT_HEADING}\nThis could not be worked out this time: ${impact.reason} It is tried again on the PR's next push, or with "Re-run checks".`;
  }
  const { backtest, period } = impact;
  const weeks = period.weeks === 1 ? "last week" : `the last ${period.weeks} weeks`;
  if (backtest.pullRequests === 0) {
    return `${IMPACT_HEADING}\nNo pull request was merged in ${weeks}, ${describeBacktestPeriod(period)}, that eng-health judges, so there is nothing to compare yet.`;
  }
  const intro = `${IMPACT_HEADING}\nThe ${countOf(backtest.pullRequests, "pull request")} merged in ${weeks}, ${describeBacktestPeriod(period)}, judged with the current config and with this PR's:`;
  const budget = maxBytes - utf8Bytes(intro) - utf8Bytes(NEXT_STEP) - 4;
  const body = renderBacktest(backtest, { proposedName: { column: "This PR's config", phrase: "this PR's config" }, maxBytes: Math.max(0, budget) });
  return truncateUtf8([intro, body, NEXT_STEP].join("\n\n"), maxBytes);
}
