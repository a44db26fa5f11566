/**
 * One ISO week's figures, by metric key (README, "What the figures mean";
 * `src/report/metrics/registry.ts` lists the keys in order). They are stored
 * as JSON in each report's hidden marker, so the next report draws its trend
 * without recomputing past weeks: the key names are a stored format; add
 * keys, never rename them.
 *
 * Counts are whole numbers (0 when nothing happened). Figures over a
 * population are `null` when the population is empty ("no data", which is not
 * the same as 0). A key that is missing (a marker written before the metric
 * existed) is "no data" too: read figures with {@link figureOf}.
 */
export type WeekMetrics = Readonly<Partial<Record<string, number | null>>>;

/**
 * A figure of a week: the number, or null for "no data" (an empty
 * population, or a key the week's marker does not have).
 *
 * @param metrics a week's metrics
 * @param key a metric key, e.g. `prs_merged`
 */
export function figureOf(metrics: WeekMetrics, key: string): number | null {
  const value = metrics[key];
  return typeof value === "number" ? value : null;
}
