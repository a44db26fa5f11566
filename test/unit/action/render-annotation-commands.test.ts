import { describe, expect, it } from "vitest";
import { renderAnnotationCommands } from "../../../src/action/render-annotation-commands.js";
import type { ApiAnnotation } from "../../../src/model/check-run.js";

function annotation(level: ApiAnnotation["annotation_level"], index: number, extra: Partial<ApiAnnotation> = {}): ApiAnnotation {
  return { path: `src/${level}-${index}.ts`, start_line: index, end_line: index, annotation_level: level, message: `${level} ${index}`, ...extra };
}

describe("renderAnnotationCommands", () => {
  it("maps failure to ::error, warning to ::warning and notice to ::notice, with file, lines and title", () => {
    const { commands, rest } = renderAnnotationCommands([
      annotation("failure", 1, { title: "Changed without a test" }),
      annotation("warning", 2, { end_line: 4 }),
      annotation("notice", 3),
    ]);
    expect(commands).toEqual([
      "::error file=src/failure-1.ts,line=1,title=Changed without a test::failure 1",
      "::warning file=src/warning-2.ts,line=2,endLine=4::warning 2",
      "::notice file=src/notice-3.ts,line=3::notice 3",
    ]);
    expect(rest).toEqual([]);
  });

  it("renders at most 10 of each kind (GitHub's per-step limit) and returns the others in order", () => {
    const failures = Array.from({ length: 12 }, (_, index) => annotation("failure", index + 1));
    const warnings = Array.from({ length: 3 }, (_, index) => annotation("warning", index + 1));
    const notices = Array.from({ length: 11 }, (_, index) => annotation("notice", index + 1));
    const { commands, rest } = renderAnnotationCommands([...notices, ...failures, ...warnings]);
    expect(commands.filter((line) => line.startsWith("::error "))).toHaveLength(10);
    expect(commands.filter((line) => line.startsWith("::warning "))).toHaveLength(3);
    expect(commands.filter((line) => line.startsWith("::notice "))).toHaveLength(10);
    expect(rest).toEqual([notices[10], failures[10], failures[11]]);
  });

  it("takes another cap", () => {
    const { commands, rest } = renderAnnotationCommands([annotation("warning", 1), annotation("warning", 2)], 1);
    expect(commands).toHaveLength(1);
    expect(rest.map((item) => item.path)).toEqual(["src/warning-2.ts"]);
  });
});
