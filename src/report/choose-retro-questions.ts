import type { AgreementStatus } from "./metrics/week-metric.js";

/** Most questions the retro section asks. */
export const MAX_RETRO_QUESTIONS = 3;

/** What a question may quote besides the agreement's own figures. */
export interface RetroContext {
  /** PRs waiting for a first review at the week's end. */
  waitingForReview: number;
}

/** Asked when pull requests are waiting for a first review and there is room. */
const WAITING_QUESTION = (count: number): string =>
  count === 1
    ? "One pull request is waiting for a first review. Is it blocking someone today?"
    : `Which of the ${count} pull requests waiting for a first review is blocking someone today?`;

/** Asked when every agreement with a figure met its target. */
const KEEP_QUESTION = "Every agreement with a figure met its target this week. What helped most, and how does the team keep it up?";

/** Always available, so the section has at least two questions. */
const OPEN_QUESTION = "What slowed the team down this week that these figures do not show?";

/**
 * Two or three questions for the retro, weakest agreement first:
 * 1. one per agreement that missed its target, the furthest from it first
 *    (by {@link AgreementStatus.shortfall}), each worded by its metric's agreement;
 * 2. then, when PRs are waiting for a first review, which one blocks someone;
 * 3. when no agreement missed, what helped, so it can be kept;
 * 4. an open question about what the figures miss.
 * The first {@link MAX_RETRO_QUESTIONS} are kept; there are always at least two.
 *
 * @param agreements the week's statuses from `summarizeAgreements`
 * @param context figures outside the agreements table
 * @returns the questions, as sentences (markdown)
 */
export function chooseRetroQuestions(agreements: readonly AgreementStatus[], context: RetroContext): string[] {
  const missed = agreements
    .filter((status) => status.met === false)
    .sort((a, b) => (b.shortfall ?? 0) - (a.shortfall ?? 0));
  const questions = missed.map((status) => status.question);
  if (context.waitingForReview > 0) questions.push(WAITING_QUESTION(context.waitingForReview));
  if (missed.length === 0) questions.push(KEEP_QUESTION);
  questions.push(OPEN_QUESTION);
  return questions.slice(0, MAX_RETRO_QUESTIONS);
}
