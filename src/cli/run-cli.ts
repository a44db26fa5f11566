import type { GitHubClient } from "../github/github-client.js";
import { createCliClient } from "./create-cli-client.js";
import { parseArgs, USAGE, UsageError } from "./parse-args.js";
import { runCheck, type CliIo } from "./run-check.js";
import { runBacktest } from "./run-backtest.js";
import { runReport } from "./run-report.js";
import { httpStatus } from "../github/http-status.js";

/**
 * The `eng-health` command line, testable: arguments, environment and output
 * are passed in.
 *
 * @returns the exit code: 0 evaluated, 1 GitHub could not be read, 2 usage or config error
 */
export async function runCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  options: { now?: Date; createClient?: (env: NodeJS.ProcessEnv, log?: (message: string) => void) => GitHubClient } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  try {
    const command = parseArgs(argv);
    if (command.command === "help") {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const client = (options.createClient ?? createCliClient)(env, (message) => io.stderr(`eng-health: ${message}\n`));
    if (command.command === "check") return await runCheck(client, { ...command, now }, io);
    if (command.command === "backtest") return await runBacktest(client, { ...command, now }, io);
    return await runReport(client, { ...command, now }, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`eng-health: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    const status = httpStatus(error);
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    io.stderr(`eng-health: could not read from GitHub${status !== null ? ` (HTTP ${status})` : ""}: ${message}\n`);
    return 1;
  }
}
