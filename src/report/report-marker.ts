import type { ReportMarkerData } from "../model/report-issue.js";
import { figureOf, type WeekMetrics } from "../model/week-metrics.js";
import { hiddenMarkerPrefix, parseHiddenMarker, renderHiddenMarker } from "../text/hidden-marker.js";
import { ISO_WEEK_PATTERN } from "../time/iso-week.js";
import { WEEK_METRICS } from "./metrics/registry.js";
import type { WeekMetric } from "./metrics/week-metric.js";

/**
 * The hidden marker at the end of every weekly report issue (README, "What the
 * figures mean"): `<!-- eng-health:report {"week":"2026-W47","metrics":{...}} -->`.
 * It is how publishing finds this week's report (by week, not by title) and
 * how the next report reads its trend without a database.
 */

const KIND = "report";

/** How every report marker starts; search for it to find report issues. */
export const REPORT_MARKER_PREFIX = hiddenMarkerPrefix(KIND);

/**
 * Render the marker for a report body: the week, and every registered
 * metric's figure in registry order (a missing figure is written as null);
 * for a rollup, each repository's figures the same way, under `repositories`.
 *
 * @param data the week and its metrics
 * @param registry the metric registry (default: `WEEK_METRICS`)
 * @returns one line, `<!-- eng-health:report {json} -->`
 */
export function renderReportMarker(data: ReportMarkerData, registry: readonly WeekMetric[] = WEEK_METRICS): string {
  const figures = (metrics: WeekMetrics) => Object.fromEntries(registry.map((metric) => [metric.key, figureOf(metrics, metric.key)]));
  const repositories =
    data.repositories === undefined
      ? {}
      : { repositories: Object.fromEntries(Object.entries(data.repositories).map(([name, metrics]) => [name, figures(metrics)])) };
  return renderHiddenMarker(KIND, { week: data.week, metrics: figures(data.metrics), ...repositories });
}

/**
 * Read the marker from an issue body. The last marker in the body wins (the
 * report renders its own at the very end; anything earlier came from quoted
 * text).
 *
 * Each registered metric is read on its own: a key that is missing (the
 * marker was written before the metric existed) or whose value is not of its
 * kind (counts: non-negative whole numbers; other figures: finite numbers or
 * null) is null, "no data" for that key only, so adding a metric never makes
 * earlier weeks unreadable. Keys the registry does not know are dropped.
 * A rollup's `repositories` are read the same way, each under its
 * `owner/name`; entries that are not an object of figures are dropped.
 *
 * @param body an issue body (`null`/empty tolerated by passing `""`)
 * @param registry the metric registry (default: `WEEK_METRICS`)
 * @returns the week and metrics, or `null` when there is no marker, its JSON
 *   is malformed, the week is not `YYYY-Www`, or it has no metrics object.
 *   A `null` means "recompute this week", never a crash.
 */
export function parseReportMarker(body: string, registry: readonly WeekMetric[] = WEEK_METRICS): ReportMarkerData | null {
  const parsed = parseHiddenMarker(body, KIND);
  if (!isRecord(parsed)) return null;
  const { week, metrics } = parsed;
  if (typeof week !== "string" || !ISO_WEEK_PATTERN.test(week) || !isRecord(metrics)) return null;
  const figures = (stored: Record<string, unknown>): WeekMetrics =>
    Object.fromEntries(registry.map((metric) => [metric.key, readFigure(metric, stored[metric.key])]));
  const { repositories } = parsed;
  if (!isRecord(repositories)) return { week, metrics: figures(metrics) };
  const perRepository = Object.entries(repositories).flatMap(([name, stored]) =>
    REPOSITORY_NAME.test(name) && isRecord(stored) ? [[name, figures(stored)] as const] : [],
  );
  return { week, metrics: figures(metrics), repositories: Object.fromEntries(perRepository) };
}

/** `owner/name` as a rollup's marker keys its repositories. */
const REPOSITORY_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/;

/** A stored figure when it is of the metric's kind, else null ("no data"). */
function readFigure(metric: WeekMetric, value: unknown): number | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return null;
  if (metric.kind === "count" && (!Number.isInteger(value) || value < 0)) return null;
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
