import { z } from "zod";
import { LEVELS } from "../model/rule-result.js";
import { PULL_REQUEST_RULES } from "../rules/registry.js";
import type { RuleResult } from "../model/rule-result.js";
import type { Conclusion } from "../model/check-run.js";
import { MAX_OUTPUT_CHARS } from "../model/github-limits.js";
import { parseHiddenMarker, renderHiddenMarker } from "../text/hidden-marker.js";
import { utf8Bytes } from "../text/truncate-utf8.js";

/**
 * The rule results a check run was written with, kept in the run itself
 * (README, "How it works": state lives in hidden markers). The review sweep
 * reads them back to update one rule's result without fetching the PR's files
 * again. Findings carry their messages only: annotations stay on the run and
 * are not repeated here.
 */
export interface ResultsMarkerData {
  results: RuleResult[];
  conclusion: Conclusion;
  /** True when the run also judged the PR's own config file (the sweep leaves such runs to the next event). */
  proposedConfig?: boolean;
}

const KIND = "results";
/** Blank line between the visible summary and the marker. */
const SEPARATOR = "\n\n";

/** The marker's shape, for a registry's rule ids (an id the registry does not know makes the marker unreadable). */
function markerSchema(ruleIds: ReadonlySet<string>) {
  const ruleResultSchema = z.object({
    id: z.string().refine((id) => ruleIds.has(id)),
    agreement: z.string(),
    level: z.enum(LEVELS),
    status: z.enum(["pass", "fail", "skip"]),
    message: z.string(),
    findings: z.array(z.object({ message: z.string() })),
  });
  return z.object({
    results: z.array(ruleResultSchema),
    conclusion: z.enum(["success", "neutral", "failure", "action_required"]),
    proposedConfig: z.boolean().optional(),
  });
}

/** The rule ids of the registry, the default for {@link parseResultsMarker}. */
const REGISTERED_IDS: ReadonlySet<string> = new Set(PULL_REQUEST_RULES.map((rule) => rule.id));

/**
 * Render the hidden results marker: `<!-- eng-health:results {json} -->`.
 *
 * Input: the run's results and conclusion. Each finding keeps its `message`
 * only (its `annotation` is stripped; the run already has it). In the JSON,
 * `<` and `>` are written as `\u003c` and `\u003e`, so nothing inside (a
 * finding quoting `-->`, say) can end the HTML comment early; `JSON.parse`
 * reads them back unchanged.
 *
 * Output: one line, no trailing newline. Never throws.
 */
export function renderResultsMarker(data: ResultsMarkerData): string {
  const stored = {
    results: data.results.map((result) => ({
      id: result.id,
      agreement: result.agreement,
      level: result.level,
      status: result.status,
      message: result.message,
      findings: result.findings.map((finding) => ({ message: finding.message })),
    })),
    conclusion: data.conclusion,
    ...(data.proposedConfig ? { proposedConfig: true } : {}),
  };
  return renderHiddenMarker(KIND, stored);
}

/**
 * Read the results marker back from a check run's summary.
 *
 * Input: a summary as GitHub returns it (or any string). Output: the stored
 * results and conclusion, or `null` when the summary does not end with a
 * marker, or its JSON is broken or not of the expected shape (a rule id
 * outside `ruleIds`, the registry's by default, or an unknown status or
 * level included). Never throws.
 */
export function parseResultsMarker(summary: string, ruleIds: ReadonlySet<string> = REGISTERED_IDS): ResultsMarkerData | null {
  const json = parseHiddenMarker(summary, KIND, { atEnd: true });
  if (json === undefined) return null;
  const parsed = markerSchema(ruleIds).safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * A check run summary with the results marker appended after a blank line,
 * when the whole still fits GitHub's limit for `output.summary`
 * ({@link MAX_OUTPUT_CHARS}, measured in UTF-8 bytes). When it does not fit,
 * the summary is returned unchanged: the run then has no marker and the
 * review sweep leaves it alone until the PR's next event.
 *
 * @returns `{ summary, marked }`: the summary to send, and whether it carries the marker
 */
export function appendResultsMarker(summary: string, data: ResultsMarkerData): { summary: string; marked: boolean } {
  const marked = `${summary}${SEPARATOR}${renderResultsMarker(data)}`;
  if (utf8Bytes(marked) > MAX_OUTPUT_CHARS) return { summary, marked: false };
  return { summary: marked, marked: true };
}
