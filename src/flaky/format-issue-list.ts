import { joinWords } from "../text/join-words.js";

/** Issue references listed before the rest are summed up as "and N more". */
export const MAX_LISTED_ISSUES = 5;

/**
 * Issue references for a sentence: `#12`, `#12 and #15`, `#1, #2 and #3`;
 * past {@link MAX_LISTED_ISSUES}: `#1, #2, #3, #4, #5 and 3 more`.
 *
 * @param numbers issue numbers, in the order to show them (at least one)
 * @returns markdown; GitHub links each `#N`
 */
export function formatIssueList(numbers: readonly number[]): string {
  const refs = numbers.slice(0, MAX_LISTED_ISSUES).map((number) => `#${number}`);
  const rest = numbers.length - refs.length;
  if (rest > 0) return `${refs.join(", ")} and ${rest} more`;
  return joinWords(refs);
}
