import { parseResultsMarker } from "../src/check-run/results-marker.js";
import { withoutHiddenMarkers } from "../src/text/hidden-marker.js";
import type { StoredCheckRun } from "../bench/synthetic-repository.js";

/** Where a check run came from: the delivery that asked for it. */
export interface CheckRunOrigin {
  /** 1-based position among the deliveries, and how many there are. */
  index: number;
  total: number;
  /** e.g. `pull_request.opened`. */
  event: string;
  deliveryId: string;
  repository: string;
  number: number;
  title: string;
  story: string;
  /** Requests the server made for this event (its "check run written" log line), when known. */
  apiCalls: number | null;
}

/** Which level makes which conclusion (README "Configuration": failure-level → failure, warning-level → neutral). */
const LEVEL_FOR: Record<string, string> = { failure: "failure", neutral: "warning" };

/**
 * A check run as a person sees it on the pull request's "Checks" tab, as
 * plain text for a terminal: the delivery it came from, the run's name,
 * conclusion and title, the rules that decided the conclusion (read from the
 * run's hidden results marker), the summary markdown (hidden markers removed),
 * the details text and every annotation with its file, line and level. Pure.
 *
 * @returns lines ending in a newline
 */
export function renderDemoCheckRun(run: StoredCheckRun, origin: CheckRunOrigin): string {
  const marker = parseResultsMarker(run.output.summary);
  const results = marker?.results ?? [];
  const level = run.conclusion === null ? undefined : LEVEL_FOR[run.conclusion];
  const deciding = results.filter((result) => result.status === "fail" && result.level === level);
  const decidedBy =
    deciding.length > 0
      ? `decided by ${deciding.map((result) => `rule \`${result.id}\` (${result.agreement}, level ${result.level})`).join(" and ")}`
      : "no rule at warning or failure level failed";
  const calls = origin.apiCalls === null ? "" : ` · ${origin.apiCalls} API calls`;
  const out = [
    `━━━ ${origin.index} of ${origin.total} · ${origin.event} · ${origin.repository}#${origin.number} "${origin.title}"`,
    `    ${origin.story}`,
    `    delivery ${origin.deliveryId}${calls}`,
    "",
    `Check run "${run.name}" on ${run.head_sha.slice(0, 7)} (written ${run.writes} ${run.writes === 1 ? "time" : "times"}, check run id ${run.id})`,
    `  conclusion: ${run.conclusion ?? run.status}   ← ${decidedBy}`,
    `  title:      ${run.output.title}`,
    "",
    withoutHiddenMarkers(run.output.summary).trim(),
  ];
  if (run.output.text) out.push("", withoutHiddenMarkers(run.output.text).trim());
  out.push("", run.output.annotations.length === 0 ? "Annotations: none" : `Annotations (${run.output.annotations.length}):`);
  for (const annotation of run.output.annotations) {
    const title = annotation.title ? `${annotation.title}: ` : "";
    out.push(`  ${annotation.annotation_level.padEnd(7)} ${annotation.path}:${annotation.start_line}  ${title}${annotation.message}`);
  }
  if (results.length > 0) {
    out.push("", `Rules: ${results.map((result) => `${result.id} ${result.status} (${result.level})`).join(" · ")}`);
  }
  return `${out.join("\n")}\n\n`;
}
