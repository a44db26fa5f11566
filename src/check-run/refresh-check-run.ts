import type { ConfigError } from "../config/config-result.js";
import type { RuleResult } from "../model/rule-result.js";
import type { Mode } from "./apply-shadow-mode.js";
import { renderEvaluation, type PullRequestEvaluation } from "./evaluate-pull-request.js";
import type { ResultsMarkerData } from "./results-marker.js";

/**
 * Update a check run from the results stored in its marker with one rule's
 * fresh result, without the PR's files (pure). Used by the review sweep.
 *
 * Input: `stored`, the run's parsed results marker; `fresh`, the rule's new
 * result (from `evaluateRules` with one rule); the config's current errors and
 * the same links `evaluatePullRequest` takes.
 *
 * Output: `null` when nothing needs writing: the stored results have no
 * result for `fresh.id`, or its status (`pass | fail | skip`) is unchanged (a
 * message that changed alone, such as hours waited, is not worth a write).
 * Otherwise the new evaluation: the stored results with `fresh` in place of
 * the old result, the conclusion recomputed (`action_required` when the config
 * has errors, else `conclusionFor`), the output re-rendered with
 * `renderCheckRun` and the new results marker appended when it fits. Its
 * `annotations` are empty: stored findings carry no annotation, and the
 * annotations already on the run stay there (an update appends, never
 * removes). Never throws.
 */
export function refreshCheckRun(input: {
  stored: ResultsMarkerData;
  fresh: RuleResult;
  configErrors: readonly ConfigError[];
  configUrl: string;
  referenceUrl: string;
  /** `mode` from the config (default `enforce`). */
  mode?: Mode;
}): PullRequestEvaluation | null {
  // A run that also judged the PR's own config file is left to the PR's next event, which rewrites it whole.
  if (input.stored.proposedConfig) return null;
  const index = input.stored.results.findIndex((result) => result.id === input.fresh.id);
  const previous = input.stored.results[index];
  if (previous === undefined || previous.status === input.fresh.status) return null;

  const fresh: RuleResult = { ...input.fresh, findings: input.fresh.findings.map((finding) => ({ message: finding.message })) };
  const results = input.stored.results.map((result, position) => (position === index ? fresh : result));
  const evaluation = renderEvaluation({ ...input, results });
  return { ...evaluation, output: { ...evaluation.output, annotations: [] } };
}
