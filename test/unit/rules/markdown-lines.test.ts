import { describe, expect, it } from "vitest";
import { classifyMarkdownLines } from "../../../src/rules/markdown-lines.js";

const kinds = (markdown: string) => classifyMarkdownLines(markdown).map((line) => line.kind);

describe("classifyMarkdownLines", () => {
  it.each([
    ["", ["blank"]],
    ["plain words", ["text"]],
    ["   ", ["blank"]],
    ["# Title", ["heading"]],
    ["###### Six", ["heading"]],
    ["####### Seven is text", ["text"]],
    ["#hashtag", ["text"]],
    ["    # indented code is text", ["text"]],
    ["- [ ] todo", ["checkbox"]],
    ["- [x] done", ["checkbox"]],
    ["* [X] done", ["checkbox"]],
    ["1. [ ] numbered", ["checkbox"]],
    ["- [link](x) is text", ["text"]],
    ["-[ ] no space is text", ["text"]],
  ])("classifies %j", (markdown, expected) => {
    expect(kinds(markdown)).toEqual(expected);
  });

  it("splits on \\n and \\r\\n", () => {
    expect(kinds("a\r\n## b\nc")).toEqual(["text", "heading", "text"]);
  });

  it("reads heading levels and text without closing hashes", () => {
    expect(classifyMarkdownLines("## Why ##")[0]).toEqual({
      raw: "## Why ##",
      kind: "heading",
      headingLevel: 2,
      headingText: "Why",
    });
    expect(classifyMarkdownLines("#")[0]).toMatchObject({ kind: "heading", headingLevel: 1, headingText: "" });
  });

  it("treats lines inside fenced code as code, never headings or checkboxes", () => {
    expect(kinds("```sh\n# a comment\n- [ ] x\n```\n# Heading")).toEqual(["fence", "code", "code", "fence", "heading"]);
  });

  it("closes a fence only with the same character and at least as many marks", () => {
    expect(kinds("~~~~\n```\n~~~\n~~~~\ntext")).toEqual(["fence", "code", "code", "fence", "text"]);
  });

  it("runs an unclosed fence to the end", () => {
    expect(kinds("```\n## not a heading")).toEqual(["fence", "code"]);
  });
});

describe("classifyMarkdownLines checkbox text", () => {
  it.each([
    ["- [x] Unit tests", "Unit tests"],
    ["1. [ ]   spaced  ", "spaced"],
    ["- [ ]", ""],
  ])("%j → %j", (markdown, expected) => {
    expect(classifyMarkdownLines(markdown)[0]).toMatchObject({ kind: "checkbox", checkboxText: expected });
  });
});
