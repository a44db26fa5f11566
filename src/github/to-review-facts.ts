import type { Actor, ReviewFacts, ReviewTimelineEvent, SubmittedReview } from "../model/pull-request-facts.js";

/**
 * The review part of a pull request as GraphQL selects it (a PR event, the
 * review sweep and the weekly report share these selections), and its
 * mapping to plain {@link ReviewFacts}.
 */

interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

/** A node of the review timeline as {@link TIMELINE_FIELDS} selects it. */
export type TimelineNode =
  | { __typename: "ReadyForReviewEvent" | "ConvertToDraftEvent" | "ReviewRequestedEvent"; createdAt: string }
  | {
      __typename: "PullRequestReview";
      submittedAt: string | null;
      state: string;
      author: { login: string; __typename: string } | null;
      /** Present when the selection asked for it ({@link timelineFields} with teams). */
      onBehalfOf?: { nodes: Array<{ combinedSlug: string } | null> };
    };
/** A requested reviewer as {@link REVIEW_REQUESTS_FIELD} selects it. */
export type ReviewerNode = { __typename: string; login?: string; combinedSlug?: string } | null;
/** The review part of a pull request node, as {@link toReviewFacts} reads it. */
export interface PullRequestNode {
  isDraft: boolean;
  timelineItems: Page<TimelineNode>;
  reviewRequests: { nodes: Array<{ requestedReviewer: ReviewerNode }> };
}
/**
 * The selection of a `timelineItems` connection that {@link toReviewFacts}
 * reads (page info included). With `reviewTeams`, each review also names the
 * teams it was made on behalf of (`onBehalfOf`, for `review.require_owner`):
 * a connection under each of up to 100 events, so it costs about one more
 * rate-limit point per 100 timelines and is asked for only when needed.
 */
export function timelineFields(reviewTeams: boolean): string {
  const teams = reviewTeams ? " onBehalfOf(first: 10) { nodes { combinedSlug } }" : "";
  return `
  pageInfo { hasNextPage endCursor }
  nodes {
    __typename
    ... on ReadyForReviewEvent { createdAt }
    ... on ConvertToDraftEvent { createdAt }
    ... on ReviewRequestedEvent { createdAt }
    ... on PullRequestReview { submittedAt state author { login __typename }${teams} }
  }`;
}
/** {@link timelineFields} without the review teams. */
export const TIMELINE_FIELDS = timelineFields(false);
/** The `itemTypes` of the review timeline: ready/draft transitions, review requests and reviews. */
export const TIMELINE_TYPES = "[READY_FOR_REVIEW_EVENT, CONVERT_TO_DRAFT_EVENT, REVIEW_REQUESTED_EVENT, PULL_REQUEST_REVIEW]";
/** A pull request's current review requests, as {@link toReviewFacts} reads them. */
export const REVIEW_REQUESTS_FIELD =
  "reviewRequests(first: 50) { nodes { requestedReviewer { __typename ... on User { login } ... on Bot { login } ... on Team { combinedSlug } } } }";
/**
 * A GraphQL `author { login __typename }` as an {@link Actor}: a deleted
 * account (null) is `ghost`; an app's login gets GitHub's `[bot]` suffix, as
 * REST spells it, so `review.ignore_authors` entries match either way.
 */
export function toActor(author: { login: string; __typename: string } | null): Actor {
  if (!author) return { login: "ghost", type: "User" };
  return { login: author.__typename === "Bot" && !author.login.endsWith("[bot]") ? `${author.login}[bot]` : author.login, type: author.__typename };
}

/**
 * Turn GraphQL timeline nodes into {@link ReviewFacts}. A PR whose first
 * ready/draft transition is `ready_for_review` was opened as a draft; with no
 * transition at all, it was opened as it is now.
 */
export function toReviewFacts(pr: Pick<PullRequestNode, "isDraft" | "reviewRequests">, nodes: TimelineNode[]): ReviewFacts {
  const timeline: ReviewTimelineEvent[] = [];
  const reviews: SubmittedReview[] = [];
  for (const node of nodes) {
    if (node.__typename === "PullRequestReview") {
      if (!node.submittedAt) continue;
      const teams = node.onBehalfOf?.nodes.flatMap((team) => (team ? [team.combinedSlug] : []));
      reviews.push({ author: toActor(node.author), submittedAt: node.submittedAt, state: node.state, ...(teams ? { onBehalfOf: teams } : {}) });
    } else {
      const type =
        node.__typename === "ReadyForReviewEvent"
          ? "ready_for_review"
          : node.__typename === "ConvertToDraftEvent"
            ? "convert_to_draft"
            : "review_requested";
      timeline.push({ type, at: node.createdAt });
    }
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  reviews.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  const firstTransition = timeline.find((event) => event.type !== "review_requested");
  const requested = pr.reviewRequests.nodes.map((request) => request.requestedReviewer).filter((r) => r !== null);
  return {
    createdAsDraft: firstTransition ? firstTransition.type === "ready_for_review" : pr.isDraft,
    timeline,
    reviews,
    requestedReviewers: requested.filter((r) => r.__typename !== "Team" && r.login).map((r) => r.login as string),
    requestedTeams: requested.filter((r) => r.__typename === "Team" && r.combinedSlug).map((r) => r.combinedSlug as string),
  };
}
