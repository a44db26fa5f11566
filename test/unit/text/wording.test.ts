import { describe, expect, it } from "vitest";
import { capitalise } from "../../../src/text/capitalise.js";
import { countOf } from "../../../src/text/count-of.js";
import { joinWords } from "../../../src/text/join-words.js";

describe("wording helpers", () => {
  it.each([
    [0, "pull request", undefined, "0 pull requests"],
    [1, "pull request", undefined, "1 pull request"],
    [2, "reply", "replies", "2 replies"],
  ])("countOf(%i, %s)", (count, singular, pluralForm, expected) => {
    expect(countOf(count, singular, pluralForm)).toBe(expected);
  });

  it.each([
    [[], "and", ""],
    [["a"], "and", "a"],
    [["a", "b"], "and", "a and b"],
    [["a", "b", "c"], "or", "a, b or c"],
  ] as const)("joinWords(%j, %s)", (words, conjunction, expected) => {
    expect(joinWords(words, conjunction)).toBe(expected);
  });

  it("capitalises the first character only", () => {
    expect(capitalise("for the team")).toBe("For the team");
    expect(capitalise("")).toBe("");
  });
});
