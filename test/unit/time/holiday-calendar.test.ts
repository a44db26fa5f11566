import { describe, expect, it } from "vitest";
import { createHolidayCalendar } from "../../../src/time/holiday-calendar.js";

describe("createHolidayCalendar", () => {
  it.each([
    { entries: [], date: "2026-12-25", expected: false },
    { entries: ["2026-11-17"], date: "2026-11-17", expected: true },
    { entries: ["2026-11-17"], date: "2026-11-18", expected: false },
    { entries: ["DE"], date: "2026-10-03", expected: true }, // Tag der Deutschen Einheit (a Saturday in 2026)
    { entries: ["DE"], date: "2026-12-25", expected: true },
    { entries: ["DE"], date: "2026-12-24", expected: false }, // Heiliger Abend is a bank half-day, not public
    { entries: ["DE"], date: "2026-10-31", expected: false }, // Reformationstag: public in some states only
    { entries: ["DE"], date: "2027-01-01", expected: true }, // looked up for the next year too
    { entries: ["US-CA"], date: "2026-03-31", expected: true }, // César Chávez Day
    { entries: ["US"], date: "2026-03-31", expected: false },
    { entries: ["US"], date: "2026-07-03", expected: true }, // Independence Day observed (the 4th is a Saturday)
    { entries: ["GB-SCT"], date: "2026-11-30", expected: true }, // St Andrew's Day
    { entries: ["GB-ENG"], date: "2026-11-30", expected: false },
    { entries: ["DE", "2026-11-17"], date: "2026-11-17", expected: true },
  ])("$entries: $date is a holiday: $expected", ({ entries, date, expected }) => {
    expect(createHolidayCalendar(entries).isHoliday(date)).toBe(expected);
  });

  it.each([
    { entry: "2026-13-01", error: /not a real calendar date/ },
    { entry: "ZZ", error: /"ZZ" is not a country/ },
    { entry: "US-XY", error: /"XY" is not a region of US/ },
    { entry: "de", error: /neither an ISO date/ },
  ])("rejects $entry", ({ entry, error }) => {
    expect(() => createHolidayCalendar([entry])).toThrow(error);
  });
});
