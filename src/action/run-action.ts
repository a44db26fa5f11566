import { readFileSync } from "node:fs";
import { createClient, type CreateClientOptions } from "../github/create-client.js";
import type { GitHubClient } from "../github/github-client.js";
import { httpStatus } from "../github/http-status.js";
import { ActionInputError } from "./action-input-error.js";
import { chooseCommand } from "./choose-command.js";
import { createActionLog } from "./create-action-log.js";
import { readActionContext } from "./read-action-context.js";
import { readActionInputs } from "./read-action-inputs.js";
import { runFlakyChecklist } from "./run-flaky-checklist.js";
import { runPullRequestCheck } from "./run-pull-request-check.js";
import { runWeeklyReport } from "./run-weekly-report.js";
import type { ActionIo } from "./runner-io.js";
import { workflowCommand } from "./workflow-command.js";

/** What tests (and only tests) replace. */
export interface RunActionOptions {
  /** The current instant (default: now). */
  now?: Date;
  /** The client factory (default `createClient`: retry, throttling and request counting). */
  createClient?: (options: CreateClientOptions) => GitHubClient;
  /** Reads the event payload file (default: `readFileSync` as UTF-8). */
  readFile?: (path: string) => string;
}

/**
 * The GitHub Action, testable: environment and I/O are passed in. Reads the
 * inputs (`INPUT_*`) and the runner's context (`GITHUB_*`), reads the event
 * payload, chooses the command from the event (`chooseCommand`), builds the
 * client (`createClient`, with `GITHUB_API_URL` and `GITHUB_GRAPHQL_URL`) and
 * runs the command: the PR check, the weekly report or the flaky-test
 * checklist. One error boundary: a setup problem or a GitHub error becomes
 * one `::error::` line and exit code 1.
 *
 * @param env the process environment
 * @param io the step's log, job summary and outputs
 * @returns the exit code: 0 done (an event with nothing to do included), 1 failed
 *   (see each command for when a verdict fails the step)
 */
export async function runAction(env: Readonly<Record<string, string | undefined>>, io: ActionIo, options: RunActionOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const log = createActionLog(io);
  try {
    const inputs = readActionInputs(env);
    const context = readActionContext(env);
    const payload = readPayload(context.eventPath, options.readFile ?? ((path) => readFileSync(path, "utf8")));
    const action = typeof payload.action === "string" ? payload.action : undefined;
    const choice = chooseCommand({ requested: inputs.command, eventName: context.eventName, action });
    if (choice.command === null) {
      io.log(workflowCommand("notice", {}, choice.notice));
      return 0;
    }
    io.log(`eng-health: ${choice.command} on ${context.owner}/${context.repo} (${action ? `${context.eventName}.${action}` : context.eventName})`);
    const client = (options.createClient ?? createClient)({
      token: inputs.token,
      apiUrl: context.apiUrl,
      ...(context.graphqlUrl !== null ? { graphqlUrl: context.graphqlUrl } : {}),
      userAgent: "eng-health-action",
      log: (message) => io.log(workflowCommand("warning", {}, `eng-health: ${message}`)),
      // Octokit's request log (a line per request, and the expected 404 of a missing config file) is for debugging only.
      octokitLog: (level, message) => {
        if (level === "warn" || level === "error") io.log(workflowCommand("debug", {}, message));
      },
    });
    if (choice.command === "check") return await runPullRequestCheck(client, { context, payload, now }, io, log);
    if (choice.command === "report") return await runWeeklyReport(client, { context, inputs, now }, io, log);
    return await runFlakyChecklist(client, { context, payload, now }, io, log);
  } catch (error) {
    if (error instanceof ActionInputError) {
      io.log(workflowCommand("error", {}, `eng-health: ${error.message}`));
      return 1;
    }
    const status = httpStatus(error);
    const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    const hint = status === 403 || status === 404 ? " Does the workflow's `permissions` block grant what this event needs (see the README, \"Run as a GitHub Action\")?" : "";
    io.log(workflowCommand("error", {}, `eng-health: GitHub refused or failed a request${status !== null ? ` (HTTP ${status})` : ""}: ${message}.${hint}`));
    return 1;
  }
}

/** The event payload as an object; `{}` when the runner named no file (a payload is needed only by events that carry one). */
function readPayload(path: string | null, readFile: (path: string) => string): Record<string, unknown> {
  if (path === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFile(path));
  } catch (error) {
    throw new ActionInputError(`the event payload at GITHUB_EVENT_PATH (${path}) could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ActionInputError(`the event payload at GITHUB_EVENT_PATH (${path}) is not a JSON object`);
  }
  return parsed as Record<string, unknown>;
}
