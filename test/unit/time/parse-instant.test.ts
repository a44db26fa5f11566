import { describe, expect, it } from "vitest";
import { parseInstant } from "../../../src/time/parse-instant.js";

describe("parseInstant", () => {
  it.each([
    ["2026-11-16T09:00:00Z", Date.UTC(2026, 10, 16, 9)],
    ["2026-11-16T09:00:00.250Z", Date.UTC(2026, 10, 16, 9, 0, 0, 250)],
    ["2026-11-16T10:00:00+01:00", Date.UTC(2026, 10, 16, 9)],
    ["2026-11-16T09:00:00", Date.UTC(2026, 10, 16, 9)],
  ])("reads %s", (iso, expected) => {
    expect(parseInstant(iso)).toBe(expected);
  });

  it.each(["2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "yesterday", ""])("refuses %j", (iso) => {
    expect(() => parseInstant(iso)).toThrow(RangeError);
  });
});
