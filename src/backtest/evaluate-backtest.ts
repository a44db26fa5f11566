import { conclusionInMode } from "../check-run/apply-shadow-mode.js";
import { conclusionFor } from "../check-run/conclusion.js";
import type { Config } from "../config/schema.js";
import type { Conclusion } from "../model/check-run.js";
import { isBot } from "../model/is-bot.js";
import type { ReportFacts, ReportPullRequest } from "../model/report-facts.js";
import type { Level, RuleResult, RuleStatus } from "../model/rule-result.js";
import { toPullRequestFacts } from "../report/to-pull-request-facts.js";
import { evaluateRules } from "../rules/evaluate-rules.js";
import { backtestRulesOf, RULE_REGISTRY, type RegisteredRule } from "../rules/registry.js";
import type { Rule, RuleId } from "../rules/rule.js";
import { parseInstant } from "../time/parse-instant.js";

/** A merged PR named as an example of a change. */
export interface BacktestExample {
  number: number;
  /** As written (renderers escape it). */
  title: string;
  htmlUrl: string;
  /** ISO instant it was merged. */
  mergedAt: string;
}

/** How many PRs a rule passed, failed and skipped under one config. */
export interface BacktestColumn {
  pass: number;
  fail: number;
  skip: number;
  /** The rule's level under that config (`off` skips every PR). */
  level: Level;
}

/** One rule's row: current config, proposed config, and the PRs whose status changed. */
export interface BacktestRule {
  id: RuleId;
  agreement: string;
  current: BacktestColumn;
  /** `null` when no proposed config was given. */
  proposed: BacktestColumn | null;
  /** PRs that fail under the proposed config and did not under the current one, newest merge first. */
  newlyFailing: BacktestExample[];
  /** PRs that failed under the current config and do not under the proposed one (pass or skip), newest merge first. */
  newlyPassing: BacktestExample[];
}

/** Check-run conclusions over the judged PRs. */
export interface ConclusionTally {
  success: number;
  neutral: number;
  failure: number;
}

/** What {@link evaluateBacktest} found. */
export interface Backtest {
  /** PRs merged from `from` (inclusive) to `to` (exclusive), ISO UTC instants. */
  period: { from: string; to: string };
  /** PRs judged: merged in the period, not by a bot, not left out by `review.ignore_authors`. */
  pullRequests: number;
  /** PRs merged in the period but left out: by a bot, or by an author both configs ignore. */
  leftOut: number;
  /** One row per backtested rule, in table order. */
  rules: BacktestRule[];
  /**
   * The conclusion each judged PR's check run would have had from the
   * backtested rules (shadow mode capping it at `neutral`), and the PRs that
   * would newly conclude `failure` / no longer conclude `failure`.
   */
  conclusions: {
    current: ConclusionTally;
    proposed: ConclusionTally | null;
    newlyFailing: BacktestExample[];
    newlyPassing: BacktestExample[];
  };
  /** Registered rules the backtest leaves out, with why. */
  notBacktested: Array<{ id: RuleId; agreement: string; reason: string }>;
}

/** Inputs of {@link evaluateBacktest}. */
export interface BacktestInput {
  /**
   * The collection: the repository, its PR template, CODEOWNERS and
   * `.gitattributes`, and (at least) the PRs merged in the period.
   */
  facts: Pick<ReportFacts, "owner" | "repo" | "template" | "codeOwners" | "gitAttributes" | "pullRequests">;
  /** ISO UTC instants: PRs merged at or after `from` and before `to` are judged. */
  period: { from: string; to: string };
  /** The config in effect (default branch). */
  current: Config;
  /** The proposed config, or `null` to show the current one alone. */
  proposed: Config | null;
  /** The rule registry (default: `RULE_REGISTRY`); rules with `notBacktested` are left out. */
  registry?: readonly RegisteredRule[];
}

const IGNORED_MESSAGE = "Left out: the author is listed in `review.ignore_authors`.";

/**
 * The backtest (README, "Command line"): every backtested rule evaluated on
 * every PR merged in the period, under the current config and the proposed
 * one, counted per rule as pass / fail / skip, with the PRs whose status
 * changed. Pure.
 *
 * - Each PR is judged as of its merge (`now` = `mergedAt`): the `review` rule
 *   sees the wait as it ended there; reviews after the merge do not count.
 * - Descriptions, labels and files are as the collection read them (today's).
 * - PRs by bots are left out, as in the weekly report. So are PRs whose
 *   author is in `review.ignore_authors` of both configs; when only one config
 *   lists the author, the PR counts as skipped by every rule under that one,
 *   so a change to the list shows up as PRs newly judged or newly skipped.
 * - The conclusion per PR is `conclusionFor` over the backtested rules,
 *   capped at `neutral` in `mode: shadow`.
 *
 * @param input the collected facts, the period, both configs and optionally the registry
 * @returns the tallies, the changed PRs (every one; renderers pick examples) and the rules left out
 * @throws RangeError when the period or a PR's `mergedAt` is not an ISO instant
 */
export function evaluateBacktest(input: BacktestInput): Backtest {
  const registry = input.registry ?? RULE_REGISTRY;
  const rules = backtestRulesOf(registry);
  const fromMs = parseInstant(input.period.from);
  const toMs = parseInstant(input.period.to);
  const { current, proposed } = input;

  const merged = input.facts.pullRequests
    .filter((pr): pr is ReportPullRequest & { mergedAt: string } => {
      if (pr.mergedAt === null) return false;
      const ms = parseInstant(pr.mergedAt);
      return ms >= fromMs && ms < toMs;
    })
    .sort((a, b) => parseInstant(b.mergedAt) - parseInstant(a.mergedAt) || b.number - a.number);

  const rows = rules.map((rule) => ({
    id: rule.id,
    agreement: rule.agreement,
    current: emptyColumn(rule.level(current)),
    proposed: proposed === null ? null : emptyColumn(rule.level(proposed)),
    newlyFailing: [] as BacktestExample[],
    newlyPassing: [] as BacktestExample[],
  }));
  const conclusions: Backtest["conclusions"] = {
    current: { success: 0, neutral: 0, failure: 0 },
    proposed: proposed === null ? null : { success: 0, neutral: 0, failure: 0 },
    newlyFailing: [],
    newlyPassing: [],
  };
  const ignoredNow = ignoredAuthors(current);
  const ignoredNext = proposed === null ? ignoredNow : ignoredAuthors(proposed);
  let judged = 0;
  let leftOut = 0;

  for (const pr of merged) {
    const login = pr.author.login.toLowerCase();
    if (isBot(pr.author) || (ignoredNow.has(login) && ignoredNext.has(login))) {
      leftOut += 1;
      continue;
    }
    judged += 1;
    const facts = toPullRequestFacts(pr, input.facts, pr.mergedAt);
    const example: BacktestExample = { number: pr.number, title: pr.title, htmlUrl: pr.htmlUrl, mergedAt: pr.mergedAt };
    const now = ignoredNow.has(login) ? skipEvery(rules, current) : evaluateRules(rules, facts, current);
    const next = proposed === null ? null : ignoredNext.has(login) ? skipEvery(rules, proposed) : evaluateRules(rules, facts, proposed);

    rows.forEach((row, index) => {
      const before = now[index]?.status ?? "skip";
      count(row.current, before);
      if (row.proposed === null || next === null) return;
      const after = next[index]?.status ?? "skip";
      count(row.proposed, after);
      if (before !== "fail" && after === "fail") row.newlyFailing.push(example);
      if (before === "fail" && after !== "fail") row.newlyPassing.push(example);
    });

    const concludedNow = conclusionInMode(current.mode, conclusionFor(now));
    tallyConclusion(conclusions.current, concludedNow);
    if (proposed === null || next === null || conclusions.proposed === null) continue;
    const concludedNext = conclusionInMode(proposed.mode, conclusionFor(next));
    tallyConclusion(conclusions.proposed, concludedNext);
    if (concludedNow !== "failure" && concludedNext === "failure") conclusions.newlyFailing.push(example);
    if (concludedNow === "failure" && concludedNext !== "failure") conclusions.newlyPassing.push(example);
  }

  return {
    period: { from: input.period.from, to: input.period.to },
    pullRequests: judged,
    leftOut,
    rules: rows,
    conclusions,
    notBacktested: registry.flatMap((entry) =>
      entry.notBacktested === undefined ? [] : [{ id: entry.rule.id, agreement: entry.rule.agreement, reason: entry.notBacktested }],
    ),
  };
}

function emptyColumn(level: Level): BacktestColumn {
  return { pass: 0, fail: 0, skip: 0, level };
}

function count(column: BacktestColumn, status: RuleStatus): void {
  column[status] += 1;
}

function tallyConclusion(tally: ConclusionTally, conclusion: Conclusion): void {
  // conclusionFor never gives action_required (config errors are not backtested); count it as neutral if it ever did.
  if (conclusion === "action_required") tally.neutral += 1;
  else tally[conclusion] += 1;
}

/** Logins in `review.ignore_authors`, lower-cased (GitHub compares logins case-insensitively). */
function ignoredAuthors(config: Config): ReadonlySet<string> {
  return new Set(config.review.ignore_authors.map((login) => login.toLowerCase()));
}

/** Every rule skipped, for a PR whose author this config leaves out. */
function skipEvery(rules: readonly Rule[], config: Config): RuleResult[] {
  return rules.map((rule) => ({ id: rule.id, agreement: rule.agreement, level: rule.level(config), status: "skip", message: IGNORED_MESSAGE, findings: [] }));
}
