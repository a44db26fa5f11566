import { describe, expect, it } from "vitest";
import { addedLines } from "../../../src/rules/added-lines.js";

describe("addedLines", () => {
  it.each([
    { name: "undefined patch", patch: undefined, expected: [] },
    { name: "null patch", patch: null, expected: [] },
    { name: "empty patch", patch: "", expected: [] },
    {
      name: "a new file",
      patch: "@@ -0,0 +1,3 @@\n+one\n+two\n+three",
      expected: [
        { line: 1, text: "one" },
        { line: 2, text: "two" },
        { line: 3, text: "three" },
      ],
    },
    {
      name: "context, removals and additions in one hunk",
      patch: "@@ -10,4 +10,5 @@ function total() {\n context a\n-old b\n+new b\n+new c\n context d\n+new e",
      expected: [
        { line: 11, text: "new b" },
        { line: 12, text: "new c" },
        { line: 14, text: "new e" },
      ],
    },
    {
      name: "two hunks restart the numbering at each header",
      patch: [
        "@@ -1,3 +1,4 @@",
        " import a",
        "+import b",
        " ",
        " const x = 1;",
        "@@ -40,2 +41,3 @@ describe(\"x\", () => {",
        "   it(\"a\", () => {});",
        "+  it.skip(\"b\", () => {});",
        " });",
      ].join("\n"),
      expected: [
        { line: 2, text: "import b" },
        { line: 42, text: '  it.skip("b", () => {});' },
      ],
    },
    {
      name: "counts left out of the header mean one line",
      patch: "@@ -5 +5 @@\n-a\n+b",
      expected: [{ line: 5, text: "b" }],
    },
    {
      name: "no newline at end of file, on both sides",
      patch: "@@ -1,2 +1,2 @@\n first\n-last\n\\ No newline at end of file\n+last;\n\\ No newline at end of file",
      expected: [{ line: 2, text: "last;" }],
    },
    {
      name: "an empty added line and a context line whose space was trimmed",
      patch: "@@ -1,3 +1,4 @@\n a\n\n+\n b",
      expected: [{ line: 3, text: "" }],
    },
    {
      name: "CRLF line endings",
      patch: "@@ -1,1 +1,2 @@\r\n a\r\n+b\r\n",
      expected: [{ line: 2, text: "b" }],
    },
    {
      name: "an added line that looks like a file header is still an added line",
      patch: "@@ -1,0 +1,2 @@\n+++ heading\n+--- rule",
      expected: [
        { line: 1, text: "++ heading" },
        { line: 2, text: "--- rule" },
      ],
    },
    {
      name: "git headers before and between hunks of a full diff are ignored",
      patch: [
        "diff --git a/x.ts b/x.ts",
        "--- a/x.ts",
        "+++ b/x.ts",
        "@@ -1,1 +1,2 @@",
        " a",
        "+b",
        "diff --git a/y.ts b/y.ts",
        "--- a/y.ts",
        "+++ b/y.ts",
        "@@ -3,0 +4,1 @@",
        "+c",
      ].join("\n"),
      expected: [
        { line: 2, text: "b" },
        { line: 4, text: "c" },
      ],
    },
    {
      name: "a malformed header: lines up to the next valid header are ignored",
      patch: "@@ nonsense @@\n+lost\n@@ -1,1 +1,2 @@\n a\n+kept",
      expected: [{ line: 2, text: "kept" }],
    },
    {
      name: "a removed file adds nothing",
      patch: "@@ -1,2 +0,0 @@\n-a\n-b",
      expected: [],
    },
  ])("$name", ({ patch, expected }) => {
    expect(addedLines(patch)).toEqual(expected);
  });
});
