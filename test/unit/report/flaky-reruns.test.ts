import { describe, expect, it } from "vitest";
import { configSchema } from "../../../src/config/schema.js";
import type { ReportFlakyOccurrence } from "../../../src/model/report-facts.js";
import { measureWeek } from "../../../src/report/measure-week.js";
import { renderReport } from "../../../src/report/render-report.js";
import { buildReportFacts, buildReportFlakyIssue } from "../../helpers/build-report-facts.js";

const CONFIG = configSchema.parse({});

const occurrence = (check: string, at: string, pair: string, minutes: number): ReportFlakyOccurrence => ({ check, at, pair, minutes });

/** 2026-W47 (16 to 23 November, UTC) with flaky issues opened from CI evidence. */
function week() {
  return measureWeek(
    buildReportFacts({
      flakyIssues: [
        buildReportFlakyIssue({
          number: 101,
          title: "Flaky: unit-tests",
          ciOccurrences: [
            occurrence("unit-tests", "2026-11-15T23:59:59Z", "1-2", 9), // the week before
            occurrence("unit-tests", "2026-11-16T00:00:00Z", "3-4", 4), // the first instant of the week
            occurrence("unit-tests", "2026-11-20T12:00:00Z", "5-6", 3.5),
          ],
        }),
        // One occurrence attributed to two tests sits in both their issues: it counts once.
        buildReportFlakyIssue({ number: 102, title: "Flaky: a (e2e)", ciOccurrences: [occurrence("e2e", "2026-11-18T08:00:00Z", "7-8", 12.25)] }),
        buildReportFlakyIssue({ number: 103, title: "Flaky: b (e2e)", ciOccurrences: [occurrence("e2e", "2026-11-18T08:00:00Z", "7-8", 12.25)] }),
        buildReportFlakyIssue({ number: 104, title: "Flaky: lint", ciOccurrences: [occurrence("lint", "2026-11-23T00:00:00Z", "9-10", 1)] }), // next week
        buildReportFlakyIssue({ number: 105, title: "A flaky test someone labelled" }),
      ],
    }),
    CONFIG,
    [],
  );
}

describe("flaky re-runs in the weekly report", () => {
  it("counts the week's flaky occurrences once each, with the minutes of their failed runs", () => {
    const { metrics, flaky } = week();
    expect(metrics.flaky_reruns).toBe(3);
    expect(metrics.flaky_rerun_minutes).toBe(19.8);
    expect(flaky.reruns?.checks).toEqual([
      { check: "e2e", count: 1, minutes: 12.3 },
      { check: "unit-tests", count: 2, minutes: 7.5 },
    ]);
  });

  it("says what they cost, naming the costliest checks and no one", () => {
    const measured = week();
    const { body } = renderReport({
      week: "2026-W47",
      monday: "2026-11-16",
      metrics: measured.metrics,
      previous: null,
      trend: [],
      waiting: measured.waiting,
      flaky: measured.flaky,
      config: CONFIG,
      apiCalls: 3,
      configUrl: "https://github.com/acme/widgets/blob/main/.github/eng-health.yml",
    });
    expect(body).toContain(
      "3 flaky re-runs this week cost 19.8 minutes of CI; the costliest checks: `e2e` (1 re-run, 12.3 minutes), `unit-tests` (2 re-runs, 7.5 minutes).",
    );
    expect(body).toContain('"flaky_reruns":3,"flaky_rerun_minutes":19.8');
  });

  it("a week without flaky re-runs shows no such line, and zeros in the marker", () => {
    const { metrics, flaky } = measureWeek(buildReportFacts(), CONFIG, []);
    expect([metrics.flaky_reruns, metrics.flaky_rerun_minutes, flaky.reruns]).toEqual([0, 0, { count: 0, minutes: 0, checks: [] }]);
  });
});
