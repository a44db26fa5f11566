import { describe, expect, it } from "vitest";
import { truncateUtf8, utf8Bytes } from "../../../src/text/truncate-utf8.js";

describe("truncateUtf8", () => {
  it.each<[string, number, string]>([
    ["fits", 10, "fits"],
    ["exactly", 7, "exactly"],
    ["abcdef", 5, "ab…"],
    ["äöü", 6, "äöü"],
    ["äöü", 5, "ä…"], // "ä" (2) + "…" (3) = 5
    ["äöüß", 6, "ä…"], // "äö…" would take 7
    ["🧪🧪", 7, "🧪…"], // a surrogate pair is never split
    ["🧪🧪", 6, "…"],
    ["abc", 2, ""], // not even the marker fits
    ["abc", 0, ""],
  ])("%j in %i bytes is %j", (text, maxBytes, expected) => {
    const result = truncateUtf8(text, maxBytes);
    expect(result).toBe(expected);
    expect(utf8Bytes(result)).toBeLessThanOrEqual(maxBytes);
  });

  it("takes another marker", () => {
    expect(truncateUtf8("abcdef", 4, "..")).toBe("ab..");
  });
});
