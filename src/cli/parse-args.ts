import { BACKTEST_VALUE_OPTIONS, parseBacktestArgs, type BacktestCommand } from "./parse-backtest-args.js";
import { parsePullRequestTarget, parseRepositoryTarget } from "./parse-pull-request-target.js";

/** A parsed command line of `eng-health`. */
export type CliCommand =
  | { command: "check"; owner: string; repo: string; number: number; host: string | null; json: boolean; verbose: boolean }
  | { command: "report"; owner: string; repo: string; week: string | null; json: boolean; publish: boolean; verbose: boolean }
  | BacktestCommand
  /** `requested`: `help`, `--help` or `-h` (usage on stdout, exit 0); otherwise no command was given (stderr, exit 2). */
  | { command: "help"; requested: boolean }
  | { command: "version" };

/** A usage error: the CLI prints `message` and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export const USAGE = `Usage:
  eng-health check OWNER/REPO#N [--json] [--verbose]
  eng-health check https://github.com/OWNER/REPO/pull/N [--json] [--verbose]
  eng-health report OWNER/REPO [--week YYYY-Www] [--json] [--publish] [--verbose]
  eng-health backtest OWNER/REPO [--weeks N] [--since YYYY-MM-DD] [--config FILE] [--json] [--verbose]
  eng-health --version

Environment: GITHUB_TOKEN (required), GITHUB_API_URL (default https://api.github.com),
GITHUB_GRAPHQL_URL (derived from GITHUB_API_URL when unset).
--verbose also prints each request to GitHub on stderr.
Exit codes: 0 evaluated (whatever the conclusion), 1 GitHub could not be read, 2 usage or config error.`;

const HELP = new Set(["help", "--help", "-h"]);
const FLAGS = new Set(["--json", "--publish", "--verbose"]);

/**
 * Parse `eng-health` arguments (without `node` and the script). Options may
 * come before or after the command's target; an option that takes a value
 * (`--week`, and the backtest's `--weeks`, `--since`, `--config`) takes the
 * argument after it.
 *
 * @param argv e.g. `["check", "acme/widgets#7", "--json"]`
 * @returns the command; `help` with `requested: false` when no command was given
 * @throws {@link UsageError} with a one-line reason for anything unexpected
 */
export function parseArgs(argv: readonly string[]): CliCommand {
  if (argv.length === 0) return { command: "help", requested: false };
  if (argv.some((arg) => HELP.has(arg))) return { command: "help", requested: true };
  if (argv.includes("--version")) return { command: "version" };
  const flags = new Set<string>();
  const positional: string[] = [];
  let week: string | null = null;
  const values = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === "--week") {
      const value = argv[index + 1];
      if (value === undefined) throw new UsageError("--week needs a value such as 2026-W47");
      if (!/^\d{4}-W\d{2}$/.test(value)) throw new UsageError(`--week must look like 2026-W47; it is "${value}"`);
      week = value;
      index += 1;
    } else if (BACKTEST_VALUE_OPTIONS.has(arg)) {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${arg} needs a value such as ${BACKTEST_VALUE_OPTIONS.get(arg)}`);
      values.set(arg, value);
      index += 1;
    } else if (FLAGS.has(arg)) {
      flags.add(arg);
    } else if (arg.startsWith("-")) {
      throw new UsageError(`unknown option "${arg}"`);
    } else {
      positional.push(arg);
    }
  }
  const [command, target, extra] = positional;
  const verbose = flags.has("--verbose");
  if (command === undefined) throw new UsageError("a command is needed: check, report or backtest");
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  if (command === "check") {
    const pr = target === undefined ? null : parsePullRequestTarget(target);
    if (!pr) throw new UsageError(`check needs OWNER/REPO#N or a pull request URL, e.g. acme/widgets#7; got "${target ?? ""}"`);
    if (week !== null || flags.has("--publish") || values.size > 0) throw new UsageError("check takes only --json and --verbose");
    return { command: "check", ...pr, json: flags.has("--json"), verbose };
  }
  if (command === "report") {
    const repository = parseRepositoryTarget(target);
    if (!repository) throw new UsageError(`report needs OWNER/REPO, e.g. acme/widgets; got "${target ?? ""}"`);
    const [backtestOption] = values.keys();
    if (backtestOption !== undefined) throw new UsageError(`unknown option "${backtestOption}" (report takes --week, --json, --publish and --verbose)`);
    return { command: "report", ...repository, week, json: flags.has("--json"), publish: flags.has("--publish"), verbose };
  }
  if (command === "backtest") {
    const backtest = parseBacktestArgs(target, { week, flags, values });
    if ("usageError" in backtest) throw new UsageError(backtest.usageError);
    return backtest;
  }
  throw new UsageError(`unknown command "${command}" (expected check, report or backtest)`);
}
