import { describe, expect, it } from "vitest";
import { escapeInlineText, MAX_TITLE_CHARS } from "../../../src/report/escape-inline-text.js";

describe("escapeInlineText", () => {
  it.each([
    ["Fix <!-- parser -->", "Fix &lt;!-- parser --&gt;"],
    ["Tom & Jerry", "Tom &amp; Jerry"],
    ["Line one\n\nline  two", "Line one line two"],
    ["Thanks @alice and @acme/billing", "Thanks @\u200balice and @\u200bacme/billing"],
    ["mail me at a@b.example", "mail me at a@\u200bb.example"],
  ])("%j becomes %j", (title, expected) => {
    expect(escapeInlineText(title)).toBe(expected);
  });

  it(`cuts titles longer than ${MAX_TITLE_CHARS} characters, ending in …`, () => {
    const escaped = escapeInlineText("é".repeat(300));
    expect(Array.from(escaped)).toHaveLength(MAX_TITLE_CHARS);
    expect(escaped.endsWith("é…")).toBe(true);
  });
});
