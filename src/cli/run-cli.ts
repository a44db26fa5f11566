import type { GitHubClient } from "../github/github-client.js";
import { DEFAULT_API_URL } from "../github/graphql-url-for.js";
import { httpStatus } from "../github/http-status.js";
import { networkFailure } from "../github/network-failure.js";
import { createCliClient, type CliClientLogs } from "./create-cli-client.js";
import { parseArgs, USAGE, UsageError } from "./parse-args.js";
import { readVersion } from "./read-version.js";
import { runCheck, type CliIo } from "./run-check.js";
import { runBacktest } from "./run-backtest.js";
import { runReport } from "./run-report.js";

/** Web hosts of GitHub.com, whose pull request URLs the default API serves. */
const GITHUB_COM_HOSTS = new Set(["github.com", "www.github.com"]);

/**
 * The `eng-health` command line, testable: arguments, environment and output
 * are passed in.
 *
 * - No arguments: the usage on stderr, exit 2; `help`/`--help`/`-h`: the usage on stdout, exit 0.
 * - `--version`: the version from `package.json` on stdout.
 * - Octokit's request log (and its warnings) reach stderr only with `--verbose`; rate-limit waits always do.
 * - A request that got no HTTP answer (connection refused, DNS, a port fetch
 *   refuses) is reported with the URL tried and `GITHUB_API_URL`, never as an HTTP status.
 *
 * @returns the exit code: 0 evaluated, 1 GitHub could not be read, 2 usage or config error
 */
export async function runCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  options: { now?: Date; createClient?: (env: NodeJS.ProcessEnv, logs: CliClientLogs) => GitHubClient } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  try {
    const command = parseArgs(argv);
    if (command.command === "help") {
      (command.requested ? io.stdout : io.stderr)(`${USAGE}\n`);
      return command.requested ? 0 : 2;
    }
    if (command.command === "version") {
      io.stdout(`${readVersion()}\n`);
      return 0;
    }
    if (command.command === "check" && command.host !== null && !GITHUB_COM_HOSTS.has(command.host) && !env.GITHUB_API_URL) {
      throw new UsageError(
        `the pull request is on ${command.host}, but GITHUB_API_URL is not set (so ${DEFAULT_API_URL} would be asked); for GitHub Enterprise Server set GITHUB_API_URL=https://${command.host}/api/v3`,
      );
    }
    const logs: CliClientLogs = {
      rateLimit: (message) => io.stderr(`eng-health: ${message}\n`),
      // Octokit's debug lines are bare "request" markers; its info and error lines are the request log.
      octokit: (level, message) => {
        if (command.verbose && level !== "debug") io.stderr(`eng-health: ${message}\n`);
      },
    };
    const client = (options.createClient ?? createCliClient)(env, logs);
    if (command.command === "check") return await runCheck(client, { ...command, now }, io);
    if (command.command === "backtest") return await runBacktest(client, { ...command, now }, io);
    return await runReport(client, { ...command, now }, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`eng-health: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    io.stderr(`eng-health: ${describeReadFailure(error, env)}\n`);
    return 1;
  }
}

/** One line on why GitHub could not be read: the URL and the variable to check for a network failure, the HTTP status otherwise. */
function describeReadFailure(error: unknown, env: NodeJS.ProcessEnv): string {
  const failure = networkFailure(error);
  if (failure !== null) {
    const graphql = env.GITHUB_GRAPHQL_URL && failure.url?.startsWith(env.GITHUB_GRAPHQL_URL);
    const variable = graphql
      ? `GITHUB_GRAPHQL_URL is "${env.GITHUB_GRAPHQL_URL}"`
      : env.GITHUB_API_URL
        ? `GITHUB_API_URL is "${env.GITHUB_API_URL}"`
        : `GITHUB_API_URL is not set, so ${DEFAULT_API_URL} was used`;
    return `could not connect to ${failure.url ?? "GitHub"} (${failure.reason}); no HTTP answer was received. ${variable}: is that the API's address, and can this machine reach it?`;
  }
  const status = httpStatus(error);
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return `could not read from GitHub${status !== null ? ` (HTTP ${status})` : ""}: ${message}`;
}
