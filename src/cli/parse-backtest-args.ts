import { parseRepositoryTarget } from "./parse-pull-request-target.js";

/** `eng-health backtest` as parsed. */
export interface BacktestCommand {
  command: "backtest";
  owner: string;
  repo: string;
  /** `--weeks N`, or null for the default (4, or up to the last complete week with `--since`). */
  weeks: number | null;
  /** `--since YYYY-MM-DD`, or null. */
  since: string | null;
  /** `--config FILE`: a local path, or null to show the current config alone. */
  configFile: string | null;
  json: boolean;
  /** `--verbose`: Octokit's request log on stderr, as for every command. */
  verbose: boolean;
}

/** The options `parseArgs` read from anywhere on the command line, before the command is known. */
export interface ParsedOptions {
  /** `--week YYYY-Www` (the report's), or null. */
  week: string | null;
  /** The flags given (`--json`, `--publish`, `--verbose`). */
  flags: ReadonlySet<string>;
  /** The backtest's options that take a value ({@link BACKTEST_VALUE_OPTIONS}), by name. */
  values: ReadonlyMap<string, string>;
}

/**
 * Options of `backtest` that take a value, with an example for the error when
 * the value is missing. `parseArgs` reads them wherever they stand, so their
 * values are not taken for the command's target.
 */
export const BACKTEST_VALUE_OPTIONS: ReadonlyMap<string, string> = new Map([
  ["--weeks", "4"],
  ["--since", "2026-10-26"],
  ["--config", "proposed.yml"],
]);

/**
 * Check `eng-health backtest OWNER/REPO [--weeks N] [--since YYYY-MM-DD] [--config FILE] [--json] [--verbose]`
 * (README, "Command line") once `parseArgs` has read the options. Only the
 * forms are checked here; the period itself (1 to 52 weeks, a real date,
 * weeks that have ended) is checked by `backtestPeriod` once the config has
 * named the time zone. Pure.
 *
 * @param target the positional argument after `backtest`, e.g. `acme/widgets`
 * @param options the options given anywhere on the command line
 * @returns the command, or `{ usageError }` with a one-line reason for
 *   anything unexpected (`parseArgs` throws it as a `UsageError`)
 */
export function parseBacktestArgs(target: string | undefined, options: ParsedOptions): BacktestCommand | { usageError: string } {
  const repository = parseRepositoryTarget(target);
  if (!repository) return { usageError: `backtest needs OWNER/REPO, e.g. acme/widgets; got "${target ?? ""}"` };
  const other = options.week !== null ? "--week" : options.flags.has("--publish") ? "--publish" : null;
  if (other !== null) return { usageError: `backtest takes only --weeks, --since, --config, --json and --verbose; not "${other}"` };
  const weeks = options.values.get("--weeks") ?? null;
  if (weeks !== null && !/^\d+$/.test(weeks)) return { usageError: `--weeks must be a whole number such as 4; it is "${weeks}"` };
  const since = options.values.get("--since") ?? null;
  if (since !== null && !/^\d{4}-\d{2}-\d{2}$/.test(since)) return { usageError: `--since must be a date such as 2026-10-26; it is "${since}"` };
  return {
    command: "backtest",
    ...repository,
    weeks: weeks === null ? null : Number(weeks),
    since,
    configFile: options.values.get("--config") ?? null,
    json: options.flags.has("--json"),
    verbose: options.flags.has("--verbose"),
  };
}
