import { z } from "zod";
import type { RuleResult } from "../model/rule-result.js";
import type { Conclusion } from "../model/check-run.js";
import { MAX_OUTPUT_CHARS } from "../model/github-limits.js";
import { utf8Bytes } from "../text/truncate-utf8.js";

/**
 * The rule results a check run was written with, kept in the run itself
 * (design doc principle 2: state lives in hidden markers). The review sweep
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

const MARKER_PREFIX = "<!-- eng-health:results ";
const MARKER_SUFFIX = " -->";
/** Blank line between the visible summary and the marker. */
const SEPARATOR = "\n\n";
/**
 * The marker at the very end of a summary. The JSON never holds `<` or `>`
 * (they are escaped), so `[^<>]*` cannot run past the comment's end; anchoring
 * at the end ignores any look-alike quoted earlier in the summary (a finding
 * that quotes a PR description, say).
 */
const MARKER_AT_END = /<!-- eng-health:results (\{[^<>]*\}) -->\s*$/;

const ruleResultSchema = z.object({
  id: z.enum(["reasoning", "tests", "disabled-tests", "review", "flaky"]),
  agreement: z.string(),
  level: z.enum(["off", "notice", "warning", "failure"]),
  status: z.enum(["pass", "fail", "skip"]),
  message: z.string(),
  findings: z.array(z.object({ message: z.string() })),
});
const markerSchema = z.object({
  results: z.array(ruleResultSchema),
  conclusion: z.enum(["success", "neutral", "failure", "action_required"]),
  proposedConfig: z.boolean().optional(),
});

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
  const json = JSON.stringify(stored).replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
  return `${MARKER_PREFIX}${json}${MARKER_SUFFIX}`;
}

/**
 * Read the results marker back from a check run's summary.
 *
 * Input: a summary as GitHub returns it (or any string). Output: the stored
 * results and conclusion, or `null` when the summary does not end with a
 * marker, or its JSON is broken or not of the expected shape (unknown rule
 * ids, statuses or levels included). Never throws.
 */
export function parseResultsMarker(summary: string): ResultsMarkerData | null {
  const match = MARKER_AT_END.exec(summary);
  if (match?.[1] === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(match[1]);
  } catch {
    return null;
  }
  const parsed = markerSchema.safeParse(json);
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
