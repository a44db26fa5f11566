import { describe, expect, it } from "vitest";
import { createMatcher } from "../../../src/glob/match-globs.js";
import { detectAdrLinks } from "../../../src/rules/detect-adr-links.js";

describe("detectAdrLinks", () => {
  const isAdr = createMatcher(["docs/adr/**", "docs/decisions/**"]);

  it.each([
    ["a bare relative path", "See docs/adr/0007-x.md.", ["docs/adr/0007-x.md"]],
    ["a ./ path in a markdown link", "Decided in [ADR 7](./docs/adr/0007-x.md).", ["docs/adr/0007-x.md"]],
    ["a ../ path", "[ADR](../docs/decisions/0002-queue.md)", ["docs/decisions/0002-queue.md"]],
    ["a path in backticks", "`docs/adr/0007-x.md`", ["docs/adr/0007-x.md"]],
    ["a bold path", "**docs/adr/0007-x.md**", ["docs/adr/0007-x.md"]],
    [
      "a GitHub blob URL with a line anchor",
      "https://github.com/o/r/blob/main/docs/adr/0007-x.md#L3",
      ["docs/adr/0007-x.md"],
    ],
    [
      "a GitHub URL with a branch that has a slash",
      "<https://github.com/o/r/blob/feature/x/docs/adr/0007-x.md?plain=1>",
      ["docs/adr/0007-x.md"],
    ],
    ["a raw URL", "https://raw.githubusercontent.com/o/r/main/docs/adr/0007-x.md", ["docs/adr/0007-x.md"]],
    ["an encoded URL", "https://ghe.example.com/o/r/blob/main/docs/adr/0007%20x.md", ["docs/adr/0007 x.md"]],
    ["the same ADR twice", "docs/adr/1.md and docs/adr/1.md", ["docs/adr/1.md"]],
    ["the ADR folder only", "ADRs live in docs/adr/ and https://github.com/o/r/tree/main/docs/adr", []],
    ["a path outside the ADR folders", "see src/db/schema.ts", []],
    ["no links", "Plain words about a decision.", []],
  ])("%s", (_name, markdown, expected) => {
    expect(detectAdrLinks(markdown, isAdr)).toEqual(expected);
  });

  it("takes the longest tail a wildcard glob accepts", () => {
    expect(detectAdrLinks("see ./architecture/adr/0003-cache.md", createMatcher(["**/adr/*.md"]))).toEqual([
      "architecture/adr/0003-cache.md",
    ]);
  });

  it("finds nothing when no ADR paths are configured", () => {
    expect(detectAdrLinks("docs/adr/0007-x.md", createMatcher([]))).toEqual([]);
  });
});
