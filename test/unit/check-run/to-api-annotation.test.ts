import { describe, expect, it } from "vitest";
import { MAX_ANNOTATION_MESSAGE_BYTES, MAX_ANNOTATION_TITLE_CHARS } from "../../../src/model/github-limits.js";
import { toApiAnnotation } from "../../../src/check-run/to-api-annotation.js";
import type { Annotation } from "../../../src/model/rule-result.js";

const base: Annotation = { path: "src/a.ts", startLine: 4, endLine: 6, level: "notice", message: "Which test covers this?" };

describe("toApiAnnotation", () => {
  it("renames to the REST shape", () => {
    expect(toApiAnnotation({ ...base, title: "Tests" })).toEqual({
      path: "src/a.ts",
      start_line: 4,
      end_line: 6,
      annotation_level: "notice",
      message: "Which test covers this?",
      title: "Tests",
    });
    expect(toApiAnnotation(base)).not.toHaveProperty("title");
  });

  it.each<[number, number, number, number]>([
    [0, 0, 1, 1],
    [-3, 2, 1, 2],
    [5, 3, 5, 5],
    [2.7, 4.2, 2, 4],
    [Number.NaN, Number.POSITIVE_INFINITY, 1, 1],
  ])("mends lines %s-%s to %i-%i", (startLine, endLine, start, end) => {
    expect(toApiAnnotation({ ...base, startLine, endLine })).toMatchObject({ start_line: start, end_line: end });
  });

  it("cuts a message and a title GitHub would reject", () => {
    const api = toApiAnnotation({ ...base, message: "ö".repeat(40_000), title: "ü".repeat(200) });
    expect(Buffer.byteLength(api.message, "utf8")).toBeLessThanOrEqual(MAX_ANNOTATION_MESSAGE_BYTES);
    expect(Buffer.byteLength(api.title ?? "", "utf8")).toBeLessThanOrEqual(MAX_ANNOTATION_TITLE_CHARS);
    expect(api.title?.endsWith("…")).toBe(true);
  });
});
