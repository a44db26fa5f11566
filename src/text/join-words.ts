/**
 * Words joined for a sentence: `A`, `A and B`, `A, B and C` (or with `or`).
 *
 * @param words in order
 * @param conjunction the word before the last item (default `and`)
 * @returns the sentence fragment, `""` for none
 */
export function joinWords(words: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} ${conjunction} ${words.at(-1) ?? ""}`;
}
