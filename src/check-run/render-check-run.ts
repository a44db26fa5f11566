import type { Annotation, RuleResult } from "../model/rule-result.js";
import type { CheckRunOutput, Conclusion } from "../model/check-run.js";
import { MAX_OUTPUT_CHARS, MAX_TITLE_CHARS } from "../model/github-limits.js";
import { renderCheckRunTitle } from "./render-check-run-title.js";
import { resultMark } from "./result-mark.js";
import { toApiAnnotation } from "./to-api-annotation.js";
import { truncateUtf8, utf8Bytes } from "../text/truncate-utf8.js";

/** What {@link renderCheckRun} needs. */
export interface RenderCheckRunInput {
  /** Rule results in table order (as `evaluateRules` returns them). */
  results: readonly RuleResult[];
  /**
   * The run's conclusion (from `conclusionFor`). GitHub shows it beside the
   * run, so the text does not repeat it; it is taken so both renderers of a
   * run's result (this and `renderJsonResult`) share one input.
   */
  conclusion: Conclusion;
  /** Markdown naming each config error (file, key path, line); null or empty when the config is fine. */
  configErrorsMarkdown?: string | null;
  /**
   * What the check says about the PR's own version of the config, when the PR
   * changes it (`renderProposedConfig`): shown above the table, its
   * annotations first; `failing` puts it in the title.
   */
  proposedConfig?: { markdown: string; annotations: Annotation[]; failing: boolean } | null;
  /**
   * "What this change would have done" (`renderConfigImpact`, bounded in
   * size), shown under the proposed config's line and kept whole like it.
   */
  proposedConfigImpact?: string | null;
  /** Link to `.github/eng-health.yml` on the default branch. */
  configUrl: string;
  /** Link to the config reference. */
  referenceUrl: string;
}

const SEPARATOR = "\n\n";
/** Title prefix when the PR's own `.github/eng-health.yml` has problems. */
export const PROPOSED_CONFIG_ERROR_TITLE = "This PR's eng-health config needs a fix";
const TABLE_HEADER = "| | Agreement | Result |\n|---|---|---|";

/**
 * Render rule results as a check run's output. Pure.
 *
 * - `title`: see `renderCheckRunTitle` (e.g. `2 of 4 agreements met · 1 suggestion · 1 question`).
 * - `summary` (markdown): the config errors when there are any; what the
 *   check says about the PR's own config; a table with
 *   one row per result (mark, agreement, one-line message); what the PR's
 *   config would have done (`proposedConfigImpact`), when given; a
 *   `### <mark> <agreement>` section with the findings of each result that has
 *   any; a footer linking the config and its reference. At most
 *   {@link MAX_OUTPUT_CHARS} UTF-8 bytes: when the findings do not fit, the
 *   table and footer stay, findings are kept in order while they fit, and a
 *   line says how many were left out (annotations still carry them).
 * - `text`: not set.
 * - `annotations`: every finding's annotation in REST shape, in result order.
 *
 * Never throws.
 */
export function renderCheckRun(input: RenderCheckRunInput): CheckRunOutput {
  const configErrors = input.configErrorsMarkdown?.trim() ?? "";
  const proposed = input.proposedConfig ?? null;
  const baseTitle = renderCheckRunTitle({ results: input.results, hasConfigErrors: configErrors !== "" });
  const title = proposed?.failing ? truncateUtf8(`${PROPOSED_CONFIG_ERROR_TITLE} · ${baseTitle}`, MAX_TITLE_CHARS) : baseTitle;
  const head = [configErrors, proposed?.markdown.trim() ?? "", renderTable(input.results), input.proposedConfigImpact?.trim() ?? ""]
    .filter((block) => block !== "")
    .join(SEPARATOR);
  const footer = renderFooter(input.configUrl, input.referenceUrl);
  const summary = fitSummary(head, findingBlocks(input.results), footer);
  const annotations = [
    ...(proposed?.annotations ?? []).map(toApiAnnotation),
    ...input.results.flatMap((result) =>
      result.findings.flatMap((finding) => (finding.annotation ? [toApiAnnotation(finding.annotation)] : [])),
    ),
  ];
  return { title, summary, annotations };
}

function renderTable(results: readonly RuleResult[]): string {
  if (results.length === 0) return "No agreement is turned on in the config, so there was nothing to check.";
  const rows = results.map(
    (result) => `| ${resultMark(result)} | ${tableCell(result.agreement)} | ${tableCell(result.message)} |`,
  );
  return [TABLE_HEADER, ...rows].join("\n");
}

/** One table cell: a single line with its pipes escaped, so a message cannot break the table. */
function tableCell(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, " ")
    .replace(/(?<!\\)\|/g, "\\|")
    .trim();
}

function renderFooter(configUrl: string, referenceUrl: string): string {
  return `<sub>Configured in [\`.github/eng-health.yml\`](${configUrl}) · [config reference](${referenceUrl}) · re-run with "Re-run checks"</sub>`;
}

/**
 * The details under the table as blocks, one per finding, in result order; a
 * rule's first finding carries its `### <mark> <agreement>` heading. Findings
 * with an empty message (annotation only) are left out.
 */
function findingBlocks(results: readonly RuleResult[]): string[] {
  return results.flatMap((result) => {
    const messages = result.findings.map((finding) => finding.message.trim()).filter((message) => message !== "");
    const heading = `### ${resultMark(result)} ${result.agreement.replace(/\s+/g, " ").trim()}`;
    return messages.map((message, index) => (index === 0 ? `${heading}\n${message}` : message));
  });
}

/**
 * Join head, finding blocks and footer, keeping within {@link MAX_OUTPUT_CHARS}
 * UTF-8 bytes. Findings are dropped from the end first; only when the head
 * alone is too big (a huge config error, say) is the head cut.
 */
function fitSummary(head: string, blocks: readonly string[], footer: string): string {
  const full = [head, ...blocks, footer].join(SEPARATOR);
  if (utf8Bytes(full) <= MAX_OUTPUT_CHARS) return full;

  const separatorBytes = utf8Bytes(SEPARATOR);
  // Reserve room for the longest omission line this summary could need.
  const reserve = utf8Bytes(omissionLine(blocks.length)) + utf8Bytes(footer) + 2 * separatorBytes;
  const budget = MAX_OUTPUT_CHARS - reserve;

  const fittedHead = truncateUtf8(head, budget);
  let used = utf8Bytes(fittedHead);
  const kept: string[] = [];
  for (const block of blocks) {
    const cost = separatorBytes + utf8Bytes(block);
    if (used + cost > budget) break;
    used += cost;
    kept.push(block);
  }
  const omitted = blocks.length - kept.length;
  const tail = omitted > 0 ? [omissionLine(omitted), footer] : [footer];
  return [fittedHead, ...kept, ...tail].join(SEPARATOR);
}

function omissionLine(omitted: number): string {
  const findings = omitted === 1 ? "1 more finding is" : `${omitted} more findings are`;
  return `_${findings} left out here to stay within GitHub's size limit for a check run; the annotations on the changed files carry the rest._`;
}
