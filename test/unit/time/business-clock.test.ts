import { describe, expect, it } from "vitest";
import type { BusinessHours } from "../../../src/config/schema.js";
import type { Weekday } from "../../../src/config/schema-values.js";
import { createBusinessClock } from "../../../src/time/business-clock.js";

const WEEKDAYS: Weekday[] = ["mon", "tue", "wed", "thu", "fri"];

function hoursIn(timezone: string, extra: Partial<BusinessHours> = {}): BusinessHours {
  return { timezone, start: "09:00", end: "17:00", days: WEEKDAYS, ...extra };
}

describe("createBusinessClock with business hours", () => {
  it.each([
    // 2026-11-13 is a Friday, 2026-11-16 the Monday after.
    { name: "Friday 16:00 to Monday 10:00 (UTC)", zone: "UTC", start: "2026-11-13T16:00:00Z", end: "2026-11-16T10:00:00Z", expected: 2 },
    // Berlin goes CET -> CEST on Sunday 2026-03-29 (last Sunday of March).
    { name: "the same across spring DST in Europe/Berlin", zone: "Europe/Berlin", start: "2026-03-27T16:00:00+01:00", end: "2026-03-30T10:00:00+02:00", expected: 2 },
    // ...and CEST -> CET on Sunday 2026-10-25 (last Sunday of October).
    { name: "the same across autumn DST in Europe/Berlin", zone: "Europe/Berlin", start: "2026-10-23T16:00:00+02:00", end: "2026-10-26T10:00:00+01:00", expected: 2 },
    // New York goes EST -> EDT on Sunday 2026-03-08 and back on Sunday 2026-11-01.
    { name: "the same across spring DST in America/New_York", zone: "America/New_York", start: "2026-03-06T16:00:00-05:00", end: "2026-03-09T10:00:00-04:00", expected: 2 },
    { name: "the same across autumn DST in America/New_York", zone: "America/New_York", start: "2026-10-30T16:00:00-04:00", end: "2026-11-02T10:00:00-05:00", expected: 2 },
    { name: "instants given in UTC are placed in the zone (Berlin 16:00 CET = 15:00Z)", zone: "Europe/Berlin", start: "2026-03-27T15:00:00Z", end: "2026-03-30T08:00:00Z", expected: 2 },
    { name: "start and end both outside hours, over a weekend", zone: "UTC", start: "2026-11-13T18:00:00Z", end: "2026-11-16T08:00:00Z", expected: 0 },
    { name: "start on Saturday, end Monday 09:30", zone: "UTC", start: "2026-11-14T12:00:00Z", end: "2026-11-16T09:30:00Z", expected: 0.5 },
    { name: "start before opening, end after closing, same day", zone: "UTC", start: "2026-11-19T07:00:00Z", end: "2026-11-19T20:00:00Z", expected: 8 },
    { name: "closing time to opening time is no time at all", zone: "UTC", start: "2026-11-13T17:00:00Z", end: "2026-11-16T09:00:00Z", expected: 0 },
    { name: "within one working day", zone: "UTC", start: "2026-11-17T10:15:00Z", end: "2026-11-17T11:45:00Z", expected: 1.5 },
    { name: "end before start", zone: "UTC", start: "2026-11-16T10:00:00Z", end: "2026-11-13T16:00:00Z", expected: 0 },
    { name: "end equal to start", zone: "UTC", start: "2026-11-16T10:00:00Z", end: "2026-11-16T10:00:00Z", expected: 0 },
    { name: "four weeks", zone: "UTC", start: "2026-11-02T09:00:00Z", end: "2026-11-30T09:00:00Z", expected: 160 },
    { name: "four weeks across autumn DST in America/New_York", zone: "America/New_York", start: "2026-10-19T09:00:00-04:00", end: "2026-11-16T09:00:00-05:00", expected: 160 },
    { name: "a whole year of Monday-to-Friday weeks", zone: "Europe/Berlin", start: "2026-01-05T00:00:00+01:00", end: "2027-01-04T00:00:00+01:00", expected: 52 * 40 },
  ])("$name: $expected h", ({ zone, start, end, expected }) => {
    const clock = createBusinessClock({ business_hours: hoursIn(zone), holidays: [] });
    expect(clock.hoursBetween(start, end)).toBeCloseTo(expected, 9);
  });

  it.each([
    // 01:00-04:00 on the night Berlin skips 02:00-03:00 is two real hours...
    { name: "a window around the skipped hour", start: "2026-03-29T00:00:00+01:00", end: "2026-03-30T00:00:00+02:00", expected: 2 },
    // ...and on the night it repeats 02:00-03:00, four.
    { name: "a window around the repeated hour", start: "2026-10-25T00:00:00+02:00", end: "2026-10-26T00:00:00+01:00", expected: 4 },
  ])("counts the hours that really elapse on a DST night: $name", ({ start, end, expected }) => {
    const clock = createBusinessClock({
      business_hours: hoursIn("Europe/Berlin", { start: "01:00", end: "04:00", days: ["sun"] }),
      holidays: [],
    });
    expect(clock.hoursBetween(start, end)).toBeCloseTo(expected, 9);
  });

  it("uses the configured window and working days", () => {
    const clock = createBusinessClock({
      business_hours: hoursIn("Asia/Kolkata", { start: "08:30", end: "12:15", days: ["sat", "sun"] }),
      holidays: [],
    });
    // Saturday 2026-11-14 and Sunday 2026-11-15 are working days here; Friday and Monday are not.
    expect(clock.hoursBetween("2026-11-13T00:00:00+05:30", "2026-11-17T00:00:00+05:30")).toBeCloseTo(7.5, 9);
  });
});

describe("createBusinessClock with holidays", () => {
  it.each([
    // Monday 2026-11-16 16:00 to Wednesday 10:00: 1 h + 8 h (Tuesday) + 1 h.
    { name: "no holidays", zone: "UTC", holidays: [], start: "2026-11-16T16:00:00Z", end: "2026-11-18T10:00:00Z", expected: 10 },
    { name: "an ISO-date holiday in the middle", zone: "UTC", holidays: ["2026-11-17"], start: "2026-11-16T16:00:00Z", end: "2026-11-18T10:00:00Z", expected: 2 },
    { name: "an ISO-date holiday at the start", zone: "UTC", holidays: ["2026-11-16"], start: "2026-11-16T16:00:00Z", end: "2026-11-18T10:00:00Z", expected: 9 },
    // The date is a day in the business-hours zone: Tuesday 09:00-17:00 in Los Angeles ends on Wednesday in UTC.
    { name: "an ISO date is a day in the business-hours zone", zone: "America/Los_Angeles", holidays: ["2026-11-17"], start: "2026-11-17T09:00:00-08:00", end: "2026-11-17T17:00:00-08:00", expected: 0 },
    // Thursday 2026-12-24 16:00 to Monday 2026-12-28 10:00: Friday 25th is Christmas Day in Germany.
    { name: "Germany's public holidays (DE)", zone: "Europe/Berlin", holidays: ["DE"], start: "2026-12-24T16:00:00+01:00", end: "2026-12-28T10:00:00+01:00", expected: 2 },
    { name: "the same span without holidays", zone: "Europe/Berlin", holidays: [], start: "2026-12-24T16:00:00+01:00", end: "2026-12-28T10:00:00+01:00", expected: 10 },
    // Christmas Eve is only a bank half-day in date-holidays' DE data: it stays a working day.
    { name: "non-public holidays are working days", zone: "Europe/Berlin", holidays: ["DE"], start: "2026-12-24T09:00:00+01:00", end: "2026-12-25T17:00:00+01:00", expected: 8 },
    // Tuesday 2026-03-31 is César Chávez Day, a public holiday in California but not in the US as a whole.
    { name: "a region's own holiday (US-CA)", zone: "America/Los_Angeles", holidays: ["US-CA"], start: "2026-03-30T16:00:00-07:00", end: "2026-04-01T10:00:00-07:00", expected: 2 },
    { name: "the country without the region (US)", zone: "America/Los_Angeles", holidays: ["US"], start: "2026-03-30T16:00:00-07:00", end: "2026-04-01T10:00:00-07:00", expected: 10 },
    // Across a new year: Thursday 2026-12-31 16:00 to Monday 2027-01-04 10:00, with Friday 1 January off.
    { name: "holidays of the next year", zone: "Europe/Berlin", holidays: ["DE"], start: "2026-12-31T16:00:00+01:00", end: "2027-01-04T10:00:00+01:00", expected: 2 },
    { name: "ISO dates and a country together", zone: "Europe/Berlin", holidays: ["DE", "2026-12-28"], start: "2026-12-24T16:00:00+01:00", end: "2026-12-29T10:00:00+01:00", expected: 2 },
  ])("$name: $expected h", ({ zone, holidays, start, end, expected }) => {
    const clock = createBusinessClock({ business_hours: hoursIn(zone), holidays });
    expect(clock.hoursBetween(start, end)).toBeCloseTo(expected, 9);
  });
});

describe("createBusinessClock with business_hours: false", () => {
  const clock = createBusinessClock({ business_hours: false, holidays: ["DE", "2026-11-16"] });

  it.each([
    { name: "Friday 16:00 to Monday 10:00 is 66 wall-clock hours", start: "2026-11-13T16:00:00Z", end: "2026-11-16T10:00:00Z", expected: 66 },
    { name: "holidays are ignored", start: "2026-12-24T00:00:00+01:00", end: "2026-12-26T00:00:00+01:00", expected: 48 },
    { name: "the spring-forward day has 23 hours", start: "2026-03-08T00:00:00-05:00", end: "2026-03-09T00:00:00-04:00", expected: 23 },
    { name: "end before start", start: "2026-11-16T10:00:00Z", end: "2026-11-13T16:00:00Z", expected: 0 },
  ])("$name", ({ start, end, expected }) => {
    expect(clock.hoursBetween(start, end)).toBeCloseTo(expected, 9);
  });
});

describe("createBusinessClock errors", () => {
  it.each([
    { name: "an unknown time zone", review: { business_hours: hoursIn("Mars/Olympus_Mons"), holidays: [] }, error: /IANA time zone/ },
    { name: "a malformed time of day", review: { business_hours: hoursIn("UTC", { start: "9am" }), holidays: [] }, error: /time of day/ },
    { name: "a date that does not exist", review: { business_hours: hoursIn("UTC"), holidays: ["2026-02-30"] }, error: /2026-02-30/ },
    { name: "an unknown country", review: { business_hours: hoursIn("UTC"), holidays: ["XX"] }, error: /"XX" is not a country/ },
    { name: "an unknown region", review: { business_hours: hoursIn("UTC"), holidays: ["US-ZZ"] }, error: /"ZZ" is not a region of US/ },
  ])("throws on $name", ({ review, error }) => {
    expect(() => createBusinessClock(review)).toThrow(error);
  });

  it("throws on an instant that is not ISO 8601", () => {
    const clock = createBusinessClock({ business_hours: hoursIn("UTC"), holidays: [] });
    expect(() => clock.hoursBetween("last Friday", "2026-11-16T10:00:00Z")).toThrow(/"last Friday" is not an ISO 8601 instant/);
  });
});
