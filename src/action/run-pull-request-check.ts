import { DEFAULT_CONFIG } from "../config/schema.js";
import { requestMeter } from "../github/count-requests.js";
import type { GitHubClient } from "../github/github-client.js";
import { httpStatus } from "../github/http-status.js";
import { loadConfig } from "../github/load-config.js";
import type { PullRequestPayload } from "../github/pull-request-payload.js";
import type { Log } from "../model/log.js";
import {
  describeFailure,
  evaluateCheckTarget,
  writeCheckRun,
  writeEvaluationFailure,
  type EvaluatedCheckTarget,
} from "../pipelines/check-pull-request.js";
import { createServices } from "../pipelines/services.js";
import { nudgeIfDue } from "../publish/nudge-if-due.js";
import { ActionInputError } from "./action-input-error.js";
import type { ActionContext } from "./read-action-context.js";
import { renderAnnotationCommands } from "./render-annotation-commands.js";
import { renderCheckSummary } from "./render-check-summary.js";
import type { ActionIo } from "./runner-io.js";
import { workflowCommand } from "./workflow-command.js";

/** Inputs of {@link runPullRequestCheck}. */
export interface PullRequestCheckInput {
  context: ActionContext;
  /** The event's payload (`GITHUB_EVENT_PATH`), with `pull_request`. */
  payload: Record<string, unknown>;
  now: Date;
}

/**
 * The PR check as a step: the app's stages on the PR in the event
 * (`evaluateCheckTarget`: config from the default branch, facts, rules), then
 * one check run named `checks.name` on the PR's head SHA, created or updated
 * by the app's writer (`writeCheckRun`), so running the job twice leaves one
 * run with the same title, summary, annotations and conclusion the app writes.
 * The same markdown goes to the job summary and the conclusion to the
 * `conclusion` output.
 *
 * When GitHub refuses the write (403: the token cannot write checks, as on a
 * `pull_request` from a fork), the verdict is given another way: the
 * annotations as workflow commands (GitHub shows 10 of each kind per step; the
 * rest go to the job summary), the summary, and the exit code.
 *
 * When the PR cannot be read, the run is written `neutral` with a plain
 * explanation, as the app does, and the step fails so it can be re-run.
 *
 * @returns the exit code: 0 when the check run was written (it carries the
 *   verdict, whatever the conclusion); when it could not be written, 1 for a
 *   `failure` conclusion or a write refused for another reason than 403, else
 *   0; 1 when the PR could not be read
 * @throws {@link ActionInputError} when the payload has no pull request
 */
export async function runPullRequestCheck(client: GitHubClient, input: PullRequestCheckInput, io: ActionIo, log: Log): Promise<number> {
  const { context } = input;
  const { owner, repo } = context;
  const pr = pullRequestOf(input.payload);
  const action = context.eventName === "pull_request_review" ? undefined : stringOr(input.payload.action);
  const services = createServices({ now: () => input.now });
  const calls = requestMeter(client);

  let checkName = DEFAULT_CONFIG.checks.name;
  let evaluated: EvaluatedCheckTarget;
  try {
    const loaded = await loadConfig(client, { owner, repo }, services.configCache);
    checkName = loaded.config.checks.name;
    evaluated = await evaluateCheckTarget(client, { owner, repo, pr, ...(action !== undefined ? { action } : {}) }, { services, loaded });
  } catch (error) {
    log.error({ err: error, owner, repo, pull: pr.number }, "eng-health: could not evaluate the pull request");
    try {
      await writeEvaluationFailure(client, { owner, repo, name: checkName, headSha: pr.head.sha, error });
    } catch (writeError) {
      log.warn({ err: writeError }, "eng-health: the neutral check run explaining this could not be written either");
    }
    io.summary(`> [!WARNING]\n> eng-health could not check pull request #${pr.number}: ${describeFailure(error)} Re-run this job to try again; if it fails again, does the workflow's \`permissions\` block grant what the README lists (\`checks: write\`, \`pull-requests: read\`, \`contents: read\`, \`issues: read\`)?\n`);
    return 1;
  }

  const { loaded, gathered, evaluation } = evaluated;
  const name = checkName;
  io.output("conclusion", evaluation.conclusion);
  try {
    const written = await writeCheckRun(client, { owner, repo, headSha: pr.head.sha, evaluated });
    const url = `${context.serverUrl}/${owner}/${repo}/runs/${written.id}`;
    io.summary(renderCheckSummary({ name, conclusion: evaluation.conclusion, output: evaluation.output, checkRunUrl: url, rest: [] }));
    log.info(
      { pull: pr.number, conclusion: evaluation.conclusion, checkRunId: written.id, created: written.created, apiCalls: calls() },
      `eng-health: ${written.created ? "created" : "updated"} the check run "${name}": ${evaluation.output.title} ${url}`,
    );
    await nudgeIfDue(
      client,
      { owner, repo, facts: gathered.facts, review: loaded.config.review, result: evaluation.results.find((result) => result.id === "review") },
      { log },
    );
    return 0;
  } catch (error) {
    const status = httpStatus(error);
    const reason =
      status === 403
        ? `The check run could not be written: this workflow's token cannot write checks (HTTP 403), as on a pull request from a fork. The findings are shown here and as annotations, and this job's result carries the conclusion (\`${evaluation.conclusion}\`).`
        : `The check run could not be written (${status === null ? "no answer from GitHub" : `HTTP ${status}`}). The findings are shown here and as annotations.`;
    io.log(workflowCommand(status === 403 ? "warning" : "error", {}, `eng-health: ${reason}`));
    const { commands, rest } = renderAnnotationCommands(evaluation.output.annotations);
    for (const command of commands) io.log(command);
    io.summary(renderCheckSummary({ name, conclusion: evaluation.conclusion, output: evaluation.output, checkRunUrl: null, notWritten: reason, rest }));
    log.info({ pull: pr.number, conclusion: evaluation.conclusion, apiCalls: calls() }, `eng-health: "${name}": ${evaluation.output.title}`);
    return status !== 403 || evaluation.conclusion === "failure" ? 1 : 0;
  }
}

/** The payload's pull request, checked for the fields the pipeline needs. */
function pullRequestOf(payload: Record<string, unknown>): PullRequestPayload {
  const pr = payload.pull_request as Partial<PullRequestPayload> | undefined;
  if (!pr || typeof pr.number !== "number" || typeof pr.head?.sha !== "string") {
    throw new ActionInputError("the event payload has no pull request with a number and head SHA");
  }
  return pr as PullRequestPayload;
}

function stringOr(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
