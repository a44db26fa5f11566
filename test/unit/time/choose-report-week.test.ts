import { describe, expect, it } from "vitest";
import { chooseReportWeek } from "../../../src/time/choose-report-week.js";

describe("chooseReportWeek", () => {
  it("defaults to the last complete ISO week in the time zone", () => {
    expect(chooseReportWeek({ week: null, nowIso: "2026-11-23T09:00:00Z", timezone: "UTC" })).toEqual({
      week: "2026-W47",
      start: "2026-11-16T00:00:00Z",
      end: "2026-11-23T00:00:00Z",
      monday: "2026-11-16",
    });
    // Sunday 23:30 in Los Angeles is Monday 07:30 UTC: the week there has not ended, so the one before is the last complete.
    expect(chooseReportWeek({ week: null, nowIso: "2026-11-23T07:30:00Z", timezone: "America/Los_Angeles" }).week).toBe("2026-W46");
  });

  it("takes a week that has ended, and refuses one that has not", () => {
    expect(chooseReportWeek({ week: "2026-W40", nowIso: "2026-11-23T09:00:00Z", timezone: "UTC" }).week).toBe("2026-W40");
    expect(() => chooseReportWeek({ week: "2026-W48", nowIso: "2026-11-23T09:00:00Z", timezone: "UTC" })).toThrow(
      "2026-W48 has not ended yet in UTC (it ends 2026-11-30T00:00:00Z); the last complete week is 2026-W47",
    );
  });

  it("refuses a malformed week", () => {
    expect(() => chooseReportWeek({ week: "W47", nowIso: "2026-11-23T09:00:00Z", timezone: "UTC" })).toThrow("is not an ISO week");
  });
});
