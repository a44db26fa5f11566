import type { Annotation } from "../model/rule-result.js";
import { MAX_ANNOTATION_MESSAGE_BYTES, MAX_ANNOTATION_TITLE_CHARS } from "../model/github-limits.js";
import type { ApiAnnotation } from "../model/check-run.js";
import { truncateUtf8 } from "../text/truncate-utf8.js";

/**
 * A rule's camel-cased {@link Annotation} in the Checks API's REST shape
 * (`output.annotations[]` of "Create a check run").
 *
 * Input is trusted to be mostly right, but whatever would make GitHub reject
 * the whole request (HTTP 422) is mended: lines become whole numbers ≥ 1
 * ("Line numbers start at 1") with `end_line` ≥ `start_line`; the message is cut
 * to {@link MAX_ANNOTATION_MESSAGE_BYTES} and the title to
 * {@link MAX_ANNOTATION_TITLE_CHARS} (both in UTF-8 bytes). `title` is left
 * out when the annotation has none. Never throws.
 */
export function toApiAnnotation(annotation: Annotation): ApiAnnotation {
  const startLine = toLine(annotation.startLine);
  const endLine = Math.max(startLine, toLine(annotation.endLine));
  const api: ApiAnnotation = {
    path: annotation.path,
    start_line: startLine,
    end_line: endLine,
    annotation_level: annotation.level,
    message: truncateUtf8(annotation.message, MAX_ANNOTATION_MESSAGE_BYTES),
  };
  if (annotation.title !== undefined) api.title = truncateUtf8(annotation.title, MAX_ANNOTATION_TITLE_CHARS);
  return api;
}

/** A 1-based line number: whole, at least 1; anything unusable becomes line 1. */
function toLine(line: number): number {
  return Number.isFinite(line) ? Math.max(1, Math.floor(line)) : 1;
}
