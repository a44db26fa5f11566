import type { Config } from "../config/schema.js";
import type { RepoRef } from "../model/repo-ref.js";
import type { ReportFacts } from "../model/report-facts.js";
import type { WeekMetrics } from "../model/week-metrics.js";
import type { Rule } from "../rules/rule.js";
import { finishWeeklyReport, type ReportPlan, type WeeklyReport } from "./compose-weekly-report.js";
import { summarizeWeek } from "./measure-week.js";
import { measureRollupWeek, type MeasuredRollupWeek } from "./measure-rollup-week.js";
import type { WeekMetric } from "./metrics/week-metric.js";
import type { RollupOmission, RollupRow } from "./rollup-row.js";
import { sliceFactsByWeek, type WeekWindow } from "./slice-facts-by-week.js";

/** One readable repository of a rollup, with what was gathered for it. */
export interface RollupRepository {
  /** `owner/name` as GitHub spells it. */
  name: string;
  /** Its web page (`https://github.com/acme/widgets`); its pull requests' and issues' links start with it. */
  url: string;
  /** Its facts over the whole pass (from `plan.spanStart` to the week's end). */
  facts: ReportFacts;
  /** Its own validated config (its rules, its flaky label, whether it publishes reports of its own). */
  config: Config;
  /** How many problems its config has (those sections fell back to their defaults). */
  configErrors: number;
}

/** A rollup's weekly report, rendered and not yet published. */
export interface RollupReport extends WeeklyReport {
  /** This week's figures per repository, by `owner/name` (what the marker stores beside the team's). */
  repositories: Record<string, WeekMetrics>;
  /** Repositories listed but not in the figures, and why. */
  notIncluded: RollupOmission[];
}

/**
 * Measure and render a rollup's report (pure): the team's figures over the
 * union of the repositories' pull requests and flaky issues, each
 * repository's own figures for the "By repository" table and the marker, and
 * the team's trend (earlier weeks from rollup markers, or computed from the
 * same facts, as {@link measureRollupWeek} does for this week).
 *
 * @param input the plan (`planWeeklyReport` with `rollup: true`), the
 *   readable repositories with their facts and configs, those not included,
 *   the rollup repository and its config, the rules whose pass rates are
 *   shown, the API calls spent (footer), the config file's link, the metric
 *   registry (default `WEEK_METRICS`) and the most repositories one rollup covers
 * @returns the report, with the team's metrics as `metrics` and each repository's in `repositories`
 * @throws RangeError when a window or a PR's `createdAt` is not an ISO instant
 */
export function composeRollupReport(input: {
  plan: ReportPlan;
  repositories: readonly RollupRepository[];
  notIncluded: readonly RollupOmission[];
  home: RepoRef;
  config: Config;
  rules: readonly Rule[];
  apiCalls: number;
  configUrl: string;
  metrics?: readonly WeekMetric[];
  maxRepositories: number;
}): RollupReport {
  const { plan, config } = input;
  const repositories = [...input.repositories].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  const members = repositories.map((repository) => ({ slice: sliceFactsByWeek(repository.facts), config: repository.config }));
  const measure = (week: WeekWindow): MeasuredRollupWeek =>
    measureRollupWeek(
      members.map((member) => ({ facts: member.slice(week), config: member.config })),
      config,
      input.rules,
      { week: week.week, start: week.start, end: week.end },
    );

  const measured = measure(plan.window);
  const measurement = summarizeWeek(measured.team, input.metrics);
  const stored = new Map(plan.stored);
  for (const computed of plan.computedWindows) stored.set(computed.week, summarizeWeek(measure(computed).team, input.metrics).metrics);

  const home = `${input.home.owner}/${input.home.repo}`.toLowerCase();
  const rows: RollupRow[] = measured.repositories.map((week, index) => {
    const repository = repositories[index] as RollupRepository;
    return {
      name: repository.name,
      url: repository.url,
      reportsUrl: repository.name.toLowerCase() === home ? null : ownReportsUrl(repository),
      metrics: summarizeWeek(week, input.metrics).metrics,
      configErrors: repository.configErrors,
    };
  });
  const notIncluded = [...input.notIncluded];

  const report = finishWeeklyReport({
    plan,
    measurement,
    stored,
    config,
    apiCalls: input.apiCalls,
    configUrl: input.configUrl,
    pullRequests: repositories.reduce((sum, repository) => sum + repository.facts.pullRequests.length, 0),
    ...(input.metrics ? { metrics: input.metrics } : {}),
    rollup: { rows, notIncluded, owner: input.home.owner, maxRepositories: input.maxRepositories },
  });
  return { ...report, repositories: Object.fromEntries(rows.map((row) => [row.name, row.metrics])), notIncluded };
}

/** The search listing a repository's own weekly reports (its first report label), or null when it publishes none. */
function ownReportsUrl(repository: RollupRepository): string | null {
  const [label] = repository.config.report.labels;
  if (!repository.config.report.enabled || label === undefined) return null;
  return `${repository.url}/issues?q=${encodeURIComponent(`is:issue label:"${label.replaceAll('"', "")}"`)}`;
}
