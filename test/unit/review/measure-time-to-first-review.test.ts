import { describe, expect, it } from "vitest";
import type { ReviewFacts, ReviewTimelineEvent, SubmittedReview } from "../../../src/model/pull-request-facts.js";
import { measureTimeToFirstReview, type TimeToFirstReview } from "../../../src/review/measure-time-to-first-review.js";
import { createBusinessClock } from "../../../src/time/business-clock.js";

const wallClock = createBusinessClock({ business_hours: false, holidays: [] });
const AUTHOR = { login: "octocat", type: "User" };

/** `at(2)` is 2026-11-16 (a Monday) 09:00Z plus two hours. */
function at(hours: number): string {
  return new Date(Date.UTC(2026, 10, 16, 9) + hours * 3_600_000).toISOString();
}

function review(login: string, hours: number, extra: Partial<SubmittedReview> = {}): SubmittedReview {
  return { author: { login, type: "User" }, submittedAt: at(hours), state: "COMMENTED", ...extra };
}

function event(type: ReviewTimelineEvent["type"], hours: number): ReviewTimelineEvent {
  return { type, at: at(hours) };
}

interface Case {
  name: string;
  createdAsDraft?: boolean;
  timeline?: ReviewTimelineEvent[];
  reviews?: SubmittedReview[];
  closedAt?: string | null;
  mergedAt?: string | null;
  ignoreAuthors?: string[];
  now?: string;
  expected: TimeToFirstReview;
}

function measure(c: Case): TimeToFirstReview {
  const reviewFacts: ReviewFacts = {
    createdAsDraft: c.createdAsDraft ?? false,
    timeline: c.timeline ?? [],
    reviews: c.reviews ?? [],
    requestedReviewers: [],
    requestedTeams: [],
  };
  return measureTimeToFirstReview(
    { author: AUTHOR, createdAt: at(0), closedAt: c.closedAt ?? null, mergedAt: c.mergedAt ?? null, review: reviewFacts },
    { clock: wallClock, ignoreAuthors: c.ignoreAuthors ?? ["renovate[bot]", "release-captain"], now: c.now ?? at(100) },
  );
}

describe("measureTimeToFirstReview", () => {
  it.each<Case>([
    {
      name: "ready at creation, reviewed 5 hours later",
      reviews: [review("hubot", 5)],
      expected: { readyAt: at(0), firstReviewAt: at(5), hours: 5, waitingHours: null, inDraft: false },
    },
    {
      name: "created as a draft: the clock starts at ready_for_review",
      createdAsDraft: true,
      timeline: [event("ready_for_review", 10)],
      reviews: [review("hubot", 13)],
      expected: { readyAt: at(10), firstReviewAt: at(13), hours: 3, waitingHours: null, inDraft: false },
    },
    {
      name: "converted back to draft: the draft time is left out",
      timeline: [event("convert_to_draft", 2), event("ready_for_review", 10), event("convert_to_draft", 11), event("ready_for_review", 20)],
      reviews: [review("hubot", 22)],
      // ready 0-2, 10-11, 20-22
      expected: { readyAt: at(0), firstReviewAt: at(22), hours: 5, waitingHours: null, inDraft: false },
    },
    {
      name: "reviewed while back in draft: only the ready time counts",
      timeline: [event("convert_to_draft", 2)],
      reviews: [review("hubot", 8)],
      expected: { readyAt: at(0), firstReviewAt: at(8), hours: 2, waitingHours: null, inDraft: true },
    },
    {
      name: "self-review, bot reviews, ignored and pending reviews do not count",
      reviews: [
        review("octocat", 1),
        review("OctoCat", 1.5, { state: "APPROVED" }),
        review("renovate[bot]", 2),
        review("ci-helper", 2.5, { author: { login: "ci-helper", type: "Bot" } }),
        review("release-captain", 3),
        review("Release-Captain", 3.5),
        review("hubot", 4, { state: "PENDING" }),
        review("hubot", 6, { state: "CHANGES_REQUESTED" }),
      ],
      expected: { readyAt: at(0), firstReviewAt: at(6), hours: 6, waitingHours: null, inDraft: false },
    },
    {
      name: "a review requested later does not restart the clock",
      timeline: [event("review_requested", 5)],
      reviews: [review("hubot", 7)],
      expected: { readyAt: at(0), firstReviewAt: at(7), hours: 7, waitingHours: null, inDraft: false },
    },
    {
      name: "reviews out of order: the earliest qualifying one counts",
      reviews: [review("hubot", 9), review("monalisa", 4)],
      expected: { readyAt: at(0), firstReviewAt: at(4), hours: 4, waitingHours: null, inDraft: false },
    },
    {
      name: "a dismissed review was still submitted",
      reviews: [review("hubot", 3, { state: "DISMISSED" })],
      expected: { readyAt: at(0), firstReviewAt: at(3), hours: 3, waitingHours: null, inDraft: false },
    },
    {
      name: "no review yet: waiting since ready",
      now: at(30),
      reviews: [review("octocat", 1)],
      expected: { readyAt: at(0), firstReviewAt: null, hours: null, waitingHours: 30, inDraft: false },
    },
    {
      name: "no review yet, with time back in draft left out of the wait",
      now: at(30),
      timeline: [event("convert_to_draft", 4), event("ready_for_review", 24)],
      expected: { readyAt: at(0), firstReviewAt: null, hours: null, waitingHours: 10, inDraft: false },
    },
    {
      name: "no review yet and back in draft: the clock is stopped",
      now: at(30),
      timeline: [event("convert_to_draft", 4)],
      expected: { readyAt: at(0), firstReviewAt: null, hours: null, waitingHours: null, inDraft: true },
    },
    {
      name: "still a draft, never ready",
      createdAsDraft: true,
      now: at(30),
      expected: { readyAt: null, firstReviewAt: null, hours: null, waitingHours: null, inDraft: true },
    },
    {
      name: "still a draft but already reviewed: nothing to measure until it is ready",
      createdAsDraft: true,
      reviews: [review("hubot", 2)],
      expected: { readyAt: null, firstReviewAt: at(2), hours: null, waitingHours: null, inDraft: true },
    },
    {
      name: "reviewed as a draft before it became ready: 0 hours",
      createdAsDraft: true,
      timeline: [event("ready_for_review", 6)],
      reviews: [review("hubot", 2)],
      expected: { readyAt: at(6), firstReviewAt: at(2), hours: 0, waitingHours: null, inDraft: false },
    },
    {
      name: "closed without a review: none",
      closedAt: at(12),
      expected: { readyAt: at(0), firstReviewAt: null, hours: null, waitingHours: null, inDraft: false },
    },
    {
      name: "merged without a review, reviewed only afterwards: none",
      closedAt: at(12),
      mergedAt: at(12),
      reviews: [review("hubot", 14, { state: "APPROVED" })],
      expected: { readyAt: at(0), firstReviewAt: null, hours: null, waitingHours: null, inDraft: false },
    },
    {
      name: "merged after its review",
      closedAt: at(12),
      mergedAt: at(12),
      reviews: [review("hubot", 8, { state: "APPROVED" })],
      expected: { readyAt: at(0), firstReviewAt: at(8), hours: 8, waitingHours: null, inDraft: false },
    },
    {
      name: "as of an earlier now: later events and reviews are not seen yet",
      now: at(9),
      timeline: [event("convert_to_draft", 10)],
      reviews: [review("hubot", 12)],
      closedAt: at(20),
      expected: { readyAt: at(0), firstReviewAt: null, hours: null, waitingHours: 9, inDraft: false },
    },
  ])("$name", (c) => {
    const result = measure(c);
    expect({ ...result, hours: round(result.hours), waitingHours: round(result.waitingHours) }).toEqual(c.expected);
  });

  it("measures ready time in business hours when the clock has them", () => {
    const clock = createBusinessClock({
      business_hours: { timezone: "UTC", start: "09:00", end: "17:00", days: ["mon", "tue", "wed", "thu", "fri"] },
      holidays: [],
    });
    const result = measureTimeToFirstReview(
      {
        author: AUTHOR,
        createdAt: "2026-11-13T16:00:00Z", // Friday 16:00
        closedAt: null,
        mergedAt: null,
        review: {
          createdAsDraft: false,
          timeline: [],
          reviews: [review("hubot", 0, { submittedAt: "2026-11-16T10:00:00Z" })], // Monday 10:00
          requestedReviewers: [],
          requestedTeams: [],
        },
      },
      { clock, ignoreAuthors: [], now: "2026-11-20T12:00:00Z" },
    );
    expect(result.hours).toBeCloseTo(2, 9);
  });
});

function round(hours: number | null): number | null {
  return hours === null ? null : Math.round(hours * 1e6) / 1e6;
}
