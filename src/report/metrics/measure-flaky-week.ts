import type { Config } from "../../config/schema.js";
import { measureTimeUnderLabel } from "../../flaky/measure-time-under-label.js";
import { flakyIssueAgeDays, summarizeFlakyIssues } from "../../flaky/summarize-flaky-issues.js";
import type { FlakyIssue } from "../../model/pull-request-facts.js";
import type { ReportFlakyIssue } from "../../model/report-facts.js";
import { parseInstant } from "../../time/parse-instant.js";
import { median, roundTo } from "../stats.js";
import { measureFlakyReruns, type FlakyReruns } from "./measure-flaky-reruns.js";
import type { WindowTests } from "./window-tests.js";

/** A flaky-test issue, for links in the report. */
export interface FlakyIssueLink {
  number: number;
  title: string;
  htmlUrl: string;
}

/** A flaky-test issue open at the window's end. */
export interface OpenFlakyIssue extends FlakyIssueLink {
  /** Wall-clock days from the label (else creation) to the window's end, 1 decimal. */
  ageDays: number;
  /** True when someone is assigned (the report counts, never names, assignees). */
  assigned: boolean;
}

/** The flaky-test lists behind the flaky metrics. */
export interface FlakyWeek {
  /** Open at the window's end, oldest first (ties by number): `metrics.flaky_open` of them. */
  open: OpenFlakyIssue[];
  /** Created in the window, in number order. */
  opened: FlakyIssueLink[];
  /** Closed in the window, in the order they were closed. */
  closed: FlakyIssueLink[];
  /**
   * Median days the issues closed in the window had carried the flaky label
   * (from the label, else creation, to the close; `measureTimeUnderLabel`),
   * 1 decimal; null when none was closed: how long flaky tests live.
   */
  closedLifetimeDays: number | null;
  /**
   * The flaky re-runs whose passing run completed in the window, from the
   * issues opened from CI evidence, with their CI minutes and top checks
   * (`measureFlakyReruns`). Absent means none.
   */
  reruns?: FlakyReruns;
}

/**
 * Flaky issues open at the window's end (oldest first), and those opened and
 * closed in it; the unassigned count and the oldest age as the `flaky` rule
 * counts them (`summarizeFlakyIssues`). Assignees are as they are now.
 */
export function measureFlaky(
  issues: readonly ReportFlakyIssue[],
  config: Config,
  window: WindowTests,
): {
  open: OpenFlakyIssue[];
  unassigned: number;
  oldestDays: number | null;
  opened: FlakyIssueLink[];
  closed: FlakyIssueLink[];
  closedLifetimeDays: number | null;
  reruns: FlakyReruns;
} {
  const openAtEnd = issues.filter((issue) => window.beforeEnd(issue.createdAt) && !window.beforeEnd(issue.closedAt));
  const summary = summarizeFlakyIssues(openAtEnd.map(asFlakyIssue), window.end, config.flaky);
  const open = openAtEnd
    .map((issue) => ({
      ...link(issue),
      // The same age summarizeFlakyIssues judges, so list and figures agree.
      ageDays: flakyIssueAgeDays(asFlakyIssue(issue), window.end),
      assigned: issue.assignees.length > 0,
    }))
    .sort((a, b) => b.ageDays - a.ageDays || a.number - b.number);
  const opened = issues
    .filter((issue) => window.inWindow(issue.createdAt))
    .map(link)
    .sort((a, b) => a.number - b.number);
  const closedIssues = issues
    .filter((issue) => window.inWindow(issue.closedAt))
    .sort((a, b) => parseInstant(a.closedAt ?? "") - parseInstant(b.closedAt ?? "") || a.number - b.number);
  const lifetimes = closedIssues.flatMap((issue) => {
    const days = measureTimeUnderLabel(
      [
        { type: "labeled", label: config.flaky.label, at: issue.labeledAt ?? issue.createdAt },
        { type: "closed", at: issue.closedAt ?? "" },
      ],
      config.flaky.label,
    );
    return days === null ? [] : [days];
  });
  const lifetime = median(lifetimes);
  return {
    open,
    unassigned: summary.unassigned.length,
    oldestDays: summary.oldest?.ageDays ?? null,
    opened,
    closed: closedIssues.map(link),
    closedLifetimeDays: lifetime === null ? null : roundTo(lifetime, 1),
    reruns: measureFlakyReruns(issues, window),
  };
}

function asFlakyIssue(issue: ReportFlakyIssue): FlakyIssue {
  return {
    number: issue.number,
    title: issue.title,
    body: "",
    htmlUrl: issue.htmlUrl,
    createdAt: issue.createdAt,
    ...(issue.labeledAt === undefined ? {} : { labeledAt: issue.labeledAt }),
    assignees: issue.assignees,
    labels: [],
  };
}

function link(issue: ReportFlakyIssue): FlakyIssueLink {
  return { number: issue.number, title: issue.title, htmlUrl: issue.htmlUrl };
}
