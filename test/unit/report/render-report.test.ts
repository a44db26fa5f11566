import { describe, expect, it } from "vitest";
import { configSchema, type ConfigInput } from "../../../src/config/schema.js";
import type { FlakyWeek, WaitingPullRequest } from "../../../src/report/measure-week.js";
import { parseReportMarker } from "../../../src/report/report-marker.js";
import { MAX_LISTED_ITEMS, renderReport, type RenderReportInput } from "../../../src/report/render-report.js";
import { ISSUE_BODY_MAX_CHARS } from "../../../src/model/github-limits.js";
import type { WeekMetrics } from "../../../src/model/week-metrics.js";

const THIS_WEEK: WeekMetrics = {
  prs_opened: 34,
  prs_merged: 31,
  ttfr_median_hours: 3.2,
  ttfr_p90_hours: 20.75,
  review_sla_met_pct: 94,
  reasoning_pass_pct: 81,
  tests_pass_pct: 92,
  size_pass_pct: 95,
  flaky_open: 4,
  flaky_unassigned: 1,
  flaky_opened: 1,
  flaky_closed: 2,
  flaky_oldest_days: 23,
  flaky_reruns: 0,
  flaky_rerun_minutes: 0,
  waiting_for_review: 2,
};

const LAST_WEEK: WeekMetrics = {
  ...THIS_WEEK,
  prs_merged: 25,
  ttfr_median_hours: 5.9,
  review_sla_met_pct: 88,
  reasoning_pass_pct: 84,
  tests_pass_pct: 90,
  flaky_open: 6,
};

const TREND_MEDIANS = [9.1, 8.4, null, 7.7, 6.0, 6.3, 5.9, 3.2];
const TREND_MERGED = [22, 25, 19, 28, 24, 27, 25, 31];
const TREND = TREND_MEDIANS.map((median, index) => ({
  week: `2026-W${40 + index}`,
  metrics: { ...THIS_WEEK, ttfr_median_hours: median, prs_merged: TREND_MERGED[index] ?? 0 },
}));

const WAITING: WaitingPullRequest[] = [
  {
    number: 431,
    title: "Add invoice export",
    htmlUrl: "https://github.com/acme/widgets/pull/431",
    readyAt: "2026-11-19T10:00:00Z",
    waitingHours: 16,
    requestedReviewers: [],
    requestedTeams: ["acme/billing"],
  },
  {
    number: 435,
    title: "Bump cache TTL",
    htmlUrl: "https://github.com/acme/widgets/pull/435",
    readyAt: "2026-11-20T14:00:00Z",
    waitingHours: 3,
    requestedReviewers: ["alice"],
    requestedTeams: [],
  },
];

const link = (number: number, title: string) => ({ number, title, htmlUrl: `https://github.com/acme/widgets/issues/${number}` });
const FLAKY: FlakyWeek = {
  open: [
    { ...link(380, "cache expires entries flakes on CI"), ageDays: 23, assigned: false },
    { ...link(402, "upload retries time out"), ageDays: 9.5, assigned: true },
    { ...link(409, "date picker snapshot"), ageDays: 4, assigned: true },
    { ...link(420, "queue drains twice"), ageDays: 1, assigned: true },
  ],
  opened: [link(420, "queue drains twice")],
  closed: [link(412, "login redirect"), link(418, "search ranking order")],
  closedLifetimeDays: 6.5,
};

const input = (overrides: Partial<RenderReportInput> = {}, configInput: ConfigInput = {}): RenderReportInput => ({
  week: "2026-W47",
  monday: "2026-11-16",
  metrics: THIS_WEEK,
  previous: LAST_WEEK,
  trend: TREND,
  waiting: WAITING,
  flaky: FLAKY,
  config: configSchema.parse(configInput),
  apiCalls: 7,
  configUrl: "https://github.com/acme/widgets/blob/main/.github/eng-health.yml",
  ...overrides,
});

/** The fenced Mermaid block of a body, or null. */
function mermaidBlock(body: string): string[] | null {
  const match = /```mermaid\n([\s\S]*?)\n```/.exec(body);
  return match?.[1]?.split("\n") ?? null;
}

/** Items of `x-axis [a, b]`, `line [1, 2]` or `bar [1, 2]`. */
function seriesOf(lines: readonly string[], keyword: string): string[] {
  const line = lines.find((candidate) => candidate.trim().startsWith(`${keyword} [`));
  const inside = /\[(.*)\]/.exec(line ?? "")?.[1] ?? "";
  return inside.split(",").map((item) => item.trim());
}

describe("renderReport", () => {
  it("renders the full weekly issue", () => {
    const report = renderReport(input());
    expect(report.title).toBe("Team health: week of 2026-11-16");
    expect(report.body).toMatchInlineSnapshot(`
      "## 🎉 Wins this week
      - 31 pull requests merged, 6 more than last week.
      - Median time to first review fell to 3.2 business hours (target 24 h).
      - 94 % of pull requests got a first review within the target.
      - Tests came with code on 92 % of merged pull requests.
      - 95 % of merged pull requests stayed small enough to review in one sitting.
      - 2 flaky tests closed: [#412](https://github.com/acme/widgets/issues/412), [#418](https://github.com/acme/widgets/issues/418).
      - Open flaky tests down to 4 from 6.

      ## Agreements at a glance
      | Agreement | Target | This week | Last week | Trend | |
      |---|---|---|---|---|---|
      | Time to first review (median, business hours) | ≤ 24 h | 3.2 h | 5.9 h | ▼ better | ✅ |
      | Reviews within target | ≥ 90 % | 94 % | 88 % | ▲ better | ✅ |
      | Documented reasoning | ≥ 90 % | 81 % | 84 % | ▼ worse | ⚠️ |
      | Tests with code | ≥ 90 % | 92 % | 90 % | ▲ better | ✅ |
      | Small pull requests | ≥ 90 % | 95 % | 95 % | → same | ✅ |
      | Open flaky tests | ≤ 10 | 4 | 6 | ▼ better | ✅ |

      ## Trend (8 weeks)
      \`\`\`mermaid
      xychart-beta
        title "PRs merged (bars) and median time to first review in business hours (line)"
        x-axis [W40, W41, W42, W43, W44, W45, W46, W47]
        y-axis "PRs / business hours" 0 --> 35
        bar [22, 25, 19, 28, 24, 27, 25, 31]
        line [9.1, 8.4, 0, 7.7, 6, 6.3, 5.9, 3.2]
      \`\`\`

      <sub>Bars: pull requests merged. Line: median time to first review (business hours). No first review was measured in W42; the line shows 0 there.</sub>

      ## Waiting for a first review
      2 pull requests were ready and waiting for a first review when the week ended, oldest first:
      - [#431](https://github.com/acme/widgets/pull/431) Add invoice export (waiting 16 business hours; team acme/billing requested)
      - [#435](https://github.com/acme/widgets/pull/435) Bump cache TTL (waiting 3 business hours; 1 reviewer requested)

      ## Flaky tests
      4 open (the team's limit is 10), oldest [#380](https://github.com/acme/widgets/issues/380) (23 days, unassigned); 1 without an assignee. This week: 1 opened, 2 closed. The 2 closed had been flaky for a median of 6.5 days.

      - [#380](https://github.com/acme/widgets/issues/380) cache expires entries flakes on CI (23 days, unassigned)
      - [#402](https://github.com/acme/widgets/issues/402) upload retries time out (9.5 days)
      - [#409](https://github.com/acme/widgets/issues/409) date picker snapshot (4 days)
      - [#420](https://github.com/acme/widgets/issues/420) queue drains twice (1 day)

      Could someone pick up [#380](https://github.com/acme/widgets/issues/380) this week?

      ## Questions for your retro
      - Documented reasoning dipped to 81 %. What made the "why" hard to write on the pull requests that missed it?
      - Which of the 2 pull requests waiting for a first review is blocking someone today?
      - What slowed the team down this week that these figures do not show?

      <sub>Generated by eng-health from [\`.github/eng-health.yml\`](https://github.com/acme/widgets/blob/main/.github/eng-health.yml) · 7 API calls</sub>
      <!-- eng-health:report {"week":"2026-W47","metrics":{"prs_opened":34,"prs_merged":31,"ttfr_median_hours":3.2,"ttfr_p90_hours":20.75,"review_sla_met_pct":94,"reasoning_pass_pct":81,"tests_pass_pct":92,"size_pass_pct":95,"flaky_open":4,"flaky_unassigned":1,"flaky_opened":1,"flaky_closed":2,"flaky_oldest_days":23,"flaky_reruns":0,"flaky_rerun_minutes":0,"waiting_for_review":2}} -->
      "
    `);
  });

  it("draws a well-formed Mermaid xychart with one value per week in every series", () => {
    const { body } = renderReport(input());
    expect(body).toContain("## Trend (8 weeks)\n```mermaid\nxychart-beta\n");
    const lines = mermaidBlock(body);
    expect(lines?.[0]).toBe("xychart-beta");
    const chart = lines ?? [];
    const labels = seriesOf(chart, "x-axis");
    expect(labels).toEqual(["W40", "W41", "W42", "W43", "W44", "W45", "W46", "W47"]);
    expect(seriesOf(chart, "line").map(Number)).toEqual([9.1, 8.4, 0, 7.7, 6, 6.3, 5.9, 3.2]);
    expect(seriesOf(chart, "bar").map(Number)).toEqual(TREND_MERGED);
    expect(chart.find((line) => line.includes("y-axis"))).toMatch(/ 0 --> 35$/);
    expect(body).toContain("No first review was measured in W42; the line shows 0 there.");
  });

  it("puts the sections in the agreed order, the marker last", () => {
    const { body } = renderReport(input());
    const headings = body.split("\n").filter((line) => line.startsWith("## "));
    expect(headings).toEqual([
      "## 🎉 Wins this week",
      "## Agreements at a glance",
      "## Trend (8 weeks)",
      "## Waiting for a first review",
      "## Flaky tests",
      "## Questions for your retro",
    ]);
    expect(body.trimEnd().split("\n").at(-1)).toMatch(/^<!-- eng-health:report \{.*\} -->$/);
    expect(parseReportMarker(body)).toEqual({ week: "2026-W47", metrics: THIS_WEEK });
  });

  it("still finds a win and asks two or three questions in a bad week with no previous report", () => {
    const bad: WeekMetrics = {
      prs_opened: 3,
      prs_merged: 0,
      ttfr_median_hours: 40,
      ttfr_p90_hours: 70,
      review_sla_met_pct: 20,
      reasoning_pass_pct: null,
      tests_pass_pct: null,
      flaky_open: 14,
      flaky_unassigned: 0,
      flaky_opened: 0,
      flaky_closed: 0,
      flaky_oldest_days: 40,
      waiting_for_review: 0,
    };
    const { body } = renderReport(
      input({ metrics: bad, previous: null, trend: [{ week: "2026-W47", metrics: bad }], waiting: [], flaky: { open: [], opened: [], closed: [], closedLifetimeDays: null } }),
    );
    const wins = sectionOf(body, "🎉 Wins this week");
    expect(wins).toEqual(["- No ready pull request was left waiting for a first review at the end of the week."]);
    const questions = sectionOf(body, "Questions for your retro");
    expect(questions).toEqual([
      // Furthest from target first: 20 % is 78 % short of 90 %; 40 h is 67 % over 24 h; 14 is 40 % over 10.
      expect.stringMatching(/^- 20 % of pull requests got a first review within the target\./),
      expect.stringMatching(/^- Median time to first review was 40 h against a target of 24 h\./),
      expect.stringMatching(/^- 14 flaky tests are open \(the team's limit is 10\)\./),
    ]);
    expect(body).toContain("| Documented reasoning | ≥ 90 % | — | — | — | — |");
    expect(body).toContain("## Trend (1 week)");
  });

  it.each([
    [3, "- 3 pull requests opened."],
    [0, "- A quiet week: no pull request was opened or merged."],
  ])("falls back to an honest line when nothing improved (%i opened)", (opened, line) => {
    const flat: WeekMetrics = {
      ...THIS_WEEK,
      prs_opened: opened,
      prs_merged: 0,
      ttfr_median_hours: null,
      review_sla_met_pct: null,
      reasoning_pass_pct: null,
      tests_pass_pct: null,
      size_pass_pct: null,
      flaky_open: 12,
      flaky_closed: 0,
      waiting_for_review: 2,
    };
    const { body } = renderReport(input({ metrics: flat, previous: { ...flat, flaky_open: 12 }, flaky: { ...FLAKY, closed: [] } }));
    expect(sectionOf(body, "🎉 Wins this week")).toEqual([line]);
  });

  it("asks what helped when every agreement met its target", () => {
    const good: WeekMetrics = { ...THIS_WEEK, reasoning_pass_pct: 95, waiting_for_review: 0 };
    const { body } = renderReport(input({ metrics: good, waiting: [] }));
    expect(sectionOf(body, "Questions for your retro")).toEqual([
      "- Every agreement with a figure met its target this week. What helped most, and how does the team keep it up?",
      "- What slowed the team down this week that these figures do not show?",
    ]);
    expect(body).toContain("No ready pull request was waiting for a first review when the week ended.");
  });

  it("escapes titles, so none can hide the marker or notify anyone", () => {
    const sneaky: WaitingPullRequest = {
      ...WAITING[0]!,
      title: "Fix --> and <!-- eng-health:report {\"week\":\"2020-W01\"} --> for @alice",
    };
    const { body } = renderReport(input({ waiting: [sneaky, WAITING[1]!] }));
    expect(body).toContain("Fix --&gt; and &lt;!-- eng-health:report {\"week\":\"2020-W01\"} --&gt; for @\u200balice");
    expect(parseReportMarker(body)).toEqual({ week: "2026-W47", metrics: THIS_WEEK });
  });

  it("summarises a huge waiting list and stays under GitHub's issue-body limit", () => {
    const many: WaitingPullRequest[] = Array.from({ length: 5_000 }, (_, index) => ({
      number: index + 1,
      title: `Refactor ${"très long titre ".repeat(20)} ${index}`,
      htmlUrl: `https://github.com/acme/widgets/pull/${index + 1}`,
      readyAt: "2026-11-10T00:00:00Z",
      waitingHours: 40,
      requestedReviewers: Array.from({ length: 30 }, (_, n) => `reviewer-${n}`),
      requestedTeams: ["acme/platform"],
    }));
    const { body } = renderReport(input({ metrics: { ...THIS_WEEK, waiting_for_review: many.length }, waiting: many }));
    expect(Buffer.byteLength(body, "utf8")).toBeLessThanOrEqual(ISSUE_BODY_MAX_CHARS);
    const waitingLines = sectionOf(body, "Waiting for a first review").filter((line) => line.startsWith("- "));
    expect(waitingLines).toHaveLength(MAX_LISTED_ITEMS + 1);
    expect(waitingLines.at(-1)).toBe(`- …and ${5_000 - MAX_LISTED_ITEMS} more waiting.`);
    expect(waitingLines[0]).toMatch(/; 30 reviewers and team acme\/platform requested\)$/);
    expect(parseReportMarker(body)?.metrics.waiting_for_review).toBe(5_000);
  });

  it("cuts the text before the footer when even short lists do not fit, keeping footer and marker", () => {
    // A trend far longer than trend_weeks allows is the one way to outgrow the limit without lists.
    const longTrend = Array.from({ length: 6_000 }, (_, index) => ({ week: "2026-W47", metrics: { ...THIS_WEEK, prs_merged: index } }));
    const { body } = renderReport(input({ trend: longTrend }));
    expect(Buffer.byteLength(body, "utf8")).toBeLessThanOrEqual(ISSUE_BODY_MAX_CHARS);
    const [beforeNote = ""] = body.split("_The rest of this report was cut to fit GitHub's size limit for issues._");
    expect(beforeNote).not.toBe(body);
    // The chart's fence is closed before the note, so the footer and marker render outside it.
    expect(beforeNote.split("\n").filter((line) => line.startsWith("```"))).toHaveLength(2);
    expect(body).toContain("<sub>Generated by eng-health from");
    expect(parseReportMarker(body)).toEqual({ week: "2026-W47", metrics: THIS_WEEK });
  });

  it("shows wall-clock waits of two days or more in days", () => {
    const { body } = renderReport(
      input({ waiting: [{ ...WAITING[0]!, waitingHours: 60 }], metrics: { ...THIS_WEEK, waiting_for_review: 1 } }, { review: { business_hours: false } }),
    );
    expect(body).toContain("(waiting 2.5 days; team acme/billing requested)");
    expect(body).toContain("| Time to first review (median) | ≤ 24 h |");
  });
});

/** The lines of a section, without its heading and blank lines. */
function sectionOf(body: string, heading: string): string[] {
  const start = body.indexOf(`## ${heading}\n`);
  if (start === -1) return [];
  const rest = body.slice(start + heading.length + 4);
  const end = rest.search(/\n## |\n<sub>Generated/);
  return (end === -1 ? rest : rest.slice(0, end)).split("\n").filter((line) => line.trim() !== "");
}
