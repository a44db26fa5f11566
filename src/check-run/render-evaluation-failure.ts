import { MAX_OUTPUT_CHARS } from "../model/github-limits.js";
import type { CheckRunOutput } from "../model/check-run.js";
import { truncateUtf8, utf8Bytes } from "../text/truncate-utf8.js";
import { capitalise } from "../text/capitalise.js";

/** Title of the run when the rules could not be evaluated. */
export const EVALUATION_FAILURE_TITLE = "eng-health could not check this pull request";

/**
 * The output of a check run whose evaluation failed after retries (GitHub
 * kept erroring, say). Publish it with conclusion `neutral`: it explains what
 * happened in plain words, says the pull request is not blocked, how to try
 * again ("Re-run checks") and, for the app's operators, the delivery id (the
 * `X-GitHub-Delivery` header) to find in the logs. Pure.
 *
 * Input: `reason`, one or two plain sentences on what went wrong (whitespace
 * is folded to one line; it is cut to keep the summary within
 * {@link MAX_OUTPUT_CHARS} UTF-8 bytes); `deliveryId`, left out of the text
 * when absent; `referenceUrl`, the config reference, linked in the footer like
 * every run. Output has no annotations. Never throws.
 */
export function renderEvaluationFailure(input: { reason: string; deliveryId?: string; referenceUrl?: string }): CheckRunOutput {
  const intro =
    "The engineering-practices check stopped before it could finish, so none of the team's agreements were judged this time.";
  const notBlocking =
    "This does not block the pull request: the check is marked neutral and says nothing about the change itself.";
  const retry =
    'To try again, open the **Checks** tab and choose **Re-run checks**; the next push to this branch runs the check again too.';
  const deliveryId = input.deliveryId?.replace(/[`\s]/g, "") ?? "";
  const footer = [
    input.referenceUrl ? `[Config reference](${input.referenceUrl})` : "",
    deliveryId !== "" ? `for the app's operators: delivery \`${deliveryId}\`` : "",
  ].filter((part) => part !== "");
  const operators = footer.length > 0 ? `<sub>${capitalise(footer.join(" · "))}.</sub>` : "";

  const fixed = [intro, "**What happened:** ", notBlocking, retry, operators].filter((part) => part !== "");
  const room = MAX_OUTPUT_CHARS - utf8Bytes(fixed.join("\n\n"));
  const reason = truncateUtf8(input.reason.replace(/\s+/g, " ").trim() || "an unexpected error.", room);

  const summary = [intro, `**What happened:** ${reason}`, notBlocking, retry, operators]
    .filter((part) => part !== "")
    .join("\n\n");
  return { title: EVALUATION_FAILURE_TITLE, summary, annotations: [] };
}

