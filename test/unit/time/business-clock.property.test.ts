import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { BusinessHours } from "../../../src/config/schema.js";
import type { Weekday } from "../../../src/config/schema-values.js";
import { createBusinessClock } from "../../../src/time/business-clock.js";

const RUNS = { numRuns: 200 };
const MS_PER_HOUR = 3_600_000;
const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham"];
const ALL_DAYS: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** Any valid business-hours config: a zone, a window of at least a minute, some working days. */
const businessHoursArb: fc.Arbitrary<BusinessHours> = fc
  .record({
    timezone: fc.constantFrom(...ZONES),
    opensAt: fc.integer({ min: 0, max: 23 * 60 + 58 }),
    length: fc.integer({ min: 1, max: 24 * 60 }),
    days: fc.subarray(ALL_DAYS, { minLength: 1 }),
  })
  .map(({ timezone, opensAt, length, days }) => ({
    timezone,
    start: timeOfDay(opensAt),
    end: timeOfDay(Math.min(opensAt + length, 23 * 60 + 59)),
    days,
  }));

const holidaysArb = fc.subarray(["2026-03-30", "2026-11-02", "2026-12-25", "DE", "US-CA"], { maxLength: 3 });

/** Instants in 2026 and 2027, whole seconds, as epoch milliseconds. */
const instantMsArb = fc
  .integer({ min: Date.UTC(2026, 0, 1) / 1000, max: Date.UTC(2027, 11, 31) / 1000 })
  .map((seconds) => seconds * 1000);

/** Spans of up to 14 days (milliseconds), sometimes negative: long enough to cross weekends, DST and holidays, short enough to stay fast. */
const spanMsArb = fc.integer({ min: -2 * 86_400, max: 14 * 86_400 }).map((seconds) => seconds * 1000);

const iso = (ms: number): string => new Date(ms).toISOString();

function timeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

describe("business clock properties", () => {
  it("never exceeds wall-clock time and is never negative", () => {
    fc.assert(
      fc.property(businessHoursArb, holidaysArb, instantMsArb, spanMsArb, (hours, holidays, start, span) => {
        const business = createBusinessClock({ business_hours: hours, holidays }).hoursBetween(iso(start), iso(start + span));
        const wall = Math.max(0, span) / MS_PER_HOUR;
        expect(business).toBeGreaterThanOrEqual(0);
        expect(business).toBeLessThanOrEqual(wall + 1e-9);
      }),
      RUNS,
    );
  });

  it("is additive over split intervals", () => {
    fc.assert(
      fc.property(businessHoursArb, holidaysArb, instantMsArb, spanMsArb, spanMsArb, (hours, holidays, start, first, second) => {
        const a = iso(start);
        const b = iso(start + Math.abs(first));
        const c = iso(start + Math.abs(first) + Math.abs(second));
        const clock = createBusinessClock({ business_hours: hours, holidays });
        expect(clock.hoursBetween(a, c)).toBeCloseTo(clock.hoursBetween(a, b) + clock.hoursBetween(b, c), 9);
      }),
      RUNS,
    );
  });

  it("is 0 within a closed weekend", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 75 }),
        fc.integer({ min: 0, max: 48 * 60 }),
        fc.integer({ min: 0, max: 48 * 60 }),
        (timezone, week, x, y) => {
          // 2026-01-03 is a Saturday; the weekend runs to Monday 00:00 in the zone.
          const saturday = DateTime.fromObject({ year: 2026, month: 1, day: 3 }, { zone: timezone }).plus({ weeks: week });
          const monday = saturday.plus({ days: 2 });
          const at = (minutes: number) =>
            DateTime.fromMillis(Math.min(saturday.toMillis() + minutes * 60_000, monday.toMillis()), { zone: "utc" }).toISO() ?? "";
          const clock = createBusinessClock({
            business_hours: { timezone, start: "00:00", end: "23:59", days: ["mon", "tue", "wed", "thu", "fri"] },
            holidays: [],
          });
          expect(clock.hoursBetween(at(Math.min(x, y)), at(Math.max(x, y)))).toBe(0);
        },
      ),
      RUNS,
    );
  });

  it("equals wall-clock time when business_hours is false", () => {
    fc.assert(
      fc.property(instantMsArb, spanMsArb, (start, span) => {
        const clock = createBusinessClock({ business_hours: false, holidays: ["DE"] });
        expect(clock.hoursBetween(iso(start), iso(start + span))).toBe(Math.max(0, span) / MS_PER_HOUR);
      }),
      RUNS,
    );
  });
});
