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
}

/** Options of `backtest` that take a value, with an example for the error when it is missing. */
const VALUE_OPTIONS: Record<string, string> = { "--weeks": "4", "--since": "2026-10-26", "--config": "proposed.yml" };

/**
 * Parse `eng-health backtest OWNER/REPO [--weeks N] [--since YYYY-MM-DD] [--config FILE] [--json]`
 * (README, "Command line"). Only the forms are checked here; the period
 * itself (1 to 52 weeks, a real date, weeks that have ended) is checked by
 * `backtestPeriod` once the config has named the time zone. Pure.
 *
 * @param target the argument after `backtest`, e.g. `acme/widgets`
 * @param options the arguments after it
 * @param repoPattern the `OWNER/REPO` pattern the other commands use (groups: owner, repo)
 * @returns the command, or `{ usageError }` with a one-line reason for
 *   anything unexpected (`parseArgs` throws it as a `UsageError`)
 */
export function parseBacktestArgs(target: string | undefined, options: readonly string[], repoPattern: RegExp): BacktestCommand | { usageError: string } {
  const repo = target === undefined ? null : repoPattern.exec(target);
  if (!repo) return { usageError: `backtest needs OWNER/REPO, e.g. acme/widgets; got "${target ?? ""}"` };
  const values = new Map<string, string>();
  let json = false;
  for (let index = 0; index < options.length; index += 1) {
    const arg = options[index] as string;
    const example = VALUE_OPTIONS[arg];
    if (arg === "--json") {
      json = true;
    } else if (example !== undefined) {
      const value = options[index + 1];
      if (value === undefined || value.startsWith("--")) return { usageError: `${arg} needs a value such as ${example}` };
      values.set(arg, value);
      index += 1;
    } else {
      return { usageError: `backtest takes only --weeks, --since, --config and --json; not "${arg}"` };
    }
  }
  const weeks = values.get("--weeks") ?? null;
  if (weeks !== null && !/^\d+$/.test(weeks)) return { usageError: `--weeks must be a whole number such as 4; it is "${weeks}"` };
  const since = values.get("--since") ?? null;
  if (since !== null && !/^\d{4}-\d{2}-\d{2}$/.test(since)) return { usageError: `--since must be a date such as 2026-10-26; it is "${since}"` };
  return {
    command: "backtest",
    owner: repo[1] as string,
    repo: repo[2] as string,
    weeks: weeks === null ? null : Number(weeks),
    since,
    configFile: values.get("--config") ?? null,
    json,
  };
}
