import { describe, expect, it } from "vitest";
import { backtestPeriod, describeBacktestPeriod } from "../../../src/backtest/backtest-period.js";

/** Tuesday of 2026-W48: the last complete week is 2026-W47 (16 to 22 November). */
const NOW = "2026-11-24T10:00:00Z";

describe("backtestPeriod", () => {
  it("defaults to the last 4 complete ISO weeks", () => {
    expect(backtestPeriod({ now: NOW, timezone: "UTC" })).toEqual({
      from: "2026-10-26T00:00:00Z",
      to: "2026-11-23T00:00:00Z",
      firstWeek: "2026-W44",
      lastWeek: "2026-W47",
      weeks: 4,
      timezone: "UTC",
      firstDay: "2026-10-26",
      lastDay: "2026-11-22",
    });
  });

  it("places the weeks in report.timezone", () => {
    const period = backtestPeriod({ now: NOW, timezone: "Europe/Berlin", weeks: 1 });
    expect(period).toMatchObject({ from: "2026-11-15T23:00:00Z", to: "2026-11-22T23:00:00Z", firstWeek: "2026-W47", weeks: 1 });
    expect(describeBacktestPeriod(period)).toBe("2026-11-16 to 2026-11-22 (2026-W47, Europe/Berlin)");
  });

  it("--since starts at that date's Monday and runs to the last complete week", () => {
    const period = backtestPeriod({ now: NOW, timezone: "UTC", since: "2026-11-05" });
    expect(period).toMatchObject({ from: "2026-11-02T00:00:00Z", to: "2026-11-23T00:00:00Z", firstWeek: "2026-W45", lastWeek: "2026-W47", weeks: 3 });
    expect(describeBacktestPeriod(period)).toBe("2026-11-02 to 2026-11-22 (2026-W45 to 2026-W47, UTC)");
  });

  it("--since with --weeks takes that many weeks from the Monday, across a new year", () => {
    const period = backtestPeriod({ now: "2027-02-01T00:00:00Z", timezone: "UTC", since: "2026-12-30", weeks: 2 });
    expect(period).toMatchObject({ firstWeek: "2026-W53", lastWeek: "2027-W01", from: "2026-12-28T00:00:00Z", to: "2027-01-11T00:00:00Z", lastDay: "2027-01-10" });
  });

  it.each([
    [{ weeks: 0 }, "the number of weeks must be a whole number from 1 to 52; it is 0"],
    [{ weeks: 53 }, "the number of weeks must be a whole number from 1 to 52; it is 53"],
    [{ since: "2026-11-31" }, '"2026-11-31" is not a date: expected the form YYYY-MM-DD, e.g. 2026-11-16'],
    [{ since: "2026-11-23" }, "2026-11-23 falls in 2026-W48, which has not ended yet in UTC; the last complete week is 2026-W47"],
    [{ since: "2026-11-09", weeks: 3 }, "2026-W48 has not ended yet in UTC (it ends 2026-11-30T00:00:00Z); the last complete week is 2026-W47"],
    [{ since: "2025-10-01" }, "a backtest covers at most 52 weeks; 2025-W40 to 2026-W47 is 60"],
  ])("refuses %j with a one-line reason", (options, reason) => {
    expect(() => backtestPeriod({ now: NOW, timezone: "UTC", ...options })).toThrow(new RangeError(reason));
  });
});
