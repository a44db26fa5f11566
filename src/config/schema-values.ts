import { z } from "zod";
import { globProblem } from "../glob/glob-problem.js";
import { LEVELS } from "../model/rule-result.js";
import { DURATION_PATTERN } from "./duration.js";

/**
 * The value types `.github/eng-health.yml` is built from (levels, glob lists,
 * durations, times of day, time zones, weekdays), shared by the sections in
 * `schema.ts`.
 */

/** How much a rule's failure counts: `notice` is shown but never changes the conclusion. */
export const levelSchema = z.enum(LEVELS).describe("off | notice | warning | failure");

/**
 * A list of globs. Each is checked as the config is read (`globProblem`:
 * length, wildcards, unsupported syntax), so a glob that would be slow or
 * misread is a config error with its key and line, never a stalled check.
 */
export const globList = (defaults: string[], description: string) =>
  z
    .array(
      z
        .string()
        .min(1)
        .superRefine((glob, context) => {
          const problem = globProblem(glob);
          if (problem !== null) context.addIssue({ code: "custom", message: problem });
        }),
    )
    .default(defaults)
    .describe(description);

export const durationSchema = z
  .string()
  .regex(DURATION_PATTERN, { message: "must be a duration such as 30m, 4h or 2d" })
  .describe("A duration: a whole number followed by m, h or d (30m, 4h, 2d).");

export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time of day such as "09:00"' })
  .describe('A time of day, "HH:MM", 24-hour clock.');

export const timezoneSchema = z
  .string()
  .refine((zone) => isValidTimeZone(zone), { message: "must be an IANA time zone such as Europe/Berlin" })
  .describe("An IANA time zone name such as UTC, Europe/Berlin or America/New_York.");

/** An ISO date or a country code with an optional region: `2026-12-25`, `DE`, `US-CA`. */
export const HOLIDAY_PATTERN = /^(\d{4}-\d{2}-\d{2}|[A-Z]{2}(-[A-Z0-9]{1,3})?)$/;

export const weekdaySchema = z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
export type Weekday = z.infer<typeof weekdaySchema>;

export const reportDaySchema = z.enum(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);

/** True when `zone` is a time zone the runtime's Intl knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}


/** A list of label names (matched exactly, never as globs). */
export const labelList = (defaults: string[], description: string) => z.array(z.string().min(1)).default(defaults).describe(description);
