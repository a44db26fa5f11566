import { readFile } from "node:fs/promises";
import { backtestPeriod, describeBacktestPeriod } from "../backtest/backtest-period.js";
import { renderBacktest } from "../backtest/render-backtest.js";
import { renderBacktestJson } from "../backtest/render-backtest-json.js";
import type { ConfigError } from "../config/config-result.js";
import { validateConfig } from "../config/validate-config.js";
import { requestMeter } from "../github/count-requests.js";
import type { GitHubClient } from "../github/github-client.js";
import { loadConfig } from "../github/load-config.js";
import { loadProposedConfig } from "../github/load-proposed-config.js";
import { backtestRepository } from "../pipelines/backtest-repository.js";
import { countOf } from "../text/count-of.js";
import { UsageError } from "./parse-args.js";
import type { BacktestCommand } from "./parse-backtest-args.js";
import type { CliIo } from "./run-check.js";
import { usageCheck } from "./usage-check.js";

/** Inputs of {@link runBacktest}: the parsed command line (`--config FILE` is a local path) and the moment it runs. */
export type RunBacktestInput = Omit<BacktestCommand, "command"> & { now: Date };

/**
 * `eng-health backtest OWNER/REPO [--weeks N] [--since YYYY-MM-DD] [--config FILE] [--json]`:
 * judge every PR merged in the period with the repository's current config
 * and, with `--config`, with the proposed file (README, "Command line").
 *
 * Stages: read and validate the proposed file (before any request: a problem
 * exits 2 naming the file, line and key, one line each on stderr); read the
 * current config (`loadConfig`) and the proposed one as it would apply
 * (`loadProposedConfig`: what it `_extends` is read from GitHub); work out the
 * period in the current `report.timezone` (`backtestPeriod`); collect and
 * evaluate (`backtestRepository`); print markdown, or with `--json`
 * `{period, prs, left_out, rules, conclusions, not_backtested, api_calls}`
 * with `api_calls` from the request-counting plugin. Progress on stderr.
 *
 * Requests: the config reads (1 or 2, +1 per `_extends`) and ceil(N/100) for
 * N merged PRs, within ceil(N/100) + 5.
 *
 * @returns the exit code: 0 evaluated; 2 when the proposed file has errors
 *   (nothing is collected) or the current config has errors (the backtest is
 *   printed, with defaults for the broken values, then the error)
 * @throws {@link UsageError} for an unreadable `--config` file or a period
 *   that is malformed or has not ended (exit 2); the client's `RequestError`
 *   when GitHub cannot be read (exit 1)
 */
export async function runBacktest(client: GitHubClient, input: RunBacktestInput, io: CliIo): Promise<number> {
  const { owner, repo } = input;
  const proposedText = input.configFile === null ? null : await readConfigFile(input.configFile);
  if (input.configFile !== null && proposedText !== null) {
    const { errors } = validateConfig([{ path: input.configFile, text: proposedText }]);
    if (errors.length > 0) {
      for (const error of errors) io.stderr(`eng-health: config error: ${describeError(error)}\n`);
      io.stderr(`eng-health: ${input.configFile} has ${countOf(errors.length, "problem")}; nothing was collected\n`);
      return 2;
    }
  }

  const calls = requestMeter(client);
  const loaded = await loadConfig(client, { owner, repo });
  const proposed = proposedText === null ? null : await loadProposedConfig(client, { owner, repo }, proposedText);
  const timezone = loaded.config.report.timezone;
  const period = usageCheck(() => backtestPeriod({ now: input.now.toISOString(), timezone, weeks: input.weeks, since: input.since }));

  const backtest = await backtestRepository(client, {
    owner,
    repo,
    period,
    current: loaded.config,
    proposed: proposed?.config ?? null,
    onProgress: (message) => io.stderr(`eng-health: ${message}\n`),
  });

  if (input.json) {
    io.stdout(`${JSON.stringify(renderBacktestJson(backtest, calls()), null, 2)}\n`);
  } else {
    const against = input.configFile === null ? "the current config" : `the current config and \`${input.configFile}\``;
    io.stdout(
      `# Backtest of ${owner}/${repo}\n\nThe ${countOf(backtest.pullRequests, "pull request")} merged from ${describeBacktestPeriod(period)}, judged with ${against} (${countOf(calls(), "API call")}).\n\n${renderBacktest(backtest)}\n`,
    );
  }

  // Problems in the current config, then any the proposed one adds through what it extends.
  const seen = new Set(loaded.errors.map(describeError));
  const problems = [...loaded.errors.map(describeError), ...(proposed?.errors ?? []).map(describeError).filter((line) => !seen.has(line))];
  const [first] = problems;
  if (first === undefined) return 0;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
  io.stderr(`eng-health: config error: ${first}${more}\n`);
  return 2;
}

/** `FILE, line 3: reasoning.min_wrods is not a known key. Did you mean min_words?` (backticks dropped for a terminal). */
function describeError(error: ConfigError): string {
  const where = error.line === null ? error.path : `${error.path}, line ${error.line}`;
  return `${where}: ${error.message.replace(/`/g, "")}`;
}

async function readConfigFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new UsageError(`--config ${path} cannot be read${typeof code === "string" ? ` (${code})` : ""}`);
  }
}
