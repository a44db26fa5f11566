import { describe, expect, it } from "vitest";
import { selectPreviousReport, selectReportForWeek } from "../../../src/report/select-report-issue.js";
import { type ReportIssue } from "../../../src/model/report-issue.js";
import type { WeekMetrics } from "../../../src/model/week-metrics.js";

const METRICS = { prs_opened: 1 } as WeekMetrics;

function issue(number: number, week: string | null, overrides: Partial<ReportIssue> = {}): ReportIssue {
  return {
    number,
    title: `Team health: ${week ?? "no marker"}`,
    state: "open",
    htmlUrl: `https://github.com/acme/widgets/issues/${number}`,
    labels: ["team-health"],
    marker: week === null ? null : { week, metrics: METRICS },
    ...overrides,
  };
}

describe("selectReportForWeek", () => {
  it.each([
    { name: "by marker, whatever the title", issues: [issue(5, "2026-W47", { title: "Renamed by someone" })], expected: 5 },
    { name: "the lowest number when duplicates exist", issues: [issue(9, "2026-W47"), issue(5, "2026-W47")], expected: 5 },
    { name: "by exact title when the marker was edited away", issues: [issue(7, null, { title: "Team health: week of 2026-11-16" })], expected: 7 },
    { name: "a marker wins over a title match", issues: [issue(3, null, { title: "Team health: week of 2026-11-16" }), issue(8, "2026-W47")], expected: 8 },
    { name: "not another week's report with the same title", issues: [issue(4, "2026-W46", { title: "Team health: week of 2026-11-16" })], expected: null },
    { name: "nothing in an empty listing", issues: [], expected: null },
  ])("$name", ({ issues, expected }) => {
    expect(selectReportForWeek(issues, "2026-W47", "Team health: week of 2026-11-16")?.number ?? null).toBe(expected);
  });
});

describe("selectPreviousReport", () => {
  it.each([
    { name: "the latest earlier week", issues: [issue(1, "2026-W44"), issue(3, "2026-W46"), issue(2, "2026-W45")], expected: 3 },
    { name: "across a year boundary", issues: [issue(1, "2026-W52"), issue(2, "2026-W53")], week: "2027-W01", expected: 2 },
    { name: "even when closed (the caller checks the state)", issues: [issue(3, "2026-W46", { state: "closed" })], expected: 3 },
    { name: "none for a backfill: a later week has a report", issues: [issue(3, "2026-W46"), issue(4, "2026-W48")], expected: null },
    { name: "issues without a marker are ignored", issues: [issue(3, null), issue(2, "2026-W40")], expected: 2 },
    { name: "not this week's own report", issues: [issue(3, "2026-W47")], expected: null },
  ])("$name", ({ issues, week, expected }) => {
    expect(selectPreviousReport(issues, week ?? "2026-W47")?.number ?? null).toBe(expected);
  });
});
