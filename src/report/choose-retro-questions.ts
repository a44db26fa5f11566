import { countOf } from "../text/count-of.js";
import type { AgreementKey, AgreementStatus } from "./summarize-agreements.js";

/** Most questions the retro section asks. */
export const MAX_RETRO_QUESTIONS = 3;

/** What a question may quote besides the agreement's own figures. */
export interface RetroContext {
  /** PRs waiting for a first review at the week's end. */
  waitingForReview: number;
}

/**
 * One question per agreement, asked when that agreement is among the week's
 * weakest. Each states the figure and invites the team to look for causes and
 * a next step; none names or blames a person.
 */
export const RETRO_QUESTIONS: Record<AgreementKey, (status: AgreementStatus) => string> = {
  ttfr: (s) =>
    `Median time to first review ${moved(s, "rose to", "eased to", "was")} ${s.format(s.value)} against a target of ${s.format(s.target)}. ` +
    "What would help a first review start sooner: smaller pull requests, a review rota, or a set time for reviews each day?",
  sla: (s) =>
    `${s.format(s.value)} of pull requests got a first review within the target. ` +
    "When a review could not start in time, what was in the way?",
  reasoning: (s) =>
    `Documented reasoning ${moved(s, "dipped to", "rose to", "was at")} ${s.format(s.value)}. ` +
    'What made the "why" hard to write on the pull requests that missed it?',
  tests: (s) =>
    `Tests came with code on ${s.format(s.value)} of merged pull requests. ` +
    "Which changes were hard to test, and what would make them easier?",
  flaky: (s) =>
    `${countOf(s.value ?? 0, "flaky test")} ${s.value === 1 ? "is" : "are"} open (the team's limit is ${s.target}). ` +
    "Could the team set aside time this week to fix the oldest, and what keeps new ones from piling up?",
};

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
 *    (by {@link AgreementStatus.shortfall}), worded from {@link RETRO_QUESTIONS};
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
  const questions = missed.map((status) => RETRO_QUESTIONS[status.key](status));
  if (context.waitingForReview > 0) questions.push(WAITING_QUESTION(context.waitingForReview));
  if (missed.length === 0) questions.push(KEEP_QUESTION);
  questions.push(OPEN_QUESTION);
  return questions.slice(0, MAX_RETRO_QUESTIONS);
}

/** A verb for how a figure moved since last week: worse, better, or unknown/same. */
function moved(status: AgreementStatus, worse: string, better: string, otherwise: string): string {
  if (status.change === "worse") return worse;
  if (status.change === "better") return better;
  return otherwise;
}
