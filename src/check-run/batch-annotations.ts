import { MAX_ANNOTATIONS_PER_REQUEST } from "../model/github-limits.js";

/**
 * Split annotations into request-sized batches, in order: the first batch goes
 * with the check run's create (or update), the rest in follow-up updates, which
 * GitHub appends to the run's annotations (REST docs, "Create a check run":
 * at most 50 annotations per API request).
 *
 * Input: the annotations and a batch size (a whole number ≥ 1, default
 * {@link MAX_ANNOTATIONS_PER_REQUEST}). Output: batches of at most `size`
 * items, all full but the last. With no annotations the result is `[[]]`, so a
 * caller always has a first batch to send.
 *
 * @throws RangeError when `size` is not a whole number ≥ 1.
 */
export function batchAnnotations<T>(annotations: readonly T[], size: number = MAX_ANNOTATIONS_PER_REQUEST): T[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`batchAnnotations: size must be a whole number of at least 1; it is ${size}.`);
  }
  if (annotations.length === 0) return [[]];
  const batches: T[][] = [];
  for (let start = 0; start < annotations.length; start += size) {
    batches.push(annotations.slice(start, start + size));
  }
  return batches;
}
