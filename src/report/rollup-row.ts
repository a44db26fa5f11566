import type { WeekMetrics } from "../model/week-metrics.js";

/** One repository of a rollup as its report shows it: a row of the "By repository" table. */
export interface RollupRow {
  /** `owner/name` as GitHub spells it (the key of the marker's `repositories`). */
  name: string;
  /** The repository's web page, e.g. `https://github.com/acme/widgets`: its items' links start with it. */
  url: string;
  /** Where the repository's own weekly reports are listed, or null when it publishes none. */
  reportsUrl: string | null;
  /** This week's figures for the repository alone (same metrics as the team's). */
  metrics: WeekMetrics;
  /** Problems in the repository's own config (those sections fell back to their defaults). */
  configErrors: number;
}

/** A repository named in `rollup.repos` whose pull requests are not in the figures, and why. */
export interface RollupOmission {
  /** `owner/name` as written in (or expanded from) `rollup.repos`. */
  repository: string;
  /**
   * `unreadable`: GitHub does not show it to the app (not installed there, renamed away, or no such
   * repository); `over-limit`: past the most repositories one rollup covers.
   */
  reason: "unreadable" | "over-limit";
}

/** A rollup as the renderer takes it. */
export interface RollupRenderInput {
  /** The rows, in the table's order. */
  rows: RollupRow[];
  notIncluded: RollupOmission[];
  /** The rollup repository's owner: its repositories are named without it (`widgets` for `acme/widgets`). */
  owner: string;
  /** The most repositories one rollup covers (named when some were left out for it). */
  maxRepositories: number;
}

/**
 * How the report names a repository: `widgets` when it belongs to the rollup
 * repository's owner, else `other-org/widgets`.
 */
export function shortRepositoryName(name: string, owner: string): string {
  const [first, ...rest] = name.split("/");
  return first?.toLowerCase() === owner.toLowerCase() && rest.length > 0 ? rest.join("/") : name;
}

/**
 * The repository a pull request or issue belongs to, from its link (links
 * start with the repository's page), or null when no row matches.
 *
 * @param rows the rollup's rows
 * @param htmlUrl the item's `htmlUrl`
 */
export function rowOfItem(rows: readonly RollupRow[], htmlUrl: string): RollupRow | null {
  const lower = htmlUrl.toLowerCase();
  return rows.find((row) => lower.startsWith(`${row.url.toLowerCase()}/`)) ?? null;
}
