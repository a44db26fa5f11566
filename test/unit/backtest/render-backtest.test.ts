import { describe, expect, it } from "vitest";
import { backtestPeriod } from "../../../src/backtest/backtest-period.js";
import { renderBacktest, summarizeBacktest } from "../../../src/backtest/render-backtest.js";
import { renderBacktestJson } from "../../../src/backtest/render-backtest-json.js";
import { IMPACT_HEADING, renderConfigImpact } from "../../../src/backtest/render-config-impact.js";
import type { ConfigInput } from "../../../src/config/schema.js";
import type { ReportPullRequest } from "../../../src/model/report-facts.js";
import { utf8Bytes } from "../../../src/text/truncate-utf8.js";
import { backtestOf, buildMergedPullRequest, SOURCE_CHANGE } from "../../helpers/build-backtest.js";
import { words } from "../../helpers/mock-github.js";

const PERIOD = backtestPeriod({ now: "2026-11-24T10:00:00Z", timezone: "UTC" });

/** A PR merged `number` minutes after 2026-11-16 12:00 (see `buildMergedPullRequest`). */
function merged(number: number, overrides: Parameters<typeof buildMergedPullRequest>[2] = {}): ReportPullRequest {
  const mergedAt = new Date(Date.parse("2026-11-16T12:00:00Z") + number * 60_000).toISOString().replace(".000Z", "Z");
  return buildMergedPullRequest(number, mergedAt, overrides);
}

/** Seven PRs: four too short for 40 words, one without a test, one by a bot. */
const SAMPLE = [
  merged(1, { body: words(25) }),
  merged(2, { body: words(25) }),
  merged(3, { body: words(25) }),
  merged(4, { body: words(25), title: "Round invoices once <at the end> for @finance" }),
  merged(5, { body: words(45), files: [SOURCE_CHANGE] }),
  merged(6, { body: words(45) }),
  merged(7, { author: { login: "renovate[bot]", type: "Bot" } }),
];

describe("renderBacktest", () => {
  it("shows both configs per rule, the conclusions, examples (newest first, escaped) and what was left out", () => {
    const markdown = renderBacktest(backtestOf(SAMPLE, {}, { reasoning: { min_words: 40 }, tests: { level: "failure" } }), { examples: 3 });
    // The zero-width space after "@" keeps a quoted title from mentioning anyone; shown here as <ZWSP>.
    expect(markdown.replaceAll("\u200b", "<ZWSP>")).toMatchInlineSnapshot(`
      "With the proposed config, 4 pull requests would newly fail an agreement; 1 check run would newly conclude \`failure\`.

      | Agreement | Current config: pass · fail · skip | Proposed config: pass · fail · skip | Newly failing | No longer failing |
      |---|---|---|---:|---:|
      | Documented reasoning | 6 · 0 · 0 (\`warning\`) | 2 · 4 · 0 (\`warning\`) | 4 | 0 |
      | Tests accompany code | 5 · 1 · 0 (\`warning\`) | 5 · 1 · 0 (\`failure\`) | 0 | 0 |
      | Review turnaround | 6 · 0 · 0 (\`notice\`) | 6 · 0 · 0 (\`notice\`) | 0 | 0 |
      | Check run conclusion: success · neutral · failure | 5 · 1 · 0 | 1 · 4 · 1 | 1 | 0 |

      **Documented reasoning** would newly fail on 4 pull requests, for example:
      - [#4](https://github.com/acme/widgets/pull/4) Round invoices once &lt;at the end&gt; for @<ZWSP>finance
      - [#3](https://github.com/acme/widgets/pull/3) Change 3
      - [#2](https://github.com/acme/widgets/pull/2) Change 2
      - …and 1 more

      The check run would newly conclude \`failure\` on 1 pull request:
      - [#5](https://github.com/acme/widgets/pull/5) Change 5

      <sub>Each pull request is judged as of its merge (the review wait as it ended there), with its description, labels and files as they are now; 1 more pull request by bots or by \`review.ignore_authors\` was left out, as in the weekly report; not backtested: Disabled tests are tracked (it reads each PR's diff, which would cost a request per PR) and Flaky tests are owned (it is a repository-level policy, not a judgement of each PR).</sub>"
    `);
  });

  it("without a proposed config: the current config's table and conclusions", () => {
    expect(renderBacktest(backtestOf(SAMPLE, {}, null))).toMatchInlineSnapshot(`
      "| Agreement | Level | Pass | Fail | Skip |
      |---|---|---:|---:|---:|
      | Documented reasoning | \`warning\` | 6 | 0 | 0 |
      | Tests accompany code | \`warning\` | 5 | 1 | 0 |
      | Review turnaround | \`notice\` | 6 | 0 | 0 |

      Check run conclusions: 5 success, 1 neutral, 0 failure.

      <sub>Each pull request is judged as of its merge (the review wait as it ended there), with its description, labels and files as they are now; 1 more pull request by bots or by \`review.ignore_authors\` was left out, as in the weekly report; not backtested: Disabled tests are tracked (it reads each PR's diff, which would cost a request per PR) and Flaky tests are owned (it is a repository-level policy, not a judgement of each PR).</sub>"
    `);
  });

  it("says when nothing would change", () => {
    expect(renderBacktest(backtestOf(SAMPLE, {}, { checks: { name: "Team practices" } })).split("\n\n")[0]).toBe(
      "With the proposed config, every pull request would have been judged as it was with the current one.",
    );
  });

  it("lists fewer examples, then none, to fit a byte budget, and says so", () => {
    const many = Array.from({ length: 40 }, (_, index) => merged(index + 1, { body: words(25), title: `Änderung ${"ü".repeat(90)} ${index + 1}` }));
    const result = backtestOf(many, {}, { reasoning: { min_words: 40 } });
    const full = renderBacktest(result);
    expect(full.match(/^- \[#/gm)).toHaveLength(5);

    const three = renderBacktest(result, { maxBytes: utf8Bytes(full) - 1 });
    expect(three.match(/^- \[#/gm)).toHaveLength(3);
    expect(three).toContain("_Fewer examples are listed here to stay within GitHub's size limit._");

    const one = renderBacktest(result, { maxBytes: utf8Bytes(three) - 1 });
    expect(one.match(/^- \[#/gm)).toHaveLength(1);

    const none = renderBacktest(result, { maxBytes: utf8Bytes(one) - 1 });
    expect(none).not.toMatch(/^- \[#/m);
    expect(none).toContain("**Documented reasoning** would newly fail on 40 pull requests.");
    expect(none).toContain("_Fewer examples are listed here");
    expect(utf8Bytes(none)).toBeLessThan(utf8Bytes(one));

    const cut = renderBacktest(result, { maxBytes: 200 });
    expect(utf8Bytes(cut)).toBeLessThanOrEqual(200);
    expect(cut.endsWith("…")).toBe(true);
  });
});

describe("renderBacktestJson", () => {
  it("gives every changed PR by number, the tallies and the API calls", () => {
    const json = renderBacktestJson(backtestOf(SAMPLE, {}, { reasoning: { min_words: 40 } }), 3);
    expect(json).toEqual({
      period: { from: "2026-10-26T00:00:00Z", to: "2026-11-23T00:00:00Z" },
      prs: 6,
      left_out: 1,
      rules: [
        { id: "reasoning", current: { pass: 6, fail: 0, skip: 0, level: "warning" }, proposed: { pass: 2, fail: 4, skip: 0, level: "warning" }, newly_failing: [4, 3, 2, 1], newly_passing: [] },
        { id: "tests", current: { pass: 5, fail: 1, skip: 0, level: "warning" }, proposed: { pass: 5, fail: 1, skip: 0, level: "warning" }, newly_failing: [], newly_passing: [] },
        { id: "review", current: { pass: 6, fail: 0, skip: 0, level: "notice" }, proposed: { pass: 6, fail: 0, skip: 0, level: "notice" }, newly_failing: [], newly_passing: [] },
      ],
      conclusions: { current: { success: 5, neutral: 1, failure: 0 }, proposed: { success: 1, neutral: 5, failure: 0 }, newly_failing: [], newly_passing: [] },
      not_backtested: [
        { id: "disabled-tests", reason: "it reads each PR's diff, which would cost a request per PR" },
        { id: "flaky", reason: "it is a repository-level policy, not a judgement of each PR" },
      ],
      api_calls: 3,
    });
  });
});

describe("renderConfigImpact", () => {
  it("compared: heading, the period, the comparison named for this PR, and a next step", () => {
    const section = renderConfigImpact({ kind: "compared", backtest: backtestOf(SAMPLE, {}, { reasoning: { min_words: 40 } }), period: PERIOD });
    expect(section.split("\n").slice(0, 6)).toEqual([
      IMPACT_HEADING,
      "The 6 pull requests merged in the last 4 weeks, 2026-10-26 to 2026-11-22 (2026-W44 to 2026-W47, UTC), judged with the current config and with this PR's:",
      "",
      "With this PR's config, 4 pull requests would newly fail an agreement; no check run would change to or from `failure`.",
      "",
      "| Agreement | Current config: pass · fail · skip | This PR's config: pass · fail · skip | Newly failing | No longer failing |",
    ]);
    expect(section).toContain("| Documented reasoning | 6 · 0 · 0 (`warning`) | 2 · 4 · 0 (`warning`) | 4 | 0 |");
    expect(section.endsWith("`mode: shadow` lets the team watch new settings on live pull requests before they block any.")).toBe(true);
  });

  it("stays within its budget however long the lists are", () => {
    const many = Array.from({ length: 400 }, (_, index) => merged(index + 1, { body: words(25), title: "😀".repeat(200) }));
    const section = renderConfigImpact({ kind: "compared", backtest: backtestOf(many, {}, { reasoning: { min_words: 40 } }), period: PERIOD }, 3000);
    expect(utf8Bytes(section)).toBeLessThanOrEqual(3000);
    expect(section).toContain("| Documented reasoning | 400 · 0 · 0 (`warning`) | 0 · 400 · 0 (`warning`) | 400 | 0 |");
  });

  it("unchanged, unavailable, and nothing merged", () => {
    expect(renderConfigImpact({ kind: "unchanged" })).toMatchInlineSnapshot(`
      "### What this change would have done
      Nothing: this PR's config has the same settings in effect as the current one (comments, formatting and values equal to their defaults change nothing), so every recent pull request would have been judged as it was."
    `);
    expect(renderConfigImpact({ kind: "unavailable", reason: "GitHub answered HTTP 502 while the merged pull requests were read." })).toMatchInlineSnapshot(`
      "### What this change would have done
      This could not be worked out this time: GitHub answered HTTP 502 while the merged pull requests were read. It is tried again on the PR's next push, or with "Re-run checks"."
    `);
    expect(renderConfigImpact({ kind: "compared", backtest: backtestOf([], {}, { reasoning: { min_words: 40 } }), period: PERIOD })).toMatchInlineSnapshot(`
      "### What this change would have done
      No pull request was merged in the last 4 weeks, 2026-10-26 to 2026-11-22 (2026-W44 to 2026-W47, UTC), that eng-health judges, so there is nothing to compare yet."
    `);
  });
});

describe("summarizeBacktest", () => {
  it.each([
    [{ reasoning: { min_words: 40 } }, "With the proposed config, 4 pull requests would newly fail an agreement; no check run would change to or from `failure`."],
    [{ tests: { level: "failure" } }, "With the proposed config, each agreement would pass and fail the same pull requests as before, but 1 check run would newly conclude `failure`."],
    [{ reasoning: { min_words: 40 }, tests: { min_changed_lines: 100 } }, "With the proposed config, 4 pull requests would newly fail an agreement and 1 would no longer fail one; no check run would change to or from `failure`."],
    [{ mode: "shadow" }, "With the proposed config, every pull request would have been judged as it was with the current one."],
  ] as const)("%j: %s", (proposed, sentence) => {
    expect(summarizeBacktest(backtestOf(SAMPLE, {}, proposed as ConfigInput))).toBe(sentence);
  });

  it("says nothing without a proposed config", () => {
    expect(summarizeBacktest(backtestOf(SAMPLE, {}, null))).toBeNull();
  });
});
