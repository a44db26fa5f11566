import { describe, expect, it } from "vitest";
import {
  countWords,
  isUntouchedTemplate,
  removeTemplateText,
  stripDescription,
  stripHtmlComments,
  templateLineSet,
} from "../../../src/rules/strip-description.js";

describe("stripHtmlComments", () => {
  it.each([
    ["a <!-- hidden --> b", "a  b"],
    ["a\n<!--\nline one\nline two\n-->\nb", "a\n\nb"],
    ["a <!-- one --> b <!-- two --> c", "a  b  c"],
    ["a <!-- never closed\nstill hidden", "a "],
    ["no comments", "no comments"],
  ])("%j → %j", (input, expected) => {
    expect(stripHtmlComments(input)).toBe(expected);
  });
});

describe("countWords", () => {
  it.each([
    ["", 0],
    ["   \n\t ", 0],
    ["one two  three", 3],
    ["- | --- **", 0],
    ["**Why:** it's 2 words more", 5],
    ["Grüße aus Köln", 3],
    ["docs/adr/0007-x.md", 1],
  ])("%j has %i words", (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });
});

describe("templateLineSet", () => {
  it("is empty without a template", () => {
    expect(templateLineSet(null).size).toBe(0);
  });

  it("holds normalised non-blank lines with comments removed", () => {
    expect([...templateLineSet("## Why\n\n  Explain   the change  <!-- hint -->\n<!-- only a comment -->\r\n- [ ] Tests")]).toEqual([
      "## Why",
      "Explain the change",
      "- [ ] Tests",
    ]);
  });
});

describe("isUntouchedTemplate", () => {
  const template = "## Why\n\n<!-- explain -->\n\n## Testing\n";
  it.each([
    ["the template itself", template, template, true],
    ["with other whitespace", "## Why\r\n<!-- explain -->\n   ## Testing", template, true],
    ["an edited template", "## Why\nBecause.\n## Testing", template, false],
    ["no template", "## Why", null, false],
    ["an empty body and an empty template", "", "", false],
  ])("%s → %s", (_name, body, tmpl, expected) => {
    expect(isUntouchedTemplate(body, tmpl)).toBe(expected);
  });
});

describe("removeTemplateText", () => {
  it("drops comments and untouched template lines, keeps headings, checkboxes and new text", () => {
    const template = "## Why\nLink the ADR: docs/adr/0000-template.md\n- [ ] Tests";
    const body = "## Why\nLink the ADR: docs/adr/0000-template.md\nSee docs/adr/0007-x.md <!-- docs/adr/0001.md -->\n- [x] Tests";
    expect(removeTemplateText(body, template)).toBe("See docs/adr/0007-x.md \n- [x] Tests");
  });
});

describe("stripDescription", () => {
  const template = "## Why\n<!-- Explain why -->\nDescribe the change here.\n\n## Checklist\n- [ ] Tests added";

  it.each([
    {
      name: "an empty body",
      body: "",
      template: null,
      lines: [],
      words: 0,
      templateLines: 0,
    },
    {
      name: "headings, checkboxes and comments only",
      body: "# Title\n## Why\n- [ ] one\n- [x] two\n<!-- a long hidden comment with many words -->",
      template: null,
      lines: [],
      words: 0,
      templateLines: 0,
    },
    {
      name: "own text beside untouched template lines",
      body: "## Why\nDescribe the change here.\nInvoices now round half-up.\n\n## Checklist\n- [x] Tests added",
      template,
      lines: ["Invoices now round half-up."],
      words: 4,
      templateLines: 3,
    },
    {
      name: "a template line edited by the author",
      body: "Describe the change here: rounding.",
      template,
      lines: ["Describe the change here: rounding."],
      words: 5,
      templateLines: 0,
    },
    {
      name: "code inside a fence counts, the fence markers do not",
      body: "```ts\nconst total = round(x);\n```",
      template: null,
      lines: ["const total = round(x);"],
      words: 3,
      templateLines: 0,
    },
  ])("$name", ({ body, template: tmpl, lines, words, templateLines }) => {
    expect(stripDescription(body, tmpl)).toEqual({ lines, words, templateLines });
  });
});
