import { z } from "zod";
import { holidayEntryProblem } from "../time/holiday-calendar.js";
import { durationSchema, globList, HOLIDAY_PATTERN, labelList, levelSchema, reportDaySchema, timeOfDaySchema, timezoneSchema, weekdaySchema } from "./schema-values.js";

/**
 * The one source of truth for `.github/eng-health.yml`: the TypeScript type
 * ({@link Config}), the defaults ({@link DEFAULT_CONFIG}), validation, and the
 * JSON Schema for editors (`npm run schema`). Every key is optional; objects are
 * strict, so a misspelt key is reported instead of silently ignored.
 *
 * The reference with every default is in the README ("Configuration").
 */

export const checksSchema = z
  .strictObject({
    name: z.string().min(1).max(100).default("Engineering practices").describe("The check run's name."),
  })
  .default({ name: "Engineering practices" })
  .describe("The check run eng-health posts on every pull request.");

export const adrSchema = z
  .strictObject({
    paths: globList(["docs/adr/**", "docs/decisions/**", "doc/adr/**"], "Where ADRs live (globs)."),
    required_for: globList(
      [],
      'One-way doors: changes to these globs need an ADR added or changed in the PR, or linked from the description. e.g. ["db/migrations/**", "package.json"]',
    ),
  })
  .prefault({})
  .describe("Architecture decision records: where they live and which changes (one-way doors) need one.");

export const reasoningSchema = z
  .strictObject({
    level: levelSchema.default("warning"),
    min_words: z
      .number()
      .int()
      .min(0)
      .default(20)
      .describe("Words the description needs once HTML comments, untouched template lines, checkbox lines and headings are removed."),
    sections: z
      .array(z.string().min(1))
      .default([])
      .describe("Sections the description must have, each with its own content: a heading or a **bold label**. e.g. [Why, Testing]"),
    adr: adrSchema,
    skip_labels: labelList(["skip-reasoning"], "Labels that skip this rule on a PR."),
  })
  .prefault({})
  .describe("Documented reasoning: the description says why, and a one-way door comes with an ADR.");

export const disabledTestsSchema = z
  .strictObject({
    level: levelSchema.default("warning"),
  })
  .prefault({})
  .describe("Tests a pull request disables must reference an open flaky-test issue.");

export const testsSchema = z
  .strictObject({
    level: levelSchema.default("warning"),
    source: globList(["src/**", "lib/**", "app/**", "pkg/**", "cmd/**", "internal/**"], "Source files that need tests (globs)."),
    tests: globList(
      ["test/**", "tests/**", "spec/**", "**/__tests__/**", "**/*.test.*", "**/*.spec.*", "**/*_test.*", "**/test_*.*"],
      "Test files (globs).",
    ),
    ignore: globList(["**/*.md", "docs/**"], "Files that never count as source (globs)."),
    min_changed_lines: z
      .number()
      .int()
      .min(0)
      .default(5)
      .describe("Source additions plus deletions below this are exempt."),
    skip_labels: labelList(["skip-tests"], "Labels that skip this rule on a PR."),
    disabled_tests: disabledTestsSchema,
  })
  .prefault({})
  .describe("Tests accompany code: a source change comes with a test change.");

/** What the `size` rule leaves out of the count by default: lock files, snapshots, vendored, built and generated code. */
export const DEFAULT_SIZE_IGNORE = [
  "**/package-lock.json",
  "**/yarn.lock",
  "**/pnpm-lock.yaml",
  "**/*.snap",
  "**/vendor/**",
  "**/dist/**",
  "**/*.min.*",
  "**/__generated__/**",
];

export const sizeSchema = z
  .strictObject({
    level: levelSchema.default("notice"),
    max_changed_lines: z
      .number()
      .int()
      .min(1)
      .default(400)
      .describe("Most added plus deleted lines a pull request should change, counting only files not ignored."),
    ignore: globList(
      DEFAULT_SIZE_IGNORE,
      "Files whose lines do not count (globs). Files marked linguist-generated in the root .gitattributes never count either.",
    ),
    skip_labels: labelList(["skip-size"], "Labels that skip this rule on a PR."),
  })
  .prefault({})
  .describe("Small pull requests: added plus deleted lines, generated and lock files left out, within the team's limit.");

export const businessHoursSchema = z
  .strictObject({
    timezone: timezoneSchema.default("UTC"),
    start: timeOfDaySchema.default("09:00"),
    end: timeOfDaySchema.default("17:00"),
    days: z.array(weekdaySchema).min(1).default(["mon", "tue", "wed", "thu", "fri"]).describe("Working days: mon, tue, wed, thu, fri, sat, sun."),
  })
  .refine((hours) => hours.start < hours.end, { message: "start must be earlier than end", path: ["end"] });
export type BusinessHours = z.infer<typeof businessHoursSchema>;

export const reviewSchema = z
  .strictObject({
    level: levelSchema.default("notice"),
    first_review_within: durationSchema.default("24h"),
    business_hours: z
      .union([z.literal(false), businessHoursSchema])
      .default({ timezone: "UTC", start: "09:00", end: "17:00", days: ["mon", "tue", "wed", "thu", "fri"] })
      .describe("Working hours the review clock runs in, or false for wall-clock time."),
    holidays: z
      .array(z.string().regex(HOLIDAY_PATTERN, {
        message: "must be an ISO date (2026-12-25) or a country/region code (DE, US-CA)",
      }))
      .superRefine((entries, context) => {
        entries.forEach((entry, index) => {
          // Entries of the wrong shape already have the pattern's message.
          const problem = HOLIDAY_PATTERN.test(entry) ? holidayEntryProblem(entry) : null;
          if (problem !== null) context.addIssue({ code: "custom", path: [index], message: problem });
        });
      })
      .default([])
      .describe("Days the review clock stops: ISO dates and/or country or region codes such as DE or US-CA."),
    ignore_authors: z
      .array(z.string().min(1))
      .default(["dependabot[bot]", "renovate[bot]"])
      .describe("PR authors whose PRs are not measured."),
    nudge: z
      .enum(["off", "comment"])
      .default("off")
      .describe("off | comment: one constructive comment once the target passes."),
    require_owner: z
      .boolean()
      .default(false)
      .describe(
        "true: a first review counts only when it comes from a code owner (CODEOWNERS on the default branch) of at least one changed file; a team owner counts when a member reviews on the team's behalf.",
      ),
  })
  .prefault({})
  .describe("Review turnaround: time to first review against the team’s target, in business hours.");

export const flakySchema = z
  .strictObject({
    label: z.string().min(1).default("flaky-test").describe("The label that marks a flaky-test issue."),
    level: levelSchema.default("notice"),
    max_open: z.number().int().min(0).default(10).describe("Open flaky tests the team accepts."),
    max_age_days: z.number().min(0).default(14).describe("Days a flaky test may stay open."),
    require_assignee: z.boolean().default(true).describe("Every open flaky test has someone looking at it."),
    comment_on_label: z.boolean().default(true).describe("Post a checklist comment when an issue gets the label."),
    from_checks: z
      .enum(["issue", "off"])
      .default("issue")
      .describe(
        "issue | off: a check run of another app that fails and then passes on the same commit (a flaky occurrence) opens or updates a flaky-test issue with the evidence.",
      ),
    ignore_checks: globList(
      [],
'Check run names never treated as flaky (globs; `*` also matches `/`), e.g. ["deploy*", "*windows*"].',
    ),
    min_occurrences: z
      .number()
      .int()
      .min(1)
      .max(20)
      .default(1)
      .describe("Flaky occurrences of a check or test before its issue is opened (1 to 20); earlier ones wait in a closed issue without the label."),
  })
  .prefault({})
  .describe("Flaky tests are owned: few, assigned and short-lived, tracked as labelled issues.");

export const reportSchema = z
  .strictObject({
    enabled: z
      .boolean()
      .default(true)
      .describe("Publish the weekly team-health issue in this repository (only where a config file exists)."),
    day: reportDaySchema.default("monday").describe("The weekday the report for the week just ended is published."),
    time: timeOfDaySchema.default("09:00").describe('The local time of day it is published, "HH:MM" in report.timezone.'),
    timezone: timezoneSchema.default("UTC").describe("The IANA time zone of the report's ISO weeks (Monday 00:00 to Monday 00:00) and of its publishing time."),
    labels: z
      .array(z.string().min(1))
      .default(["team-health"])
      .describe("Labels put on the report issue; the first one is how earlier reports are found."),
    close_previous: z
      .boolean()
      .default(true)
      .describe("Close the previous week's report (with a comment linking the new one) when the new one is published."),
    trend_weeks: z
      .number()
      .int()
      .min(2)
      .max(26)
      .default(8)
      .describe("Weeks shown in the trend chart, this one included (2 to 26)."),
  })
  .prefault({})
  .describe("The weekly team-health issue: wins, agreements against targets, trend and retro questions.");

/**
 * One entry of `rollup.repos`: `owner/name`, or `owner/*` for every repository
 * of the installation under that owner that is not archived. Owner and name
 * follow GitHub's rules for logins (letters, digits, hyphens, at most 39) and
 * repository names (letters, digits, `.`, `_`, `-`, at most 100).
 */
export const ROLLUP_REPO_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/(\*|[A-Za-z0-9._-]{1,100})$/;

export const rollupSchema = z
  .strictObject({
    repos: z
      .array(z.string().regex(ROLLUP_REPO_PATTERN, { message: 'must be a repository such as "acme/widgets", or "acme/*" for every repository of the installation under acme' }))
      .default([])
      .describe(
        'Repositories whose pull requests and flaky tests this repository\'s weekly report covers together: owner/name, or "owner/*" for every repository of the installation that is not archived. Empty: the report covers this repository alone. Read from this repository\'s own file only, never inherited.',
      ),
  })
  .prefault({})
  .describe("One weekly team-health issue, in this repository, for a team that owns several repositories.");

/** `enforce` (default) or `shadow`: conclusions never worse than neutral while the team watches (README, "Rolling out"). */
export const modeSchema = z
  .enum(["enforce", "shadow"])
  .default("enforce")
  .describe("enforce | shadow: in shadow mode every finding is shown but no check run concludes worse than neutral, and its title says what would fail.");

export const configSchema = z
  .strictObject({
    mode: modeSchema,
    checks: checksSchema,
    reasoning: reasoningSchema,
    tests: testsSchema,
    review: reviewSchema,
    size: sizeSchema,
    flaky: flakySchema,
    report: reportSchema,
    rollup: rollupSchema,
  })
  .prefault({});

/** The validated config with every default filled in. */
export type Config = z.infer<typeof configSchema>;
/** What a user may write (every key optional). */
export type ConfigInput = z.input<typeof configSchema>;
export type ConfigSection = keyof Config;
export const CONFIG_SECTIONS = Object.keys(configSchema.unwrap().shape) as ConfigSection[];

/** Every default, as a frozen object. */
export const DEFAULT_CONFIG: Config = Object.freeze(configSchema.parse({}));

/** The config file's path, relative to the repository root. */
export const CONFIG_PATH = ".github/eng-health.yml";

/**
 * Where editors fetch the JSON Schema from: the committed `schema/eng-health.schema.json`
 * on the main branch (the README gives the `# yaml-language-server: $schema=` line).
 */
export const CONFIG_SCHEMA_URL = "https://raw.githubusercontent.com/eng-health/eng-health/main/schema/eng-health.schema.json";

/** Where users read the config reference (linked from every check run and report). */
export const CONFIG_REFERENCE_URL = "https://github.com/eng-health/eng-health#configuration";
