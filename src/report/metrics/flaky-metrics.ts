import { countOf } from "../../text/count-of.js";
import type { WeekMetric } from "./week-metric.js";

/**
 * `flaky_open`: issues (not PRs) with `flaky.label` open at the window's end.
 * The agreement: at most `flaky.max_open`.
 */
export const flakyOpen: WeekMetric = {
  key: "flaky_open",
  kind: "count",
  description: "issues with `flaky.label` open at the window's end",
  measure: (week) => week.flaky.open.length,
  agreement: {
    key: "flaky",
    name: () => "Open flaky tests",
    target: (config) => config.flaky.max_open,
    targetText: (target) => `≤ ${target}`,
    betterWhen: "lower",
    format: (value) => (value === null ? "—" : String(value)),
    question: (s) =>
      `${countOf(s.value ?? 0, "flaky test")} ${s.value === 1 ? "is" : "are"} open (the team's limit is ${s.target}). ` +
      "Could the team set aside time this week to fix the oldest, and what keeps new ones from piling up?",
    wins(status, context) {
      const wins: string[] = [];
      if (context.closedFlaky.count > 0) wins.push(`${countOf(context.closedFlaky.count, "flaky test")} closed: ${context.closedFlaky.links}.`);
      if (status.value === 0) wins.push("No flaky test was open at the end of the week.");
      else if (status.change === "better") wins.push(`Open flaky tests down to ${status.value} from ${status.format(status.previous)}.`);
      return wins;
    },
  },
};

/** `flaky_unassigned`: of the open flaky issues, those without an assignee (assignees as they are now). */
export const flakyUnassigned: WeekMetric = {
  key: "flaky_unassigned",
  kind: "count",
  description: "of the open flaky issues, those without an assignee",
  measure: (week) => week.flaky.unassigned,
};

/** `flaky_opened`: flaky issues created in the window. */
export const flakyOpened: WeekMetric = {
  key: "flaky_opened",
  kind: "count",
  description: "flaky issues created in the window",
  measure: (week) => week.flaky.opened.length,
};

/** `flaky_closed`: flaky issues closed in the window. */
export const flakyClosed: WeekMetric = {
  key: "flaky_closed",
  kind: "count",
  description: "flaky issues closed in the window",
  measure: (week) => week.flaky.closed.length,
};

/** `flaky_oldest_days`: age in wall-clock days (1 decimal) of the oldest flaky issue open at the window's end. */
export const flakyOldestDays: WeekMetric = {
  key: "flaky_oldest_days",
  kind: "days",
  description: "age in days (1 decimal) of the oldest open flaky issue at the window's end",
  measure: (week) => week.flaky.oldestDays,
};
