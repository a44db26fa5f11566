/**
 * Limits on what eng-health reads from `.github/eng-health.yml` (the
 * repository's file, the organisation's, every `_extends` target and a pull
 * request's proposed version). They are ours, not GitHub's: a config file is
 * written by people, and any of these files can be edited by someone who can
 * open a pull request, so its size decides how long one job may hold the
 * process. Each is far above what a real config uses (the complete reference
 * config, every key set and commented, is about 3 KB, 80 keys and list items,
 * and its longest glob is 22 characters).
 */

/**
 * Most bytes (UTF-8) a config file may have. A larger one is reported as a
 * config error and not parsed at all. Sized so that parsing the largest
 * allowed file stays far within one job's share of the event loop.
 */
export const MAX_CONFIG_FILE_BYTES = 64 * 1024;

/**
 * Most keys and list items one config file may have (counted before the YAML
 * is parsed, by a scan of the text: every `key:`, every `- ` list item and
 * every `,` of a flow list or mapping, comments left out). A
 * file with more is reported as a config error without being parsed. A
 * complete config, every key set, has about 80; 1,000 keeps the worst file
 * within the limit (every key unknown, each a located error) near 100 ms of
 * work on one core (`npm run bench:hostile`).
 */
export const MAX_CONFIG_ENTRIES = 1_000;

/** Most characters one glob (`tests.source`, `size.ignore`, …) may have. */
export const MAX_GLOB_CHARS = 256;

/**
 * Most wildcards one glob may have: each `*`, `**` and `?` counts one. The
 * default globs use at most 3 (`**\/*.test.*`). Every wildcard multiplies the
 * ways a path can be split, which is how a glob such as
 * `**\/**\/**\/*a*a*a*a*b` stalls a backtracking matcher.
 */
export const MAX_GLOB_WILDCARDS = 8;

/** Most patterns one glob's braces may expand to (`{a,b}/{c,d}` is 4). */
export const MAX_GLOB_ALTERNATIVES = 32;
