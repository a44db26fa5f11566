import type { Config } from "../config/schema.js";
import { figureOf } from "../model/week-metrics.js";
import { countOf } from "../text/count-of.js";
import { NO_FIGURE } from "../text/format-figures.js";
import { joinWords } from "../text/join-words.js";
import type { WeekMetric } from "./metrics/week-metric.js";
import { shortRepositoryName, type RollupRenderInput, type RollupRow } from "./rollup-row.js";

/** Counts the table shows besides the agreements, with their headings. */
const COUNT_COLUMNS: Readonly<Record<string, string>> = { prs_opened: "PRs opened", prs_merged: "PRs merged" };

/** Agreements the table leaves out: the p90 is in the team's figures only. */
const LEFT_OUT = new Set(["ttfr_p90_hours"]);

/** Repositories named in one "not included" line before "and N more". */
const MAX_NAMED = 10;

/**
 * The "By repository" section of a rollup report (pure): one row per
 * repository with its PRs opened and merged and each agreement's figure for
 * that repository alone (time to first review, reviews within target, the
 * rules' pass rates, open flaky tests), the repository linking to its own
 * weekly reports when it publishes them; then a line on how the figures are
 * measured, the repositories whose config has problems, and those not
 * included (not readable, or past the most one rollup covers), by name, so
 * none is dropped silently. Repositories only: no person is named.
 *
 * @param rollup the rows and omissions
 * @param registry the metric registry: its counts and agreements, in order, are the columns
 * @param config the rollup repository's config (`review` and `flaky` name the agreements)
 * @returns markdown, without a heading
 */
export function renderRollupSection(rollup: RollupRenderInput, registry: readonly WeekMetric[], config: Pick<Config, "review" | "flaky">): string {
  const columns = registry.filter((metric) => !LEFT_OUT.has(metric.key) && (metric.key in COUNT_COLUMNS || metric.agreement !== undefined));
  const heading = ["Repository", ...columns.map((metric) => COUNT_COLUMNS[metric.key] ?? metric.agreement?.name(config) ?? metric.key)];
  const rows = rollup.rows.map((row) => [
    repositoryCell(row, rollup.owner),
    ...columns.map((metric) => {
      const value = figureOf(row.metrics, metric.key);
      if (metric.agreement !== undefined) return metric.agreement.format(value);
      return value === null ? NO_FIGURE : String(value);
    }),
  ]);
  const separator = `|${heading.map((_, index) => (index === 0 ? "---" : "---:")).join("|")}|`;
  const table = [`| ${heading.join(" | ")} |`, separator, ...rows.map((cells) => `| ${cells.join(" | ")} |`)];
  const notes = [
    rollup.rows.length === 0
      ? "No repository of the rollup could be read this week."
      : "Review times use this repository's `review` settings for every repository, so they share one clock; pass rates use each repository's own rules.",
    ...configNotes(rollup),
    ...omissionNotes(rollup),
  ];
  return [...(rollup.rows.length === 0 ? [] : [...table, ""]), ...notes.flatMap((note, index) => (index === 0 ? [note] : ["", note]))].join("\n");
}

function repositoryCell(row: RollupRow, owner: string): string {
  const link = `[${shortRepositoryName(row.name, owner)}](${row.url})`;
  return row.reportsUrl === null ? link : `${link} ([its reports](${row.reportsUrl}))`;
}

function configNotes(rollup: RollupRenderInput): string[] {
  const broken = rollup.rows.filter((row) => row.configErrors > 0);
  if (broken.length === 0) return [];
  const names = joinWords(broken.map((row) => `\`${shortRepositoryName(row.name, rollup.owner)}\``));
  return [
    `The config of ${names} has problems, so the affected sections use their defaults there. Could someone open its \`.github/eng-health.yml\`? The next check run on a pull request there names each problem and its line.`,
  ];
}

function omissionNotes(rollup: RollupRenderInput): string[] {
  const named = (reason: "unreadable" | "over-limit"): string | null => {
    const names = rollup.notIncluded.filter((omission) => omission.reason === reason).map((omission) => `\`${omission.repository}\``);
    if (names.length === 0) return null;
    const shown = names.slice(0, MAX_NAMED);
    return names.length > shown.length ? `${shown.join(", ")} and ${names.length - shown.length} more` : joinWords(shown);
  };
  const notes: string[] = [];
  const unreadable = named("unreadable");
  if (unreadable !== null) {
    notes.push(
      `Not included: ${unreadable}, listed in \`rollup.repos\` but not readable by the app, so ${rollup.notIncluded.filter((omission) => omission.reason === "unreadable").length === 1 ? "its" : "their"} pull requests are not in these figures. Is the app installed there, and is the name still right?`,
    );
  }
  const over = named("over-limit");
  if (over !== null) {
    notes.push(
      `Also not included: ${over}, past the ${countOf(rollup.maxRepositories, "repository", "repositories")} one report covers. Could the team split them into a second rollup, in another repository?`,
    );
  }
  return notes;
}
