import type { Config } from "../config/schema.js";

/**
 * Whether an `issues` delivery should lead to the flaky-test checklist
 * comment: the issue is open and not a pull request, `comment_on_label` is on,
 * and it was opened with `flaky.label` or just given it (an `opened` delivery
 * with the label, or a `labeled` delivery for that label). Pure.
 *
 * @param event `action` of the delivery, `label` the label a `labeled` delivery added,
 *   `labels` the labels, `state`, and whether the issue is a pull request
 */
export function wantsFlakyChecklist(
  event: { action: string | undefined; label: string | undefined; labels: readonly string[]; state: string | undefined; isPullRequest: boolean },
  flaky: Pick<Config["flaky"], "label" | "comment_on_label">,
): boolean {
  if (!flaky.comment_on_label || event.isPullRequest || event.state === "closed") return false;
  if (event.action === "labeled") return event.label === flaky.label;
  if (event.action === "opened") return event.labels.includes(flaky.label);
  return false;
}
