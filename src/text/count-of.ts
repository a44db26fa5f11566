/**
 * A count with its noun, for messages: `1 pull request`, `3 pull requests`.
 *
 * @param count a whole number
 * @param singular the noun for one
 * @param pluralForm the noun for other counts (default: singular + "s")
 */
export function countOf(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
