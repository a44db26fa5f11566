import { ISO_WEEK_PATTERN } from "../time/iso-week.js";
import type { ReportMarkerData } from "../model/report-issue.js";
import { WEEK_COUNT_KEYS, WEEK_METRIC_KEYS, type WeekMetrics } from "./week-metrics.js";

/**
 * The hidden marker at the end of every weekly report issue (design doc,
 * "Report metrics"): `<!-- eng-health:report {"week":"2026-W47","metrics":{...}} -->`.
 * It is how publishing finds this week's report (by week, not by title) and
 * how the next report reads its trend without a database.
 */

/** How every report marker starts; search for it to find report issues. */
export const REPORT_MARKER_PREFIX = "<!-- eng-health:report ";

/** How an HTML comment ends; the JSON inside must never contain it. */
const COMMENT_END = "-->";

/**
 * Render the marker for a report body.
 *
 * The JSON is written with `<` and `>` as `\u003c` and `\u003e` (JSON
 * escapes that `JSON.parse` reads back), so no string inside can end the HTML
 * comment early or open another one.
 *
 * @param data the week and its metrics (metric keys in the design doc's order)
 * @returns one line, `<!-- eng-health:report {json} -->`
 */
export function renderReportMarker(data: ReportMarkerData): string {
  const metrics = Object.fromEntries(WEEK_METRIC_KEYS.map((key) => [key, data.metrics[key]]));
  const json = JSON.stringify({ week: data.week, metrics })
    .replaceAll("<", "\\u003c")
    .replaceAll(">", "\\u003e");
  return `${REPORT_MARKER_PREFIX}${json} ${COMMENT_END}`;
}

/**
 * Read the marker from an issue body. The last marker in the body wins (the
 * report renders its own at the very end; anything earlier came from quoted
 * text).
 *
 * @param body an issue body (`null`/empty tolerated by passing `""`)
 * @returns the week and metrics, or `null` when there is no marker, its JSON
 *   is malformed, the week is not `YYYY-Www`, or any metric is missing or of
 *   the wrong type (counts: non-negative whole numbers; other figures: finite
 *   numbers or null). A `null` means "recompute this week", never a crash.
 */
export function parseReportMarker(body: string): ReportMarkerData | null {
  const at = body.lastIndexOf(REPORT_MARKER_PREFIX);
  if (at === -1) return null;
  const from = at + REPORT_MARKER_PREFIX.length;
  const to = body.indexOf(COMMENT_END, from);
  if (to === -1) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.slice(from, to));
  } catch {
    return null;
  }
  if (!isRecord(parsed)) return null;
  const { week, metrics } = parsed;
  if (typeof week !== "string" || !ISO_WEEK_PATTERN.test(week) || !isRecord(metrics)) return null;
  const valid = readMetrics(metrics);
  return valid === null ? null : { week, metrics: valid };
}

/** The metrics when every key is present and of its kind, else null. */
function readMetrics(raw: Record<string, unknown>): WeekMetrics | null {
  const counts: ReadonlySet<string> = new Set(WEEK_COUNT_KEYS);
  const result: Record<string, number | null> = {};
  for (const key of WEEK_METRIC_KEYS) {
    const value = raw[key];
    if (counts.has(key)) {
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0) return null;
    } else if (value !== null && (typeof value !== "number" || !Number.isFinite(value))) {
      return null;
    }
    result[key] = value;
  }
  // Every key was checked above against its kind, so this is a WeekMetrics.
  return result as unknown as WeekMetrics;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
