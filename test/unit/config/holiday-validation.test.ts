import { describe, expect, it } from "vitest";
import { validateConfig } from "../../../src/config/validate-config.js";

describe("review.holidays in the config", () => {
  it("accepts known country and region codes and real dates", () => {
    const result = validateConfig([{ path: ".github/eng-health.yml", text: "review:\n  holidays: [DE, US-CA, 2026-12-31]\n" }]);
    expect(result.errors).toEqual([]);
    expect(result.config.review.holidays).toEqual(["DE", "US-CA", "2026-12-31"]);
  });

  it("reports an unknown region with its file, key path and line, and falls back", () => {
    const result = validateConfig([{ path: ".github/eng-health.yml", text: "review:\n  holidays:\n    - DE\n    - US-ZZ\n" }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: ".github/eng-health.yml", line: 4, keyPath: "review.holidays[1]", section: "review" });
    expect(result.errors[0]?.message).toBe(
      '`review.holidays[1]`: Holiday calendar "US-ZZ": "ZZ" is not a region of US the date-holidays library knows.',
    );
    expect(result.config.review.holidays).toEqual([]);
  });
});
