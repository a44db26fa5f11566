import { inlineCode } from "../config/inline-code.js";
import type { ApiAnnotation, CheckRunOutput, Conclusion } from "../model/check-run.js";
import { ANNOTATIONS_SHOWN_PER_TYPE, MAX_STEP_SUMMARY_BYTES } from "../model/github-limits.js";
import { countOf } from "../text/count-of.js";
import { withoutHiddenMarkers } from "../text/hidden-marker.js";
import { truncateUtf8, utf8Bytes } from "../text/truncate-utf8.js";

/** Inputs of {@link renderCheckSummary}. */
export interface CheckSummaryInput {
  /** The check run's name (`checks.name`). */
  name: string;
  conclusion: Conclusion;
  /** The run's output, exactly as written (or as it would have been). */
  output: CheckRunOutput;
  /** The check run's page when it was written; null when it was not. */
  checkRunUrl: string | null;
  /** When the run was not written: one sentence saying why. */
  notWritten?: string;
  /** Annotations that were not shown as workflow commands (past GitHub's per-step limit). */
  rest: readonly ApiAnnotation[];
}

/** The mark of an annotation level, as the check run's table marks a rule at that level. */
const LEVEL_MARK: Record<ApiAnnotation["annotation_level"], string> = { failure: "❌", warning: "⚠️", notice: "💬" };

/** Bytes kept free for the line that counts the findings left out. */
const OVERFLOW_LINE_BYTES = 200;

/**
 * The job summary of a PR check: a heading with the check's name and title,
 * the conclusion (with a link to the check run, or why it was not written and
 * that the job's result carries the verdict instead), then the check run's
 * own summary as a person reads it (hidden markers removed) and its `text`.
 * When annotations were left over from the workflow commands, they follow as
 * a list, while they fit within {@link MAX_STEP_SUMMARY_BYTES}; a last line
 * counts any left out. Pure.
 *
 * @returns markdown, at most {@link MAX_STEP_SUMMARY_BYTES} UTF-8 bytes
 */
export function renderCheckSummary(input: CheckSummaryInput): string {
  const conclusion = `**Conclusion:** \`${input.conclusion}\``;
  const status =
    input.checkRunUrl !== null
      ? `${conclusion} · [the check run](${input.checkRunUrl})`
      : `${conclusion}, carried by this job's result\n\n> [!NOTE]\n> ${(input.notWritten ?? "The check run could not be written.").replace(/\s+/g, " ")}`;
  const head = [
    `## ${input.name}: ${input.output.title}`.replace(/[\r\n]+/g, " "),
    status,
    withoutHiddenMarkers(input.output.summary),
    input.output.text !== undefined ? withoutHiddenMarkers(input.output.text) : "",
  ]
    .filter((block) => block !== "")
    .join("\n\n");
  if (input.rest.length === 0) return `${head}\n`;

  const intro = `### More findings\n\nGitHub shows ${ANNOTATIONS_SHOWN_PER_TYPE} annotations of each kind per step; ${countOf(input.rest.length, "more finding")} ${input.rest.length === 1 ? "is" : "are"} listed here:\n`;
  let room = MAX_STEP_SUMMARY_BYTES - utf8Bytes(head) - utf8Bytes(intro) - OVERFLOW_LINE_BYTES;
  const lines: string[] = [];
  for (const annotation of input.rest) {
    const line = `- ${renderAnnotationLine(annotation)}`;
    const bytes = utf8Bytes(line) + 1;
    if (bytes > room) break;
    lines.push(line);
    room -= bytes;
  }
  const left = input.rest.length - lines.length;
  const overflow = left > 0 ? `\n\n${countOf(left, "more finding")} did not fit in the job summary.` : "";
  return truncateUtf8(`${head}\n\n${intro}\n${lines.join("\n")}${overflow}\n`, MAX_STEP_SUMMARY_BYTES);
}

/** `⚠️ `src/a.ts` line 3: message`, on one line. */
function renderAnnotationLine(annotation: ApiAnnotation): string {
  const lines = annotation.end_line > annotation.start_line ? `lines ${annotation.start_line}-${annotation.end_line}` : `line ${annotation.start_line}`;
  const title = annotation.title !== undefined ? `**${annotation.title.replace(/\s+/g, " ").trim()}**: ` : "";
  return `${LEVEL_MARK[annotation.annotation_level]} ${inlineCode(annotation.path)} ${lines}: ${title}${annotation.message.replace(/\s+/g, " ").trim()}`;
}
