/**
 * A problem with how the action was set up (an input, the runner's
 * environment, the event payload), as opposed to GitHub failing: its message
 * is one line saying what to change, printed as an `::error::`.
 */
export class ActionInputError extends Error {
  override name = "ActionInputError";
}
