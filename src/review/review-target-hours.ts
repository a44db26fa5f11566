import { parseDurationMinutes } from "../config/duration.js";
import type { Config } from "../config/schema.js";

/**
 * The review target in hours: `review.first_review_within` (`30m`, `24h`,
 * `2d`) divided into hours. The hours are business hours when
 * `review.business_hours` is set, so `2d` means 48 business hours, not two
 * working days (src/config/duration.ts).
 *
 * @param review the validated `review` config section
 * @returns hours, possibly fractional (`30m` -> 0.5)
 * @throws RangeError when `first_review_within` is not a duration (the config
 *   schema rejects that first)
 */
export function reviewTargetHours(review: Pick<Config["review"], "first_review_within">): number {
  const minutes = parseDurationMinutes(review.first_review_within);
  if (minutes === null) {
    throw new RangeError(`review.first_review_within "${review.first_review_within}" is not a duration such as 4h or 2d.`);
  }
  return minutes / 60;
}
