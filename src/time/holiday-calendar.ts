import Holidays from "date-holidays";
import { DateTime } from "luxon";

/** Days the review clock stops, looked up by calendar date. */
export interface HolidayCalendar {
  /**
   * True when `isoDate` (a calendar date, `YYYY-MM-DD`, in the business-hours
   * time zone) is a day off: one of the configured ISO dates, or a `public`
   * holiday of one of the configured countries or regions.
   */
  isHoliday(isoDate: string): boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Same shape as `review.holidays` accepts in src/config/schema.ts: `DE`, `US-CA`, `GB-ENG`. */
const REGION_CODE = /^([A-Z]{2})(?:-([A-Z0-9]{1,3}))?$/;

/**
 * Build the holiday calendar for `review.holidays`.
 *
 * - An ISO date (`2026-12-25`) is a whole day off.
 * - A country code (`DE`) or country-region code (`US-CA`, read as
 *   `new Holidays("US", "CA")`) adds that place's holidays from the
 *   `date-holidays` library, counting only those of type `public` (bank,
 *   school, optional and observance days stay working days). A public holiday
 *   counts as a whole day off on the calendar date the library gives it, even
 *   the few it defines as starting at noon.
 *
 * Region holidays are computed once per code and year and cached for the
 * process (they never change for a given library version).
 *
 * @param entries the `review.holidays` list (ISO dates and/or region codes)
 * @throws RangeError when an entry is neither a real calendar date nor a
 *   country/region that `date-holidays` knows (the message names the entry)
 */
export function createHolidayCalendar(entries: readonly string[]): HolidayCalendar {
  const dates = new Set<string>();
  const regions: Region[] = [];
  for (const entry of entries) {
    if (ISO_DATE.test(entry)) {
      if (!DateTime.fromISO(entry).isValid) throw new RangeError(`Holiday "${entry}" is not a real calendar date.`);
      dates.add(entry);
      continue;
    }
    regions.push(parseRegion(entry));
  }
  return {
    isHoliday(isoDate) {
      if (dates.has(isoDate)) return true;
      if (regions.length === 0) return false;
      const year = Number(isoDate.slice(0, 4));
      return regions.some((region) => publicHolidayDates(region, year).has(isoDate));
    },
  };
}

interface Region {
  /** The code as written in the config, e.g. `US-CA`. */
  code: string;
  country: string;
  state: string | undefined;
}

/** Process-wide memo of region codes already checked against the library. */
const regionCache = new Map<string, Region>();

function parseRegion(entry: string): Region {
  const cached = regionCache.get(entry);
  if (cached) return cached;
  const match = REGION_CODE.exec(entry);
  const country = match?.[1];
  if (country === undefined) {
    throw new RangeError(`Holiday "${entry}" is neither an ISO date (2026-12-25) nor a country or region code (DE, US-CA).`);
  }
  const state = match?.[2];
  const library = new Holidays();
  if (!(country in library.getCountries())) {
    throw new RangeError(`Holiday calendar "${entry}": "${country}" is not a country the date-holidays library knows.`);
  }
  if (state !== undefined && !(state in (library.getStates(country) ?? {}))) {
    throw new RangeError(`Holiday calendar "${entry}": "${state}" is not a region of ${country} the date-holidays library knows.`);
  }
  const region = { code: entry, country, state };
  regionCache.set(entry, region);
  return region;
}

/** Process-wide memo: `${code}:${year}` -> ISO dates of that place's public holidays. */
const publicHolidayCache = new Map<string, ReadonlySet<string>>();

function publicHolidayDates(region: Region, year: number): ReadonlySet<string> {
  const key = `${region.code}:${year}`;
  const cached = publicHolidayCache.get(key);
  if (cached) return cached;
  const library = region.state === undefined ? new Holidays(region.country) : new Holidays(region.country, region.state);
  // `date` is the local calendar date and time, "YYYY-MM-DD hh:mm:ss"; the date part is the day off.
  const found = new Set(
    library
      .getHolidays(year)
      .filter((holiday) => holiday.type === "public")
      .map((holiday) => holiday.date.slice(0, 10)),
  );
  publicHolidayCache.set(key, found);
  return found;
}

/**
 * Why a `review.holidays` entry cannot be used, for the config's validation
 * (so a typo is reported with its file and line, not when the clock runs).
 *
 * @param entry an ISO date or a country/region code
 * @returns a short reason ("must be …"), or null when the entry is usable
 */
export function holidayEntryProblem(entry: string): string | null {
  try {
    createHolidayCalendar([entry]);
    return null;
  } catch (error) {
    return error instanceof RangeError ? error.message.replace(/\.$/, "") : "is not a holiday entry eng-health can read";
  }
}
