import { ISSUE_BODY_MAX_CHARS } from "../model/github-limits.js";
import { figureOf } from "../model/week-metrics.js";
import { countOf } from "../text/count-of.js";
import { NO_FIGURE } from "../text/format-figures.js";
import { truncateUtf8, utf8Bytes } from "../text/truncate-utf8.js";
import { chooseRetroQuestions } from "./choose-retro-questions.js";
import { WEEK_METRICS } from "./metrics/registry.js";
import type { AgreementStatus, WeekMetric } from "./metrics/week-metric.js";

export type { RenderReportInput } from "./render-report-input.js";
import { linkList, renderFlaky, renderWaiting } from "./render-report-lists.js";
import { isBusinessHours, type RenderReportInput } from "./render-report-input.js";
import { renderReportMarker } from "./report-marker.js";
import { renderTrendChart } from "./render-trend-chart.js";
import { renderRollupSection } from "./render-rollup-section.js";
import { summarizeAgreements } from "./summarize-agreements.js";

/** Items named in a list (waiting PRs, open flaky tests) before "and N more". */
export const MAX_LISTED_ITEMS = 20;

/** Smaller list caps tried, in turn, when a body would pass {@link ISSUE_BODY_MAX_CHARS}. */
const FALLBACK_LIST_CAPS = [5, 0] as const;

/** Closed flaky issues linked in the wins before "and N more". */
const MAX_CLOSED_FLAKY_LINKED = 10;

/** Closes a fenced code block left open by a cut, so the note, footer and marker render outside it. */
const CLOSE_FENCE = "\n```";

/** A report issue's title and body. */
export interface RenderedReport {
  title: string;
  body: string;
}

/**
 * The report issue's title.
 *
 * @param monday the week's Monday, `YYYY-MM-DD`
 * @returns `Team health: week of 2026-11-16`
 */
export function renderReportTitle(monday: string): string {
  return `Team health: week of ${monday}`;
}

/**
 * Render the weekly team-health issue (GitHub-flavoured markdown), sections in
 * this order: wins this week; agreements at a glance (agreement, target, this
 * week, last week, trend, status); the trend chart (Mermaid `xychart-beta`);
 * PRs waiting for a first review, oldest first; flaky tests; two or three
 * questions for the retro; a footer linking the config; the hidden marker
 * (`renderReportMarker`) last.
 *
 * A rollup (`input.rollup`) adds a "By repository" section after the
 * agreements, names its items with their repository (`widgets#5`), and stores
 * each repository's figures in the marker beside the team's.
 *
 * Team figures only: no per-person table and no login anywhere (it is a team
 * document, not a ranking): a waiting PR says how many reviewers and which
 * teams (by name, without `@`) were asked; flaky issues show whether someone
 * is assigned, never who. Titles are escaped ({@link escapeInlineText}), so
 * one cannot hide the marker or notify anyone.
 *
 * Size: lists show {@link MAX_LISTED_ITEMS} items and "and N more"; when the
 * body would still pass {@link ISSUE_BODY_MAX_CHARS} (UTF-8 bytes), the lists
 * shrink further, and as a last resort the text before the footer is cut. The
 * footer and marker are always kept whole.
 *
 * @param input the measured week, last week, the trend and the lists
 * @returns the title and body; never throws for well-formed input
 */
export function renderReport(input: RenderReportInput): RenderedReport {
  const title = renderReportTitle(input.monday);
  const tail = renderTail(input);
  let main = "";
  for (const cap of [MAX_LISTED_ITEMS, ...FALLBACK_LIST_CAPS]) {
    main = renderMain(input, cap);
    if (utf8Bytes(main) + utf8Bytes(tail) <= ISSUE_BODY_MAX_CHARS) return { title, body: main + tail };
  }
  const cutNote = "\n\n_The rest of this report was cut to fit GitHub's size limit for issues._\n\n";
  const budget = ISSUE_BODY_MAX_CHARS - utf8Bytes(tail) - utf8Bytes(cutNote) - utf8Bytes(CLOSE_FENCE);
  return { title, body: closeOpenFence(truncateUtf8(main, budget, "")) + cutNote + tail };
}

/** Closes a fenced code block that a cut left open. */
function closeOpenFence(text: string): string {
  const fences = text.split("\n").filter((line) => line.startsWith("```")).length;
  return fences % 2 === 1 ? text + CLOSE_FENCE : text;
}

/** Every section up to the footer. */
function renderMain(input: RenderReportInput, listCap: number): string {
  const trend = input.trend.length > 0 ? input.trend : [{ week: input.week, metrics: input.metrics }];
  const registry = input.registry ?? WEEK_METRICS;
  const agreements = summarizeAgreements(input.metrics, input.previous, input.config, registry);
  const sections = [
    section("🎉 Wins this week", bulletList(renderWins(input, agreements, registry))),
    section("Agreements at a glance", renderAgreementTable(agreements)),
    ...(input.rollup ? [section("By repository", renderRollupSection(input.rollup, registry, input.config))] : []),
    section(
      `Trend (${countOf(trend.length, "week")})`,
      renderTrendChart(trend, { businessHours: isBusinessHours(input) }),
    ),
    section("Waiting for a first review", renderWaiting(input, listCap)),
    section("Flaky tests", renderFlaky(input, listCap)),
    section(
      "Questions for your retro",
      bulletList(chooseRetroQuestions(agreements, { waitingForReview: figureOf(input.metrics, "waiting_for_review") ?? 0 })),
    ),
  ];
  return `${sections.join("\n\n")}\n\n`;
}

/** The footer and the marker: never cut. */
function renderTail(input: RenderReportInput): string {
  const calls = countOf(input.apiCalls, "API call");
  const sources = input.rollup ? " and each repository's own config" : "";
  const repositories = input.rollup ? { repositories: Object.fromEntries(input.rollup.rows.map((row) => [row.name, row.metrics])) } : {};
  return (
    `<sub>Generated by eng-health from [\`.github/eng-health.yml\`](${input.configUrl})${sources} · ${calls}</sub>\n` +
    `${renderReportMarker({ week: input.week, metrics: input.metrics, ...repositories }, input.registry ?? WEEK_METRICS)}\n`
  );
}

function section(heading: string, content: string): string {
  return `## ${heading}\n${content}`;
}

function bulletList(lines: readonly string[]): string {
  return lines.map((line) => `- ${line}`).join("\n");
}


/** What improved or held within target, always at least one honest line. */
function renderWins(input: RenderReportInput, agreements: readonly AgreementStatus[], registry: readonly WeekMetric[]): string[] {
  const { metrics, previous } = input;
  const merged = figureOf(metrics, "prs_merged") ?? 0;
  const opened = figureOf(metrics, "prs_opened") ?? 0;
  const wins: string[] = [];

  if (merged > 0) {
    const before = previous === null ? null : figureOf(previous, "prs_merged");
    const more = before === null ? null : merged - before;
    const compared = more === null || more < 0 ? "" : more === 0 ? ", as many as last week" : `, ${more} more than last week`;
    wins.push(`${countOf(merged, "pull request")} merged${compared}.`);
  }

  const context = {
    metrics,
    previous,
    businessHours: isBusinessHours(input),
    closedFlaky: { count: input.flaky.closed.length, links: linkList(input.flaky.closed, MAX_CLOSED_FLAKY_LINKED, input.rollup) },
  };
  for (const status of agreements) {
    const spec = registry.find((metric) => metric.key === status.metricKey)?.agreement;
    if (spec !== undefined) wins.push(...spec.wins(status, context));
  }

  if (figureOf(metrics, "waiting_for_review") === 0 && (opened > 0 || merged > 0)) {
    wins.push("No ready pull request was left waiting for a first review at the end of the week.");
  }

  if (wins.length === 0) {
    wins.push(opened > 0 ? `${countOf(opened, "pull request")} opened.` : "A quiet week: no pull request was opened or merged.");
  }
  return wins;
}

function renderAgreementTable(agreements: readonly AgreementStatus[]): string {
  const rows = agreements.map((agreement) => {
    const cells = [
      agreement.name,
      agreement.targetText,
      agreement.format(agreement.value),
      agreement.format(agreement.previous),
      trendCell(agreement),
      agreement.met === null ? NO_FIGURE : agreement.met ? "✅" : "⚠️",
    ];
    return `| ${cells.join(" | ")} |`;
  });
  return ["| Agreement | Target | This week | Last week | Trend | |", "|---|---|---|---|---|---|", ...rows].join("\n");
}

/** `▲ better`, `▼ worse`, `→ same`: the arrow is the figure's direction, the word what it means. */
function trendCell(agreement: AgreementStatus): string {
  const { value, previous, change } = agreement;
  if (value === null || previous === null || change === null) return NO_FIGURE;
  if (change === "same") return "→ same";
  return `${value > previous ? "▲" : "▼"} ${change}`;
}
