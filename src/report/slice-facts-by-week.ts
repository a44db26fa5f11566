import type { ReportFacts } from "../model/report-facts.js";
import { parseInstant } from "../time/parse-instant.js";

/** An ISO week's window: `YYYY-Www` and its ISO UTC instants (start inclusive, end exclusive). */
export interface WeekWindow {
  week: string;
  start: string;
  end: string;
}

/**
 * Cut facts gathered over several weeks (a trend's pass) into one week's
 * population (pure): the pull requests and flaky issues open at some moment
 * of the week (created before its end, not closed before its start), with the
 * window set to the week. `measureWeek` gives the same figures on these as on
 * the whole pass, for a fraction of the work. Lifetimes are read once, when
 * the slicer is made, so slicing week after week costs no parsing.
 *
 * @param facts the facts of the whole pass
 * @returns a function from a week's window to that week's facts
 * @throws RangeError when a `createdAt`/`closedAt` is not an ISO instant
 */
export function sliceFactsByWeek(facts: ReportFacts): (week: WeekWindow) => ReportFacts {
  const lifetime = (item: { createdAt: string; closedAt: string | null }) => ({
    created: parseInstant(item.createdAt),
    closed: item.closedAt === null ? Number.POSITIVE_INFINITY : parseInstant(item.closedAt),
  });
  const pullRequests = facts.pullRequests.map((item) => ({ item, life: lifetime(item) }));
  const flakyIssues = facts.flakyIssues.map((item) => ({ item, life: lifetime(item) }));
  return (week) => {
    const startMs = parseInstant(week.start);
    const endMs = parseInstant(week.end);
    const openDuring = ({ life }: { life: { created: number; closed: number } }): boolean => life.created < endMs && life.closed >= startMs;
    return {
      ...facts,
      window: { week: week.week, start: week.start, end: week.end },
      pullRequests: pullRequests.filter(openDuring).map(({ item }) => item),
      flakyIssues: flakyIssues.filter(openDuring).map(({ item }) => item),
    };
  };
}
