import type { ConfigError } from "../config/validate-config.js";
import { configFileUrl } from "../config/config-file-url.js";
import { CONFIG_REFERENCE_URL, type Config } from "../config/schema.js";
import { renderConfigErrors } from "../config/render-config-errors.js";
import { renderProposedConfig } from "../config/render-proposed-config.js";
import { validateProposedConfig, type ProposedConfigCheck } from "../config/validate-proposed-config.js";
import type { PullRequestFacts } from "../model/pull-request-facts.js";
import { evaluateRules } from "../rules/evaluate-rules.js";
import { PULL_REQUEST_RULES } from "../rules/registry.js";
import type { Rule } from "../rules/rule.js";
import type { RuleResult } from "../model/rule-result.js";
import { conclusionFor } from "./conclusion.js";
import { type Conclusion } from "../model/check-run.js";
import { renderCheckRun } from "./render-check-run.js";
import { type CheckRunOutput } from "../model/check-run.js";
import { appendResultsMarker } from "./results-marker.js";
import { applyShadowMode, type Mode } from "./apply-shadow-mode.js";

/** Everything the check run shows for one PR. */
export interface PullRequestEvaluation {
  results: RuleResult[];
  conclusion: Conclusion;
  output: CheckRunOutput;
  /** Set when the config needs a fix: "Details" leads to the config file. */
  detailsUrl?: string;
}

/**
 * Evaluate one PR and render its check run (pure). With config errors the
 * conclusion is `action_required` (the rules still run, the broken sections on
 * their defaults) and the summary opens with the errors, naming file, key path
 * and line. The summary ends with the hidden results marker
 * (`renderResultsMarker`) when it fits GitHub's size limit, so the review
 * sweep can update the run later without fetching the PR's files.
 *
 * @param input `configUrl`: link to the config file; `referenceUrl`: the config reference
 */
export function evaluatePullRequest(input: {
  rules: readonly Rule[];
  facts: PullRequestFacts;
  config: Config;
  configErrors: readonly ConfigError[];
  /** The PR's own config file, checked (when the PR changes it). */
  proposedConfig?: ProposedConfigCheck | null;
  /** Markdown of "What this change would have done" (`renderConfigImpact`), shown under the proposed config's line. */
  proposedConfigImpact?: string | null;
  configUrl: string;
  referenceUrl: string;
}): PullRequestEvaluation {
  return renderEvaluation({ ...input, mode: input.config.mode, results: evaluateRules(input.rules, input.facts, input.config) });
}

/**
 * Evaluate one PR with every check-run rule, linking the repository's config
 * file and the config reference: what the app and the CLI both show.
 */
export function evaluatePullRequestOf(input: {
  owner: string;
  repo: string;
  facts: PullRequestFacts;
  config: Config;
  configErrors: readonly ConfigError[];
  /** The PR's own `.github/eng-health.yml` at its head, when the PR changes it (validated, never applied). */
  proposedConfigText?: string | null;
  /** What the PR's config would have done to recent PRs, as markdown (`backtestConfigChange`), when it is valid. */
  proposedConfigImpact?: string | null;
}): PullRequestEvaluation {
  const { proposedConfigText, ...rest } = input;
  return evaluatePullRequest({
    ...rest,
    proposedConfig:
      proposedConfigText === undefined || proposedConfigText === null
        ? null
        : validateProposedConfig({
            text: proposedConfigText,
            url: configFileUrl({ owner: input.owner, repo: input.repo, ref: input.facts.headSha }),
          }),
    rules: PULL_REQUEST_RULES,
    configUrl: configFileUrl({ owner: input.owner, repo: input.repo }),
    referenceUrl: CONFIG_REFERENCE_URL,
  });
}

/**
 * Conclusion and output from rule results (pure): `action_required` with config
 * errors, else {@link conclusionFor}, capped at `neutral` in shadow mode; the
 * summary opens with the config errors and ends with the hidden results marker
 * when it fits.
 */
export function renderEvaluation(input: {
  results: RuleResult[];
  configErrors: readonly ConfigError[];
  proposedConfig?: ProposedConfigCheck | null;
  /** Markdown shown under the proposed config's line (`renderConfigImpact`); only with a valid `proposedConfig`. */
  proposedConfigImpact?: string | null;
  configUrl: string;
  referenceUrl: string;
  /** `mode` from the config (default `enforce`): see {@link applyShadowMode}. */
  mode?: Mode;
}): PullRequestEvaluation {
  const { results } = input;
  const hasConfigErrors = input.configErrors.length > 0;
  const proposed = input.proposedConfig ? renderProposedConfig(input.proposedConfig) : null;
  const proposedFails = (input.proposedConfig?.errors.length ?? 0) > 0;
  // A broken config on the default branch asks for action; a broken config in
  // this PR would break every PR's checks once merged, so it fails this one.
  const enforced: Conclusion = hasConfigErrors ? "action_required" : proposedFails ? "failure" : conclusionFor(results);
  const plain = renderCheckRun({
    results,
    conclusion: enforced,
    configErrorsMarkdown: hasConfigErrors ? renderConfigErrors(input.configErrors) : null,
    proposedConfig: proposed ? { ...proposed, failing: proposedFails } : null,
    proposedConfigImpact: proposed && !proposedFails ? (input.proposedConfigImpact ?? null) : null,
    configUrl: input.configUrl,
    referenceUrl: input.referenceUrl,
  });
  const { conclusion, output: rendered } = applyShadowMode({
    mode: input.mode ?? "enforce",
    conclusion: enforced,
    output: plain,
    results,
    proposedConfigFails: proposedFails,
  });
  const marker = { results, conclusion, ...(proposed ? { proposedConfig: true } : {}) };
  const output = { ...rendered, summary: appendResultsMarker(rendered.summary, marker).summary };
  return { results, conclusion, output, ...(hasConfigErrors ? { detailsUrl: input.configUrl } : {}) };
}
