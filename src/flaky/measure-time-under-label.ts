import { parseInstant } from "../time/parse-instant.js";
import { daysBetween, roundToTenth } from "../time/days-between.js";

/** An issue timeline event, as far as the flaky-test lifecycle cares. */
export interface LabelTimelineEvent {
  type: "labeled" | "unlabeled" | "closed" | "reopened";
  /** The label's name, for `labeled` and `unlabeled`. */
  label?: string;
  /** ISO time of the event. */
  at: string;
}

/**
 * How long an issue lived under a label: from the first time it got `label`
 * to the first close after that (issue 4, "Time under the label"; the weekly
 * report uses it to say how long flaky tests live).
 *
 * Events are put in time order first (stable, so same-instant events keep
 * their given order). Label names compare case-insensitively, as GitHub's do.
 * Unlabelling or reopening in between does not stop the clock.
 *
 * @param events the timeline, any order
 * @param label the flaky label, `flaky.label`
 * @returns wall-clock days, 1 decimal; null when the issue never got the label
 *   or was not closed after getting it
 * @throws RangeError when an event's `at` is not an ISO time
 */
export function measureTimeUnderLabel(events: LabelTimelineEvent[], label: string): number | null {
  const ordered = events
    .map((event, index) => ({ event, index, ms: timeOf(event) }))
    .sort((a, b) => a.ms - b.ms || a.index - b.index)
    .map(({ event }) => event);
  const wanted = label.toLowerCase();
  const labeledAt = ordered.findIndex((event) => event.type === "labeled" && event.label?.toLowerCase() === wanted);
  if (labeledAt === -1) return null;
  const closed = ordered.slice(labeledAt + 1).find((event) => event.type === "closed");
  const labeled = ordered[labeledAt];
  if (closed === undefined || labeled === undefined) return null;
  return roundToTenth(daysBetween(labeled.at, closed.at));
}

function timeOf(event: LabelTimelineEvent): number {
  try {
    return parseInstant(event.at);
  } catch (error) {
    throw new RangeError(`${event.type} event: ${error instanceof Error ? error.message : String(error)}`);
  }
}
