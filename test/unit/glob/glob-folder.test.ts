import { describe, expect, it } from "vitest";
import { globFolder } from "../../../src/glob/glob-folder.js";
import { createMatcher } from "../../../src/glob/match-globs.js";

describe("createMatcher for ADR paths", () => {
  const isAdr = createMatcher(["docs/adr/**", "package.json"]);

  it.each([
    ["docs/adr/0007-use-postgres.md", true],
    ["docs/adr/.template.md", true],
    ["docs/adr/nested/0001.md", true],
    ["package.json", true],
    ["web/package.json", false],
    ["docs/adr-notes.md", false],
  ])("%s → %s", (path, expected) => {
    expect(isAdr(path)).toBe(expected);
  });

  it("matches nothing for no globs", () => {
    expect(createMatcher([])("anything")).toBe(false);
  });
});

describe("globFolder", () => {
  it.each([
    ["docs/adr/**", "docs/adr/"],
    ["docs/decisions/*.md", "docs/decisions/"],
    ["**/adr/*.md", null],
    ["package.json", null],
  ])("%s → %s", (glob, expected) => {
    expect(globFolder(glob)).toBe(expected);
  });
});
