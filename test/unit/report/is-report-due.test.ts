import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type Config } from "../../../src/config/schema.js";
import { isReportDue } from "../../../src/report/is-report-due.js";

type Report = Pick<Config["report"], "day" | "time" | "timezone">;
const report = (overrides: Partial<Report>): Report => ({ day: "monday", time: "09:00", timezone: "UTC", ...overrides });

describe("isReportDue", () => {
  it.each([
    // Europe/Berlin, the week before DST ends (2026-10-25): Monday 09:00 CEST is 07:00 UTC.
    { zone: "Europe/Berlin", now: "2026-10-19T06:59:59Z", due: false, week: "2026-W42", at: "2026-10-19T07:00:00Z" },
    { zone: "Europe/Berlin", now: "2026-10-19T07:00:00Z", due: true, week: "2026-W42", at: "2026-10-19T07:00:00Z" },
    // The week DST ends in: Monday 09:00 CET is 08:00 UTC; 07:00 UTC is only 08:00 local.
    { zone: "Europe/Berlin", now: "2026-10-26T07:00:00Z", due: false, week: "2026-W43", at: "2026-10-26T08:00:00Z" },
    { zone: "Europe/Berlin", now: "2026-10-26T08:00:00Z", due: true, week: "2026-W43", at: "2026-10-26T08:00:00Z" },
    // America/New_York, DST starts 2026-03-08: 09:00 EST is 14:00 UTC, 09:00 EDT is 13:00 UTC.
    { zone: "America/New_York", now: "2026-03-02T13:59:00Z", due: false, week: "2026-W09", at: "2026-03-02T14:00:00Z" },
    { zone: "America/New_York", now: "2026-03-02T14:00:00Z", due: true, week: "2026-W09", at: "2026-03-02T14:00:00Z" },
    { zone: "America/New_York", now: "2026-03-09T12:59:59Z", due: false, week: "2026-W10", at: "2026-03-09T13:00:00Z" },
    { zone: "America/New_York", now: "2026-03-09T13:00:00Z", due: true, week: "2026-W10", at: "2026-03-09T13:00:00Z" },
    // Monday 00:30 local in New York is still Sunday in UTC: the week that just ended is the due one.
    { zone: "America/New_York", now: "2026-03-09T04:30:00Z", due: false, week: "2026-W10", at: "2026-03-09T13:00:00Z" },
    // Still due later in the week (a restart or a missed tick publishes then).
    { zone: "UTC", now: "2026-11-26T18:00:00Z", due: true, week: "2026-W47", at: "2026-11-23T09:00:00Z" },
  ])("$zone at $now: due $due for $week (scheduled $at)", ({ zone, now, due, week, at }) => {
    expect(isReportDue(now, report({ timezone: zone }))).toEqual({ due, week, at });
  });

  it.each([
    // Friday 16:30 after the week: not due on the Monday, due from Friday 16:30 local.
    { day: "friday" as const, time: "16:30", now: "2026-11-23T12:00:00Z", due: false, at: "2026-11-27T15:30:00Z" },
    { day: "friday" as const, time: "16:30", now: "2026-11-27T15:30:00Z", due: true, at: "2026-11-27T15:30:00Z" },
    { day: "sunday" as const, time: "23:59", now: "2026-11-29T22:58:00Z", due: false, at: "2026-11-29T22:59:00Z" },
    { day: "tuesday" as const, time: "00:00", now: "2026-11-23T23:00:00Z", due: true, at: "2026-11-23T23:00:00Z" },
  ])("report.day $day at $time in Europe/Berlin, $now: due $due", ({ day, time, now, due, at }) => {
    expect(isReportDue(now, report({ day, time, timezone: "Europe/Berlin" }))).toEqual({ due, week: "2026-W47", at });
  });

  it("moves a time the spring-forward night skips forward with the clocks", () => {
    // Europe/Berlin jumps from 02:00 to 03:00 on Sunday 2026-03-29; 02:30 does not exist that day.
    const due = isReportDue("2026-03-29T12:00:00Z", report({ day: "sunday", time: "02:30", timezone: "Europe/Berlin" }));
    expect(due).toEqual({ due: true, week: "2026-W12", at: "2026-03-29T01:30:00Z" });
  });

  it.each([
    // Eight and a half days around each DST change of 2026: two Mondays each, one on either side of the change.
    { zone: "Europe/Berlin", from: "2026-03-22T12:00:00Z", to: "2026-03-31T00:00:00Z", weeks: ["2026-W12", "2026-W13"] },
    { zone: "Europe/Berlin", from: "2026-10-18T12:00:00Z", to: "2026-10-27T00:00:00Z", weeks: ["2026-W42", "2026-W43"] },
    { zone: "America/New_York", from: "2026-03-01T12:00:00Z", to: "2026-03-10T00:00:00Z", weeks: ["2026-W09", "2026-W10"] },
    { zone: "America/New_York", from: "2026-10-25T12:00:00Z", to: "2026-11-03T00:00:00Z", weeks: ["2026-W43", "2026-W44"] },
  ])("checked every 15 minutes in $zone from $from, fires once per week, at Monday 09:00 local", ({ zone, from, to, weeks }) => {
    // The week due when the checks start was published before them.
    const published = new Map<string, string>([[isReportDue(from, report({ timezone: zone })).week, "earlier"]]);
    for (let ms = Date.parse(from); ms < Date.parse(to); ms += 15 * 60_000) {
      const now = new Date(ms).toISOString();
      const result = isReportDue(now, report({ ...DEFAULT_CONFIG.report, timezone: zone }));
      // What the job does: publish when due and the week has no report yet.
      if (result.due && !published.has(result.week)) published.set(result.week, now);
    }
    published.delete(isReportDue(from, report({ timezone: zone })).week);
    expect([...published.keys()]).toEqual(weeks);
    for (const at of published.values()) {
      const local = new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(at));
      expect(local).toBe("Mon 09:00");
    }
  });

  it("throws for an unknown time zone", () => {
    expect(() => isReportDue("2026-11-23T09:00:00Z", report({ timezone: "Mars/Olympus" }))).toThrow(/Mars\/Olympus/);
  });
});
