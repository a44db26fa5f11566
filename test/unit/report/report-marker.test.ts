import { describe, expect, it } from "vitest";
import { parseReportMarker, renderReportMarker, REPORT_MARKER_PREFIX } from "../../../src/report/report-marker.js";
import type { WeekMetrics } from "../../../src/model/week-metrics.js";

const METRICS: WeekMetrics = {
  prs_opened: 34,
  prs_merged: 31,
  ttfr_median_hours: 3.2,
  ttfr_p90_hours: 20.75,
  review_sla_met_pct: 93.8,
  reasoning_pass_pct: 81,
  tests_pass_pct: null,
  size_pass_pct: 75,
  flaky_open: 4,
  flaky_unassigned: 1,
  flaky_opened: 1,
  flaky_closed: 2,
  flaky_oldest_days: 23.4,
  flaky_reruns: 3,
  flaky_rerun_minutes: 12.5,
  waiting_for_review: 2,
};

describe("renderReportMarker", () => {
  it("writes the week and the metrics, in the registry's key order, as one hidden line", () => {
    expect(renderReportMarker({ week: "2026-W47", metrics: METRICS })).toMatchInlineSnapshot(
      `"<!-- eng-health:report {"week":"2026-W47","metrics":{"prs_opened":34,"prs_merged":31,"ttfr_median_hours":3.2,"ttfr_p90_hours":20.75,"review_sla_met_pct":93.8,"reasoning_pass_pct":81,"tests_pass_pct":null,"size_pass_pct":75,"flaky_open":4,"flaky_unassigned":1,"flaky_opened":1,"flaky_closed":2,"flaky_oldest_days":23.4,"flaky_reruns":3,"flaky_rerun_minutes":12.5,"waiting_for_review":2}} -->"`,
    );
  });

  it("never lets the JSON end the comment early", () => {
    const marker = renderReportMarker({ week: "2026-W47 --> <!-- x", metrics: METRICS });
    const json = marker.slice(REPORT_MARKER_PREFIX.length, -" -->".length);
    expect(json).not.toContain("-->");
    expect(json).not.toContain("<");
    expect(JSON.parse(json)).toMatchObject({ week: "2026-W47 --> <!-- x" });
  });
});

describe("parseReportMarker", () => {
  it("round-trips what renderReportMarker wrote, inside a longer body", () => {
    const body = `## Wins\n- 31 merged\n\n<sub>footer</sub>\n${renderReportMarker({ week: "2026-W47", metrics: METRICS })}\n`;
    expect(parseReportMarker(body)).toEqual({ week: "2026-W47", metrics: METRICS });
  });

  it("reads the last marker when quoted text carries an earlier one", () => {
    const older = renderReportMarker({ week: "2026-W40", metrics: { ...METRICS, prs_merged: 1 } });
    const body = `> ${older}\n\n${renderReportMarker({ week: "2026-W47", metrics: METRICS })}`;
    expect(parseReportMarker(body)?.week).toBe("2026-W47");
  });

  it.each([
    ["no marker", "## Wins\nnothing here"],
    ["an unterminated marker", `${REPORT_MARKER_PREFIX}{"week":"2026-W47"`],
    ["malformed JSON", `${REPORT_MARKER_PREFIX}{week: 2026-W47} -->`],
    ["JSON that is not an object", `${REPORT_MARKER_PREFIX}[1,2] -->`],
    ["a bad week", `${REPORT_MARKER_PREFIX}${JSON.stringify({ week: "last week", metrics: METRICS })} -->`],
    ["missing metrics", `${REPORT_MARKER_PREFIX}${JSON.stringify({ week: "2026-W47" })} -->`],
  ])("returns null for %s", (_case, body) => {
    expect(parseReportMarker(body)).toBeNull();
  });

  // A marker written before a metric existed, or with one bad figure, keeps every other figure:
  // the trend is never recomputed for one key (issue 8: "add keys, never rename them").
  it.each([
    ["a missing key", "prs_merged", undefined],
    ["a null count", "flaky_open", null],
    ["a fractional count", "prs_opened", 1.5],
    ["a string figure", "ttfr_median_hours", "3.2"],
  ])("reads %s as no data for that key only", (_case, key, value) => {
    const body = `${REPORT_MARKER_PREFIX}${JSON.stringify({ week: "2026-W47", metrics: { ...METRICS, [key]: value } })} -->`;
    expect(parseReportMarker(body)).toEqual({ week: "2026-W47", metrics: { ...METRICS, [key]: null } });
  });

  it("ignores keys it does not know (written by a newer version)", () => {
    const body = `${REPORT_MARKER_PREFIX}${JSON.stringify({ week: "2026-W47", metrics: { ...METRICS, future_metric: 7 } })} -->`;
    expect(parseReportMarker(body)).toEqual({ week: "2026-W47", metrics: METRICS });
  });
});
