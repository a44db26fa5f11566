import type { GitHubClient } from "../github/github-client.js";
import type { Log } from "../model/log.js";
import { postFlakyChecklist, type FlakyChecklistEvent } from "../pipelines/post-flaky-checklist.js";
import { createServices } from "../pipelines/services.js";
import { ActionInputError } from "./action-input-error.js";
import type { ActionContext } from "./read-action-context.js";
import type { ActionIo } from "./runner-io.js";

/**
 * The flaky-test checklist as a step, on an `issues` event (opened, labeled):
 * the app's pipeline (`postFlakyChecklist`), so an issue opened with, or given,
 * `flaky.label` gets the checklist comment once (found by its hidden marker
 * on a second run). A line in the job summary says what happened.
 *
 * @param input the context and the event's payload (with `issue`, and `label` for `labeled`)
 * @returns the exit code, 0
 * @throws {@link ActionInputError} when the payload has no issue; the client's `RequestError`
 */
export async function runFlakyChecklist(
  client: GitHubClient,
  input: { context: ActionContext; payload: Record<string, unknown>; now: Date },
  io: ActionIo,
  log: Log,
): Promise<number> {
  const { owner, repo } = input.context;
  const issue = input.payload.issue as FlakyChecklistEvent["issue"] | undefined;
  if (!issue || typeof issue.number !== "number") throw new ActionInputError("the event payload has no issue with a number");
  const label = (input.payload.label as { name?: unknown } | undefined)?.name;
  const outcome = await postFlakyChecklist(
    client,
    {
      owner,
      repo,
      action: typeof input.payload.action === "string" ? input.payload.action : undefined,
      label: typeof label === "string" ? label : undefined,
      issue: { ...issue, title: String(issue.title ?? "") },
    },
    { services: createServices({ now: () => input.now }) },
  );
  const said = {
    posted: `Posted the flaky-test checklist on #${issue.number}.`,
    "already posted": `#${issue.number} already has the flaky-test checklist.`,
    "not wanted": `#${issue.number} needs no flaky-test checklist (it does not carry the flaky-test label, or the config turns the comment off).`,
  }[outcome.action];
  io.summary(`${said}\n`);
  log.info({ issue: issue.number }, `eng-health: ${said}`);
  return 0;
}
