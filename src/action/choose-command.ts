import { PULL_REQUEST_ACTIONS, PULL_REQUEST_REVIEW_ACTIONS } from "../pipelines/handle-pull-request.js";
import { joinWords } from "../text/join-words.js";
import { ActionInputError } from "./action-input-error.js";

/** What the action can do: the PR check, the weekly report, the flaky-test checklist. */
export type ActionCommand = "check" | "report" | "flaky-checklist";

/** The values of the `command` input: `auto` chooses from the event. */
export const COMMAND_INPUTS = ["auto", "check", "report", "flaky-checklist"] as const;
export type CommandInput = (typeof COMMAND_INPUTS)[number];

/** Events whose payload carries the pull request to check. */
export const PULL_REQUEST_EVENTS = ["pull_request", "pull_request_target", "pull_request_review"] as const;
/** Events that run the weekly report. */
export const REPORT_EVENTS = ["schedule", "workflow_dispatch"] as const;

/** The events the action does something on, for the notice on any other. */
export const SUPPORTED_EVENTS = [...PULL_REQUEST_EVENTS, ...REPORT_EVENTS, "issues"] as const;

/** The actions of a `pull_request` (or `pull_request_target`) event that rewrite the check run: the app's list. */
const PULL_REQUEST_CHECK_ACTIONS = new Set(PULL_REQUEST_ACTIONS.map((name) => name.slice("pull_request.".length)));
/** The `pull_request_review` actions that change time to first review: the app's list. */
const REVIEW_CHECK_ACTIONS = new Set(PULL_REQUEST_REVIEW_ACTIONS.map((name) => name.slice("pull_request_review.".length)));
/** The `issues` actions that may lead to the flaky-test checklist. */
const ISSUE_ACTIONS = new Set(["opened", "labeled"]);

/** What to run: a command, or nothing, with the one-line notice that says why. */
export type CommandChoice = { command: ActionCommand } | { command: null; notice: string };

/**
 * Which command a run of the action carries out. Pure.
 *
 * With `auto` (the default), the event decides, as the app's webhooks do:
 * - `pull_request` and `pull_request_target` with the app's actions (opened,
 *   synchronize, reopened, edited, ready_for_review, converted_to_draft,
 *   labeled, unlabeled, review_requested, review_request_removed) and
 *   `pull_request_review` submitted or dismissed: `check`;
 * - `schedule` and `workflow_dispatch`: `report`;
 * - `issues` opened or labeled: `flaky-checklist`;
 * - anything else: nothing, with a notice naming the supported events (or, for
 *   a supported event with another action, that action).
 *
 * An explicit command runs on any event that carries what it needs: `report`
 * on any event, `check` on the pull request events, `flaky-checklist` on `issues`.
 *
 * @param input the `command` input, `GITHUB_EVENT_NAME` and the payload's `action`
 * @throws {@link ActionInputError} for an explicit command the event cannot serve
 */
export function chooseCommand(input: { requested: CommandInput; eventName: string; action: string | undefined }): CommandChoice {
  const { requested, eventName, action } = input;
  const isPullRequestEvent = (PULL_REQUEST_EVENTS as readonly string[]).includes(eventName);
  if (requested === "report") return { command: "report" };
  if (requested === "check") {
    if (!isPullRequestEvent) throw new ActionInputError(`command: check needs a pull request event (${PULL_REQUEST_EVENTS.join(", ")}); this run is for ${eventName}`);
    return { command: "check" };
  }
  if (requested === "flaky-checklist") {
    if (eventName !== "issues") throw new ActionInputError(`command: flaky-checklist needs the issues event; this run is for ${eventName}`);
    return { command: "flaky-checklist" };
  }

  const event = action ? `${eventName}.${action}` : eventName;
  if (eventName === "pull_request_review") {
    return action !== undefined && REVIEW_CHECK_ACTIONS.has(action) ? { command: "check" } : nothingFor(event);
  }
  if (isPullRequestEvent) return action !== undefined && PULL_REQUEST_CHECK_ACTIONS.has(action) ? { command: "check" } : nothingFor(event);
  if ((REPORT_EVENTS as readonly string[]).includes(eventName)) return { command: "report" };
  if (eventName === "issues") return action !== undefined && ISSUE_ACTIONS.has(action) ? { command: "flaky-checklist" } : nothingFor(event);
  return {
    command: null,
    notice: `eng-health has nothing to do on ${eventName}: it runs on ${joinWords([...SUPPORTED_EVENTS])}.`,
  };
}

function nothingFor(event: string): CommandChoice {
  return { command: null, notice: `eng-health has nothing to do on ${event}.` };
}
