import type { Config } from "../config/schema.js";
import type { ReportFacts } from "../model/report-facts.js";
import type { Rule, RuleId } from "../rules/rule.js";
import { parseInstant } from "../time/parse-instant.js";
import { measureWeekPopulations, type MeasuredWeek, type PassTally } from "./metrics/measured-week.js";

/** One repository of a rollup, for one week. */
export interface RollupMember {
  /** Its facts, cut to the week (`window` set to it). */
  facts: ReportFacts;
  /** Its own validated config: its rules decide its pass rates. */
  config: Config;
}

/** A rollup's week measured: the team's populations and each repository's. */
export interface MeasuredRollupWeek {
  /** The team: the union of every repository's populations. */
  team: MeasuredWeek;
  /** Each repository alone, in the order given. */
  repositories: MeasuredWeek[];
}

/**
 * The config a repository of a rollup is measured with (pure): its own rules
 * (`reasoning`, `tests`, … decide its pass rates, so they mean what that
 * repository agreed) and its own `flaky.label`, with the rollup repository's
 * `review` section (target, business hours, holidays, ignored authors) and
 * `flaky` limits, so review figures share one clock and the team one limit.
 *
 * @param own the repository's own config
 * @param team the rollup repository's config
 */
export function rollupMemberConfig(own: Config, team: Config): Config {
  return { ...own, review: team.review, flaky: { ...team.flaky, label: own.flaky.label } };
}

/**
 * Measure a rollup's week (pure), as the README defines the team's figures:
 *
 * - each repository on its own facts with {@link rollupMemberConfig}, so its
 *   row equals what its own report gives with the rollup's review clock, and
 *   every pull request is measured with what its own repository holds (its
 *   rules, its template, its other repository files);
 * - the team as the union of those populations: every repository's pull
 *   requests, first reviews, review-target counts and waiting pull requests
 *   together, so a metric over them is one median over all first reviews
 *   (never a median of medians); the flaky-test figures measured once over
 *   every repository's flaky issues with the rollup repository's limits; the
 *   pass tallies added up (each PR judged by its own repository's rules), so
 *   a team pass rate is the share of all judged merged PRs that passed.
 *
 * PR numbers may collide across repositories: nothing here keys by number.
 *
 * @param members each repository's facts for the week and its own config
 * @param team the rollup repository's config (`review`, `flaky`)
 * @param rules the check-run rules whose pass rates the report shows
 * @param window the week (every member's `facts.window`)
 * @throws RangeError when the window or a PR's `createdAt` is not an ISO instant
 */
export function measureRollupWeek(
  members: readonly RollupMember[],
  team: Config,
  rules: readonly Rule[],
  window: ReportFacts["window"],
): MeasuredRollupWeek {
  const repositories = members.map((member) => measureWeekPopulations(member.facts, rollupMemberConfig(member.config, team), rules));
  const all = <T>(pick: (week: MeasuredWeek) => readonly T[]): T[] => repositories.flatMap(pick);
  // The flaky-test lists over every repository's issues at once (no pull requests: they were measured above).
  const flakyFacts: ReportFacts = { owner: "", repo: "", window, template: null, pullRequests: [], flakyIssues: members.flatMap((member) => member.facts.flakyIssues) };
  const teamWeek: MeasuredWeek = {
    window,
    config: team,
    pullRequests: all((week) => week.pullRequests),
    opened: all((week) => week.opened),
    merged: all((week) => week.merged),
    firstReviewHours: all((week) => week.firstReviewHours),
    reviewTarget: {
      met: repositories.reduce((sum, week) => sum + week.reviewTarget.met, 0),
      missed: repositories.reduce((sum, week) => sum + week.reviewTarget.missed, 0),
    },
    waiting: all((week) => week.waiting).sort(
      (a, b) => parseInstant(a.readyAt) - parseInstant(b.readyAt) || a.number - b.number || a.htmlUrl.localeCompare(b.htmlUrl),
    ),
    flaky: measureWeekPopulations(flakyFacts, team, []).flaky,
    passRates: addPassTallies(repositories, rules),
  };
  return { team: teamWeek, repositories };
}

/** The repositories' pass tallies added up, rule by rule. */
function addPassTallies(weeks: readonly MeasuredWeek[], rules: readonly Rule[]): Map<RuleId, PassTally> {
  const total = new Map<RuleId, PassTally>();
  for (const rule of rules) {
    const sum = { pass: 0, judged: 0 };
    for (const week of weeks) {
      const tally = week.passRates.get(rule.id);
      sum.pass += tally?.pass ?? 0;
      sum.judged += tally?.judged ?? 0;
    }
    total.set(rule.id, sum);
  }
  return total;
}
