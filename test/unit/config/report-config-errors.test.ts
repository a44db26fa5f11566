import { describe, expect, it } from "vitest";
import type { ConfigError } from "../../../src/config/config-result.js";
import { reportConfigErrors } from "../../../src/config/report-config-errors.js";

const error = (keyPath: string, section: ConfigError["section"]): ConfigError => ({ path: ".github/eng-health.yml", line: 1, keyPath, message: "m", section });

describe("reportConfigErrors", () => {
  it("keeps errors in the report section and files ignored as a whole, in order", () => {
    const errors = [error("reasoning.min_words", "reasoning"), error("report.timezone", "report"), error("", null), error("unknown", null)];
    expect(reportConfigErrors(errors)).toEqual([errors[1], errors[2]]);
    expect(reportConfigErrors([errors[0] as ConfigError])).toEqual([]);
  });
});
