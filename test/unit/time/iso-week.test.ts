import { describe, expect, it } from "vitest";
import {
  isoWeekLabel,
  isoWeekWindow,
  lastCompleteIsoWeek,
  parseIsoWeek,
  previousIsoWeeks,
} from "../../../src/time/iso-week.js";

describe("isoWeekWindow", () => {
  it.each([
    // week, zone, start, end, monday
    ["2026-W47", "UTC", "2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z", "2026-11-16"],
    // W01 starts in the previous calendar year.
    ["2026-W01", "UTC", "2025-12-29T00:00:00Z", "2026-01-05T00:00:00Z", "2025-12-29"],
    // 2026 has 53 ISO weeks; W53 ends in the next calendar year.
    ["2026-W53", "UTC", "2026-12-28T00:00:00Z", "2027-01-04T00:00:00Z", "2026-12-28"],
    ["2020-W53", "UTC", "2020-12-28T00:00:00Z", "2021-01-04T00:00:00Z", "2020-12-28"],
    // Non-UTC zones: local midnight as a UTC instant.
    ["2026-W47", "America/Los_Angeles", "2026-11-16T08:00:00Z", "2026-11-23T08:00:00Z", "2026-11-16"],
    ["2020-W01", "Europe/Berlin", "2019-12-29T23:00:00Z", "2020-01-05T23:00:00Z", "2019-12-30"],
    ["2026-W47", "Pacific/Auckland", "2026-11-15T11:00:00Z", "2026-11-22T11:00:00Z", "2026-11-16"],
    // US DST starts on Sunday 2026-03-08: this window is 167 hours long.
    ["2026-W10", "America/Los_Angeles", "2026-03-02T08:00:00Z", "2026-03-09T07:00:00Z", "2026-03-02"],
  ])("%s in %s runs from %s to %s", (week, zone, start, end, monday) => {
    expect(isoWeekWindow(week, zone)).toEqual({ week, start, end, monday });
  });

  it("rejects an unknown time zone with a message naming it", () => {
    expect(() => isoWeekWindow("2026-W47", "Mars/Olympus")).toThrow(/Mars\/Olympus/);
  });
});

describe("parseIsoWeek", () => {
  it("splits a week into numbers", () => {
    expect(parseIsoWeek("2026-W07")).toEqual({ weekYear: 2026, weekNumber: 7 });
  });

  it.each(["2026-47", "2026-W5", "26-W47", "2026-w47", "", "next week"])("rejects %j, naming the form YYYY-Www", (bad) => {
    expect(() => parseIsoWeek(bad)).toThrow(/expected the form YYYY-Www/);
  });

  it.each([
    ["2026-W00", /W01 to W53/],
    ["2026-W54", /W01 to W53/],
    ["2025-W53", /W01 to W52/], // 2025 has 52 ISO weeks
  ])("rejects %s, which does not exist", (bad, message) => {
    expect(() => parseIsoWeek(bad)).toThrow(message);
  });
});

describe("lastCompleteIsoWeek", () => {
  it.each([
    ["2026-11-23T09:00:00Z", "UTC", "2026-W47"],
    ["2026-11-23T00:00:00Z", "UTC", "2026-W47"], // Monday 00:00 exactly: the week just ended
    ["2026-11-22T23:59:59Z", "UTC", "2026-W46"], // still Sunday
    ["2026-11-23T07:59:00Z", "America/Los_Angeles", "2026-W46"], // Sunday 23:59 in Los Angeles
    ["2026-11-23T08:00:00Z", "America/Los_Angeles", "2026-W47"],
    ["2027-01-04T10:00:00Z", "UTC", "2026-W53"],
    ["2026-01-05T10:00:00Z", "UTC", "2026-W01"],
    ["2026-01-01T10:00:00Z", "UTC", "2025-W52"], // a Thursday in 2026-W01
  ])("at %s in %s it is %s", (now, zone, week) => {
    expect(lastCompleteIsoWeek(now, zone)).toBe(week);
  });

  it("rejects a malformed instant", () => {
    expect(() => lastCompleteIsoWeek("yesterday", "UTC")).toThrow(/yesterday/);
  });
});

describe("previousIsoWeeks", () => {
  it.each([
    ["2027-W02", 3, ["2026-W52", "2026-W53", "2027-W01"]],
    ["2026-W02", 2, ["2025-W52", "2026-W01"]],
    ["2026-W47", 1, ["2026-W46"]],
    ["2026-W47", 0, []],
  ])("the %i weeks before %s", (week, count, expected) => {
    expect(previousIsoWeeks(week, count)).toEqual(expected);
  });

  it.each([-1, 1.5])("rejects a count of %s", (count) => {
    expect(() => previousIsoWeeks("2026-W47", count)).toThrow(/whole number/);
  });
});

describe("isoWeekLabel", () => {
  it.each([
    ["2026-W07", "W07"],
    ["2026-W53", "W53"],
  ])("%s is labelled %s", (week, label) => {
    expect(isoWeekLabel(week)).toBe(label);
  });
});
