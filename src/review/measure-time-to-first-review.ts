import type { Actor, ReviewFacts, SubmittedReview } from "../model/pull-request-facts.js";
import { isBot } from "../model/is-bot.js";
import type { BusinessClock } from "../time/business-clock.js";
import { parseInstant } from "../time/parse-instant.js";
import type { ReviewOwners } from "./first-review-owners.js";

/** Time to first review (TTFR) of one pull request, as of `now`. */
export interface TimeToFirstReview {
  /** ISO instant the PR first became ready for review, or null (still a draft / never ready). */
  readyAt: string | null;
  /** ISO instant of the first qualifying review, or null. */
  firstReviewAt: string | null;
  /** Hours (business hours when configured) from ready to first review, leaving out time back in draft; null when no review. */
  hours: number | null;
  /** When there is no review yet and the PR is open and ready: hours waited so far up to `now`; else null. */
  waitingHours: number | null;
  /** True when the PR is currently a draft (clock stopped). */
  inDraft: boolean;
}

/** A stretch of time the PR was ready for review; `to` null means "still ready". */
interface ReadyPeriod {
  from: string;
  to: string | null;
}

/**
 * Measure time to first review, exactly as the README defines it (README, `review`): from the moment the PR is ready for review (its creation
 * if it was not created as a draft, else its first `ready_for_review`) to the
 * first submitted review by someone other than the author who is not a bot,
 * leaving out any time back in draft (from `convert_to_draft` to the next
 * `ready_for_review`). A PR merged or closed with no such review has none.
 *
 * Which reviews qualify: not `PENDING` (a pending review is not submitted;
 * a later `DISMISSED` one was, so it counts), not by the PR author, not by a
 * bot ({@link isBot}), not by a login in `options.ignoreAuthors` (logins
 * compared case-insensitively, as GitHub does), with `options.owners` (from
 * `firstReviewOwners`, `review.require_owner: true`) only by one of those
 * users or on behalf of one of those teams, and submitted no later than
 * `now` and than the PR's close or merge (a review after merging does not
 * turn an unreviewed PR into a reviewed one).
 *
 * Everything is evaluated as of `options.now`: timeline events and reviews
 * after it are ignored, so a past instant gives the figure as it stood then.
 * `review_requested` events do not move the clock: it starts when the PR is
 * ready, whether or not anyone has been asked yet.
 *
 * A qualifying review submitted while the PR had not yet become ready (a draft
 * reviewed early) gives `hours: 0` once it is ready; while the PR has never
 * been ready, `hours` is null even if someone reviewed it.
 *
 * @param pr the PR's author, lifecycle instants (ISO) and review facts
 * @param options `clock` measures each ready period (business or wall-clock
 *   hours), `ignoreAuthors` lists reviewer logins to ignore, `now` is the ISO
 *   instant of evaluation, `owners` (optional; null or absent: anyone) limits
 *   whose review counts
 * @returns the measure; all hours are in the clock's unit
 * @throws RangeError when an instant that decides the result is not ISO 8601
 */
export function measureTimeToFirstReview(
  pr: { author: Actor; createdAt: string; closedAt: string | null; mergedAt: string | null; review: ReviewFacts },
  options: { clock: BusinessClock; ignoreAuthors: string[]; now: string; owners?: ReviewOwners | null },
): TimeToFirstReview {
  const nowMs = parseInstant(options.now);
  const endedMs = Math.min(
    ...[pr.closedAt, pr.mergedAt].filter((at): at is string => at !== null).map(parseInstant),
  );
  const isOpen = !(endedMs <= nowMs);
  const cutoffMs = Math.min(nowMs, endedMs);

  const { periods, readyAt, inDraft } = readyPeriods(pr.createdAt, pr.review, nowMs);
  const firstReview = findFirstReview(pr.review.reviews, {
    author: pr.author.login,
    ignoreAuthors: options.ignoreAuthors,
    cutoffMs,
    owners: options.owners ?? null,
  });
  const firstReviewAt = firstReview?.submittedAt ?? null;

  const readyHoursUntil = (endIso: string): number =>
    periods.reduce((sum, period) => sum + options.clock.hoursBetween(period.from, earlierOf(period.to, endIso)), 0);

  const hours = firstReviewAt !== null && readyAt !== null ? readyHoursUntil(firstReviewAt) : null;
  const waitingHours = firstReviewAt === null && isOpen && !inDraft ? readyHoursUntil(options.now) : null;
  return { readyAt, firstReviewAt, hours, waitingHours, inDraft };
}

/** Replay the ready/draft transitions up to `nowMs` into the periods the PR was ready. */
function readyPeriods(
  createdAt: string,
  review: ReviewFacts,
  nowMs: number,
): { periods: ReadyPeriod[]; readyAt: string | null; inDraft: boolean } {
  const events = review.timeline
    .filter((event) => event.type !== "review_requested" && parseInstant(event.at) <= nowMs)
    .map((event, index) => ({ event, index, ms: parseInstant(event.at) }))
    // Stable by time: the facts promise oldest first, but a re-sort costs nothing and guards the replay.
    .sort((a, b) => a.ms - b.ms || a.index - b.index)
    .map(({ event }) => event);

  const periods: ReadyPeriod[] = [];
  let readySince: string | null = review.createdAsDraft ? null : createdAt;
  let readyAt = readySince;
  for (const event of events) {
    if (event.type === "ready_for_review" && readySince === null) {
      readySince = event.at;
      readyAt ??= event.at;
    } else if (event.type === "convert_to_draft" && readySince !== null) {
      periods.push({ from: readySince, to: event.at });
      readySince = null;
    }
  }
  if (readySince !== null) periods.push({ from: readySince, to: null });
  return { periods, readyAt, inDraft: readySince === null };
}

function findFirstReview(
  reviews: readonly SubmittedReview[],
  filter: { author: string; ignoreAuthors: readonly string[]; cutoffMs: number; owners: ReviewOwners | null },
): SubmittedReview | undefined {
  const ignored = new Set([filter.author, ...filter.ignoreAuthors].map((login) => login.toLowerCase()));
  const owners = filter.owners;
  let first: { review: SubmittedReview; ms: number } | undefined;
  for (const review of reviews) {
    if (review.state.toUpperCase() === "PENDING") continue;
    if (isBot(review.author) || ignored.has(review.author.login.toLowerCase())) continue;
    if (owners !== null && !byOwner(review, owners)) continue;
    const ms = parseInstant(review.submittedAt);
    if (ms > filter.cutoffMs) continue;
    if (first === undefined || ms < first.ms) first = { review, ms };
  }
  return first?.review;
}

/** True when a review comes from an owning user, or was made on behalf of an owning team. */
function byOwner(review: SubmittedReview, owners: ReviewOwners): boolean {
  if (owners.users.includes(review.author.login.toLowerCase())) return true;
  return (review.onBehalfOf ?? []).some((team) => owners.teams.includes(team.toLowerCase()));
}

/** The earlier of two ISO instants; `null` stands for "not yet" (later than anything). */
function earlierOf(a: string | null, b: string): string {
  if (a === null) return b;
  return parseInstant(a) <= parseInstant(b) ? a : b;
}
