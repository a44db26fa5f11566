import { describe, expect, it } from "vitest";
import { inlineCode, MAX_SHOWN_VALUE_CHARS, showValue } from "../../../src/config/inline-code.js";

describe("inlineCode", () => {
  it.each([
    ["min_words", "`min_words`"],
    ["a`b", "`` a`b ``"],
    ["``x`", "``` ``x` ```"],
    ["two\nlines", "`two lines`"],
  ])("wraps %j so its own backticks cannot close the span", (text, expected) => {
    expect(inlineCode(text)).toBe(expected);
  });
});

describe("showValue", () => {
  it.each<[string, unknown, string]>([
    ["a string, quoted", "five", '"five"'],
    ["a number, bare", 2.5, "2.5"],
    ["NaN, as YAML's .nan reads", Number.NaN, "NaN"],
    ["a boolean", true, "true"],
    ["a list", ["a", 1], '["a",1]'],
    ["nothing", undefined, "empty"],
  ])("shows %s", (_name, value, expected) => {
    expect(showValue(value)).toBe(expected);
  });

  it(`cuts long values to ${MAX_SHOWN_VALUE_CHARS} characters`, () => {
    const shown = showValue("x".repeat(500));
    expect(shown).toHaveLength(MAX_SHOWN_VALUE_CHARS);
    expect(shown.endsWith("…")).toBe(true);
  });
});
