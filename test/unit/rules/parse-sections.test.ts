import { describe, expect, it } from "vitest";
import { parseSections, sectionKey } from "../../../src/rules/parse-sections.js";

describe("sectionKey", () => {
  it.each([
    ["Why", "why"],
    ["  WHY?  ", "why"],
    ["🤔 Why", "why"],
    ["Why:", "why"],
    ["How   it was tested", "how it was tested"],
  ])("%j → %j", (name, expected) => {
    expect(sectionKey(name)).toBe(expected);
  });
});

describe("parseSections", () => {
  const template = "## Why\n<!-- Why is this needed? -->\nExplain here.\n\n## Testing\n- [ ] Unit tests";

  it.each([
    {
      name: "heading sections with content",
      body: "## Why\nTotals drifted by a cent.\n\n## Testing\nNew unit tests.",
      expected: [
        { name: "Why", status: "present", words: 5 },
        { name: "Testing", status: "present", words: 3 },
      ],
    },
    {
      name: "case-insensitive headings with other levels and decoration",
      body: "### 🤔 why?\nBecause.\n# TESTING #\nRan it.",
      expected: [
        { name: "Why", status: "present", words: 1 },
        { name: "Testing", status: "present", words: 2 },
      ],
    },
    {
      name: "bold labels with content on the same line",
      body: "**Why:** totals drifted.\n**Testing**: new unit tests.",
      expected: [
        { name: "Why", status: "present", words: 2 },
        { name: "Testing", status: "present", words: 3 },
      ],
    },
    {
      name: "bold labels with content on the next lines",
      body: "**Why**\nTotals drifted.\n\n__Testing__\nUnit tests.",
      expected: [
        { name: "Why", status: "present", words: 2 },
        { name: "Testing", status: "present", words: 2 },
      ],
    },
    {
      name: "a heading section missing",
      body: "## Why\nTotals drifted.",
      expected: [
        { name: "Why", status: "present", words: 2 },
        { name: "Testing", status: "missing", words: 0 },
      ],
    },
    {
      name: "a heading followed directly by the next heading is empty",
      body: "## Why\n\n## Testing\nUnit tests.",
      expected: [
        { name: "Why", status: "empty", words: 0 },
        { name: "Testing", status: "present", words: 2 },
      ],
    },
    {
      name: "a bold label followed directly by the next label is empty",
      body: "**Why:**\n\n**Testing:** Unit tests.",
      expected: [
        { name: "Why", status: "empty", words: 0 },
        { name: "Testing", status: "present", words: 2 },
      ],
    },
    {
      name: "a bold label is closed by a label that is not required too",
      body: "**Why:**\n**Notes:** something else",
      expected: [
        { name: "Why", status: "empty", words: 0 },
        { name: "Testing", status: "missing", words: 0 },
      ],
    },
    {
      name: "bold text that is emphasis, not a label, opens no section",
      body: "**Why** it matters is unclear.\n**Testing** happened.",
      expected: [
        { name: "Why", status: "missing", words: 0 },
        { name: "Testing", status: "missing", words: 0 },
      ],
    },
    {
      name: "sub-headings stay inside a heading section",
      body: "## Why\n### Context\nTotals drifted.\n## Testing\nDone.",
      expected: [
        { name: "Why", status: "present", words: 2 },
        { name: "Testing", status: "present", words: 1 },
      ],
    },
    {
      name: "a heading section ends at a bold label naming another required section",
      body: "## Why\n**Testing:** unit tests.",
      expected: [
        { name: "Why", status: "empty", words: 0 },
        { name: "Testing", status: "present", words: 2 },
      ],
    },
    {
      name: "other bold labels inside a heading section are its content",
      body: "## Why\n**Context:** totals drifted.\n## Testing\nDone.",
      expected: [
        { name: "Why", status: "present", words: 3 },
        { name: "Testing", status: "present", words: 1 },
      ],
    },
    {
      name: "headings inside code fences are not sections",
      body: "```md\n## Why\nexample\n```",
      expected: [
        { name: "Why", status: "missing", words: 0 },
        { name: "Testing", status: "missing", words: 0 },
      ],
    },
    {
      name: "the best of several occurrences counts",
      body: "## Why\n\n## Testing\nDone.\n## Why\nTotals drifted.",
      expected: [
        { name: "Why", status: "present", words: 2 },
        { name: "Testing", status: "present", words: 1 },
      ],
    },
  ])("$name", ({ body, expected }) => {
    expect(parseSections(body, ["Why", "Testing"], null)).toEqual(expected);
  });

  it.each([
    {
      name: "the untouched template has empty sections",
      body: template,
      expected: [
        { name: "Why", status: "empty", words: 0 },
        { name: "Testing", status: "empty", words: 0 },
      ],
    },
    {
      name: "comments and template prompts are not content, the author's lines and ticked boxes are",
      body: "## Why\n<!-- Why is this needed? -->\nExplain here.\nTotals drifted.\n\n## Testing\n- [x] Unit tests",
      expected: [
        { name: "Why", status: "present", words: 2 },
        { name: "Testing", status: "present", words: 2 },
      ],
    },
    {
      name: "a template bold label left as it was has no content",
      body: "**Why:** Explain here.",
      templateText: "**Why:** Explain here.",
      expected: [
        { name: "Why", status: "empty", words: 0 },
        { name: "Testing", status: "missing", words: 0 },
      ],
    },
  ])("with a template: $name", ({ body, expected, templateText }) => {
    expect(parseSections(body, ["Why", "Testing"], templateText ?? template)).toEqual(expected);
  });

  it("returns nothing when no sections are required", () => {
    expect(parseSections("## Why\nBecause.", [], null)).toEqual([]);
  });

  it("keeps the configured spelling and order", () => {
    expect(parseSections("## testing\nok\n## why\nok", ["Why", "Testing"], null).map((s) => s.name)).toEqual(["Why", "Testing"]);
  });
});
