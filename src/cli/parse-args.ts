/** A parsed command line of `eng-health`. */
export type CliCommand =
  | { command: "check"; owner: string; repo: string; number: number; json: boolean }
  | { command: "report"; owner: string; repo: string; week: string | null; json: boolean; publish: boolean }
  | {
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

/** Options that take a value, with an example for the error when it is missing. */
const VALUE_OPTIONS: Record<string, string> = {
  "--week": "2026-W47",
  "--weeks": "4",
  "--since": "2026-10-26",
  "--config": "proposed.yml",
};
const FLAGS = new Set(["--json", "--publish"]);

/** Which options each command takes. */
const ALLOWED: Record<"check" | "report" | "backtest", readonly string[]> = {
  check: ["--json"],
  report: ["--week", "--json", "--publish"],
  backtest: ["--weeks", "--since", "--config", "--json"],
};

/**
 * Parse `eng-health` arguments (without `node` and the script).
 *
 * @param argv e.g. `["check", "acme/widgets#7", "--json"]`
 * @throws {@link UsageError} with a one-line reason for anything unexpected
 */
export function parseArgs(argv: readonly string[]): CliCommand {
  const [command, target, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") return { command: "help" };
  const { values, flags } = readOptions(rest);
  if (command !== "check" && command !== "report" && command !== "backtest") {
    throw new UsageError(`unknown command "${command}" (expected check, report or backtest)`);
  }
  const given = [...values.keys(), ...flags];
  const wrong = given.find((option) => !ALLOWED[command].includes(option));
  if (wrong !== undefined) throw new UsageError(`${command} takes only ${ALLOWED[command].join(", ")}; not ${wrong}`);

  if (command === "check") {
    const match = target === undefined ? null : /^(.+)#(\d+)$/.exec(target);
    const repo = match ? REPO_PATTERN.exec(match[1] as string) : null;
    if (!match || !repo) throw new UsageError(`check needs OWNER/REPO#N, e.g. acme/widgets#7; got "${target ?? ""}"`);
    return { command: "check", owner: repo[1] as string, repo: repo[2] as string, number: Number(match[2]), json: flags.has("--json") };
  }
  const repo = target === undefined ? null : REPO_PATTERN.exec(target);
  if (!repo) throw new UsageError(`${command} needs OWNER/REPO, e.g. acme/widgets; got "${target ?? ""}"`);
  const owner = repo[1] as string;
  const name = repo[2] as string;
  if (command === "report") {
    const week = values.get("--week") ?? null;
    if (week !== null && !/^\d{4}-W\d{2}$/.test(week)) throw new UsageError(`--week must look like 2026-W47; it is "${week}"`);
    return { command: "report", owner, repo: name, week, json: flags.has("--json"), publish: flags.has("--publish") };
  }
  const weeksText = values.get("--weeks") ?? null;
  if (weeksText !== null && !/^\d+$/.test(weeksText)) throw new UsageError(`--weeks must be a whole number such as 4; it is "${weeksText}"`);
  const since = values.get("--since") ?? null;
  if (since !== null && !/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new UsageError(`--since must be a date such as 2026-10-26; it is "${since}"`);
  return {
    command: "backtest",
    owner,
    repo: name,
    weeks: weeksText === null ? null : Number(weeksText),
    since,
    configFile: values.get("--config") ?? null,
    json: flags.has("--json"),
  };
}

/** Split options into those with a value and flags. */
function readOptions(args: readonly string[]): { values: Map<string, string>; flags: Set<string> } {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    const example = VALUE_OPTIONS[arg];
    if (example !== undefined) {
      const value = args[index + 1];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${arg} needs a value such as ${example}`);
      values.set(arg, value);
      index += 1;
    } else if (FLAGS.has(arg)) {
      flags.add(arg);
    } else {
      throw new UsageError(`unknown option "${arg}"`);
    }
  }
  return { values, flags };
}
