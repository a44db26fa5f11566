import { describe, expect, it } from "vitest";
import { parseIssueReferences } from "../../../src/rules/parse-issue-references.js";

const repo = { owner: "acme", repo: "widgets", htmlUrl: "https://github.com/acme/widgets/pull/7" };
const enterprise = { owner: "acme", repo: "widgets", htmlUrl: "https://ghe.acme.test/acme/widgets/pull/7" };

describe("parseIssueReferences", () => {
  it.each([
    { text: "", expected: [] },
    { text: "Flaky, see #12.", expected: [12] },
    { text: "#12 and (#15), again #12", expected: [12, 15] },
    { text: "acme/widgets#40 and ACME/Widgets#41", expected: [40, 41] },
    { text: "other/repo#40", expected: [] },
    { text: "https://github.com/acme/widgets/issues/9", expected: [9] },
    { text: "<https://GitHub.com/Acme/Widgets/issues/9#issuecomment-1>", expected: [9] },
    { text: "https://github.com/other/widgets/issues/9", expected: [] },
    { text: "https://github.com/acme/widgets/pull/9", expected: [] },
    { text: "https://evil.test/acme/widgets/issues/9", expected: [] },
    { text: "page#12, &#12; and a/#12 are not issues", expected: [] },
    { text: "#12abc and #0", expected: [] },
    { text: "first https://github.com/acme/widgets/issues/3 then #2", expected: [3, 2] },
  ])("$text → $expected", ({ text, expected }) => {
    expect(parseIssueReferences(text, repo)).toEqual(expected);
  });

  it("accepts issue URLs on the PR's own GitHub Enterprise host", () => {
    expect(parseIssueReferences("https://ghe.acme.test/acme/widgets/issues/5", enterprise)).toEqual([5]);
    expect(parseIssueReferences("https://ghe.acme.test/acme/widgets/issues/5", repo)).toEqual([]);
  });
});
