import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../src/config/schema.js";
import { FLAKY_CHECKLIST_MARKER, renderFlakyChecklist } from "../../../src/flaky/render-flaky-checklist.js";
import type { FlakySummary } from "../../../src/flaky/summarize-flaky-issues.js";

const base = {
  flaky: DEFAULT_CONFIG.flaky,
  existingTestFiles: [] as string[],
  repoUrl: "https://github.com/acme/widgets",
  defaultBranch: "main",
};

const fourOpen: FlakySummary = {
  open: 4,
  unassigned: [380],
  oldest: { number: 380, ageDays: 23 },
  overAge: [380],
  overLimit: false,
};

describe("renderFlakyChecklist", () => {
  it("asks for what makes a flaky test fixable and states the repository's standing", () => {
    expect(renderFlakyChecklist({ ...base, summary: fourOpen })).toMatchInlineSnapshot(`
      "Thanks for flagging this flaky test: a trusted build is worth it. To make it quick to fix, could you add:
      - [ ] the test's name and file (for example \`test/widgets/cache.test.ts\` › "expires entries")
      - [ ] a link to a failing run, and roughly how often it fails
      - [ ] a suspected cause, if there is one (timing, ordering, shared state, network)
      - [ ] who will take a look (assign them)

      This repository has 4 open flaky tests; the oldest has been open 23 days (the team's limit is 14 days).
      <!-- eng-health:flaky-checklist -->"
    `);
  });

  it("links the test files the issue names, and states an exceeded open limit", () => {
    const summary: FlakySummary = { ...fourOpen, open: 12, overLimit: true, oldest: { number: 380, ageDays: 3.5 } };
    const text = renderFlakyChecklist({
      ...base,
      summary,
      existingTestFiles: ["test/widgets/cache.test.ts", "test/widgets/my store.test.ts"],
      repoUrl: "https://github.com/acme/widgets/",
      defaultBranch: "release/2.x",
    });
    expect(text).toMatchInlineSnapshot(`
      "Thanks for flagging this flaky test: a trusted build is worth it. To make it quick to fix, could you add:
      - [ ] the test's name and file (for example \`test/widgets/cache.test.ts\` › "expires entries")
      - [ ] a link to a failing run, and roughly how often it fails
      - [ ] a suspected cause, if there is one (timing, ordering, shared state, network)
      - [ ] who will take a look (assign them)

      This issue mentions \`test/widgets/cache.test.ts\` ([view](https://github.com/acme/widgets/blob/release/2.x/test/widgets/cache.test.ts)) and \`test/widgets/my store.test.ts\` ([view](https://github.com/acme/widgets/blob/release/2.x/test/widgets/my%20store.test.ts)).

      This repository has 12 open flaky tests (the team's limit is 10); the oldest has been open 3.5 days (the team's limit is 14 days).
      <!-- eng-health:flaky-checklist -->"
    `);
  });

  it.each<[string, FlakySummary, string]>([
    [
      "the only open flaky test",
      { open: 1, unassigned: [5], oldest: { number: 5, ageDays: 0 }, overAge: [], overLimit: false },
      "This is the only open flaky test in this repository.",
    ],
    ["none open (the issue was closed meanwhile)", { open: 0, unassigned: [], oldest: null, overAge: [], overLimit: false }, ""],
  ])("describes %s", (_case, summary, standing) => {
    const text = renderFlakyChecklist({ ...base, summary });
    const lastLines = text.split("\n").slice(-2);
    expect(lastLines).toEqual(
      standing === "" ? ["- [ ] who will take a look (assign them)", FLAKY_CHECKLIST_MARKER] : [standing, FLAKY_CHECKLIST_MARKER],
    );
  });

  it("quotes the configured age limit", () => {
    const text = renderFlakyChecklist({ ...base, summary: fourOpen, flaky: { ...DEFAULT_CONFIG.flaky, max_age_days: 1 } });
    expect(text).toContain("(the team's limit is 1 day)");
  });

  it("ends with the marker exactly once", () => {
    const text = renderFlakyChecklist({ ...base, summary: fourOpen });
    expect(FLAKY_CHECKLIST_MARKER).toBe("<!-- eng-health:flaky-checklist -->");
    expect(text.endsWith(`\n${FLAKY_CHECKLIST_MARKER}`)).toBe(true);
    expect(text.split(FLAKY_CHECKLIST_MARKER)).toHaveLength(2);
  });
});
