import { parseBacktestArgs, type BacktestCommand } from "./parse-backtest-args.js";

/** A parsed command line of `eng-health`. */
export type CliCommand =
  | { command: "check"; owner: string; repo: string; number: number; json: boolean }
  | { command: "report"; owner: string; repo: string; week: string | null; json: boolean; publish: boolean }
  | BacktestCommand
  | { command: "help" };

/** A usage error: the CLI prints `message` and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export const USAGE = `Usage:
  eng-health check OWNER/REPO#N [--json]
  eng-health report OWNER/REPO [--week YYYY-Www] [--json] [--publish]
  eng-health backtest OWNER/REPO [--weeks N] [--since YYYY-MM-DD] [--config FILE] [--json]

Environment: GITHUB_TOKEN (required), GITHUB_API_URL (default https://api.github.com),
GITHUB_GRAPHQL_URL (derived from GITHUB_API_URL when unset).
Exit codes: 0 evaluated (whatever the conclusion), 1 GitHub could not be read, 2 usage or config error.`;

const REPO_PATTERN = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/;

/**
 * Parse `eng-health` arguments (without `node` and the script).
 *
 * @param argv e.g. `["check", "acme/widgets#7", "--json"]`
 * @throws {@link UsageError} with a one-line reason for anything unexpected
 */
export function parseArgs(argv: readonly string[]): CliCommand {
  const [command, target, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") return { command: "help" };
  if (command === "backtest") {
    const backtest = parseBacktestArgs(target, rest, REPO_PATTERN);
    if ("usageError" in backtest) throw new UsageError(backtest.usageError);
    return backtest;
  }
  const flags = new Set<string>();
  let week: string | null = null;
  for (let index = 0; index < rest.length; index += 1) {
    const arg = rest[index] as string;
    if (arg === "--week") {
      const value = rest[index + 1];
      if (value === undefined) throw new UsageError("--week needs a value such as 2026-W47");
      if (!/^\d{4}-W\d{2}$/.test(value)) throw new UsageError(`--week must look like 2026-W47; it is "${value}"`);
      week = value;
      index += 1;
    } else if (arg === "--json" || arg === "--publish") {
      flags.add(arg);
    } else {
      throw new UsageError(`unknown option "${arg}"`);
    }
  }
  if (command === "check") {
    const match = target === undefined ? null : /^(.+)#(\d+)$/.exec(target);
    const repo = match ? REPO_PATTERN.exec(match[1] as string) : null;
    if (!match || !repo) throw new UsageError(`check needs OWNER/REPO#N, e.g. acme/widgets#7; got "${target ?? ""}"`);
    if (week !== null || flags.has("--publish")) throw new UsageError("check takes only --json");
    return { command: "check", owner: repo[1] as string, repo: repo[2] as string, number: Number(match[2]), json: flags.has("--json") };
  }
  if (command === "report") {
    const repo = target === undefined ? null : REPO_PATTERN.exec(target);
    if (!repo) throw new UsageError(`report needs OWNER/REPO, e.g. acme/widgets; got "${target ?? ""}"`);
    return {
      command: "report",
      owner: repo[1] as string,
      repo: repo[2] as string,
      week,
      json: flags.has("--json"),
      publish: flags.has("--publish"),
    };
  }
  throw new UsageError(`unknown command "${command}" (expected check, report or backtest)`);
}
