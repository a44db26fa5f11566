import { parseIsoWeek } from "../time/iso-week.js";
import { ActionInputError } from "./action-input-error.js";
import { COMMAND_INPUTS, type CommandInput } from "./choose-command.js";

/** The action's inputs (`action.yml`), read and checked. */
export interface ActionInputs {
  /** `github-token`: the token every request is sent with. */
  token: string;
  /** `command`: `auto` (the default) or a command to run whatever the event. */
  command: CommandInput;
  /** `week`: the report's ISO week, `YYYY-Www`, or null for the last complete week. */
  week: string | null;
  /** `publish`: publish the report (default true); false prints it to the job summary only. */
  publish: boolean;
}

/**
 * The value of an input as the runner passes it: the environment variable
 * `INPUT_` + the name in upper case with spaces as `_` (hyphens stay:
 * `github-token` is `INPUT_GITHUB-TOKEN`), trimmed; `""` when unset.
 */
export function actionInput(env: Readonly<Record<string, string | undefined>>, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

/** The spellings of true and false the runner's own boolean inputs accept (YAML 1.2 core schema). */
const TRUE = new Set(["true", "True", "TRUE"]);
const FALSE = new Set(["false", "False", "FALSE"]);

/**
 * Read the action's inputs from the environment. Pure (reads `env` only).
 *
 * @param env the process environment
 * @returns the inputs, with defaults: `command` `auto`, `week` null, `publish` true
 * @throws {@link ActionInputError} naming the input and what it takes: an empty
 *   `github-token`, an unknown `command`, a malformed `week`, a `publish` that is not a boolean
 */
export function readActionInputs(env: Readonly<Record<string, string | undefined>>): ActionInputs {
  const token = actionInput(env, "github-token");
  if (token === "") {
    throw new ActionInputError("the github-token input is empty: leave it out to use the workflow's GITHUB_TOKEN, or pass a token that can read the repository");
  }
  const command = actionInput(env, "command") || "auto";
  if (!(COMMAND_INPUTS as readonly string[]).includes(command)) {
    throw new ActionInputError(`the command input is ${JSON.stringify(command)}; it takes ${COMMAND_INPUTS.join(", ")}`);
  }
  const week = actionInput(env, "week") || null;
  if (week !== null) {
    try {
      parseIsoWeek(week);
    } catch (error) {
      throw new ActionInputError(`the week input: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const publishText = actionInput(env, "publish") || "true";
  if (!TRUE.has(publishText) && !FALSE.has(publishText)) {
    throw new ActionInputError(`the publish input is ${JSON.stringify(publishText)}; it takes true or false`);
  }
  return { token, command: command as CommandInput, week, publish: TRUE.has(publishText) };
}
