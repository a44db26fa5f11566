import { CONFIG_REFERENCE_URL } from "../config/schema.js";
import { inlineCode } from "../config/inline-code.js";
import { ISSUE_BODY_MAX_CHARS, ISSUE_TITLE_MAX_CHARS } from "../model/github-limits.js";
import type { FlakyCiEvidence, FlakyCiKey, FlakyOccurrenceRecord } from "../model/flaky-ci.js";
import { countOf } from "../text/count-of.js";
import { formatMinutes } from "../text/format-figures.js";
import { hiddenMarker, withoutHiddenMarkers } from "../text/hidden-marker.js";
import { truncateUtf8, utf8Bytes } from "../text/truncate-utf8.js";
import { renderFlakyCiMarker } from "./flaky-ci-marker.js";
import { occurrenceCount, occurrenceMinutes } from "./record-flaky-occurrence.js";

/**
 * Where eng-health's part of the body starts: everything before it is the
 * team's (eng-health writes it once, people may edit it), everything after it
 * is rewritten with each occurrence.
 */
export const FLAKY_CI_EVIDENCE_ANCHOR = hiddenMarker("flaky-ci-evidence");

/** Rows the evidence table shows, newest last; older recorded occurrences are counted above it. */
export const MAX_ROWS_SHOWN = 50;

/** What the body is rendered from. */
export interface FlakyCiBodyInput {
  evidence: FlakyCiEvidence;
  /** The repository's web address, e.g. `https://github.com/acme/widgets`: runs, commits and PRs are linked under it. */
  repoUrl: string;
  /** `flaky.label` and `flaky.min_occurrences`, quoted to the team. */
  flaky: { label: string; min_occurrences: number };
  /** The issue's current body, when it is an open or closed flaky issue (not a pending one): the team's part is kept. */
  previousBody?: string;
}

/**
 * The title: `Flaky: X` for a check, `Flaky: test name (X)` for a test,
 * cut to GitHub's 256 characters.
 */
export function renderFlakyCiTitle(key: FlakyCiKey): string {
  const title = key.test === undefined ? `Flaky: ${key.check}` : `Flaky: ${key.test} (${key.check})`;
  return Array.from(title).length > ISSUE_TITLE_MAX_CHARS ? `${Array.from(title).slice(0, ISSUE_TITLE_MAX_CHARS - 1).join("")}…` : title;
}

/**
 * The body of a flaky-test issue found from CI evidence (issue 14): what
 * happened and why it matters, with a next step as a question (or, while
 * pending, how many occurrences the team waits for), then the evidence
 * table (when, PR or branch, head SHA, the failed and the passing run, the
 * failed runs' CI minutes) and the hidden marker. The test file is named in
 * the text, so PR awareness ("this PR touches a known-flaky test") finds it.
 *
 * With `previousBody`, the text before {@link FLAKY_CI_EVIDENCE_ANCHOR} is
 * kept as the team left it and only the evidence is rewritten. The body
 * stays within GitHub's 65,536 characters: fewer rows first, then the
 * team's text is cut.
 *
 * @returns markdown, the marker as its last line
 */
export function renderFlakyCiBody(input: FlakyCiBodyInput): string {
  const intro = input.previousBody === undefined ? renderIntro(input) : teamPart(input.previousBody);
  for (let rows = MAX_ROWS_SHOWN; ; rows = Math.floor(rows / 2)) {
    const evidence = renderEvidence(input, rows);
    const body = `${intro}\n\n${evidence}`;
    if (utf8Bytes(body) <= ISSUE_BODY_MAX_CHARS) return body;
    if (rows === 0) return `${truncateUtf8(intro, ISSUE_BODY_MAX_CHARS - utf8Bytes(evidence) - 2)}\n\n${evidence}`;
  }
}

/** The team's part of an existing body: up to the anchor, or all of it without eng-health's markers. */
function teamPart(body: string): string {
  const at = body.lastIndexOf(FLAKY_CI_EVIDENCE_ANCHOR);
  return (at === -1 ? withoutHiddenMarkers(body) : body.slice(0, at)).trimEnd();
}

function renderIntro(input: FlakyCiBodyInput): string {
  const { evidence, flaky } = input;
  const check = inlineCode(evidence.check);
  if (evidence.pending) {
    const seen = occurrenceCount(evidence);
    return [
      `eng-health saw ${check} fail and then pass on the same commit ${times(seen)}. The team asked for a flaky-test issue once that happens ${times(flaky.min_occurrences)} (\`flaky.min_occurrences\`), so this issue stays closed, without the ${inlineCode(flaky.label)} label, until then.`,
      "",
      "The next occurrence that reaches the count reopens it with the label, and the evidence below comes along.",
    ].join("\n");
  }
  const what =
    evidence.test === undefined
      ? `The check ${check} failed and then passed when it ran again on the same commit`
      : `The test ${testPhrase(evidence)} failed in the check ${check}, and then passed when the check ran again on the same commit`;
  return [
    `${what}: the code did not change, but the outcome did. eng-health records each time this happens below, with the minutes of CI the failed runs took.`,
    "",
    "A check that fails at random teaches everyone to re-run it instead of reading a red build, so the team agreed to track flaky tests as issues and fix them. Could someone open the failed run's log, look for what differs between the runs (timing, ordering, shared state, the network), and assign themselves?",
  ].join("\n");
}

/** `` `name` in `path` ``, or `` at `path:line` `` when the test has no name of its own. */
function testPhrase(evidence: FlakyCiEvidence): string {
  const test = evidence.test ?? "";
  if (evidence.path === undefined) return inlineCode(test);
  if (test.startsWith(`${evidence.path}:`)) return `at ${inlineCode(test)}`;
  return `${inlineCode(test)} in ${inlineCode(evidence.path)}`;
}

function renderEvidence(input: FlakyCiBodyInput, maxRows: number): string {
  const { evidence } = input;
  const count = occurrenceCount(evidence);
  const shown = maxRows === 0 ? [] : evidence.occurrences.slice(-maxRows);
  const hidden = count - shown.length;
  const summary =
    `${countOf(count, "flaky occurrence")} so far; the failed runs took ${formatMinutes(occurrenceMinutes(evidence))} of CI.` +
    (hidden > 0 ? ` The table shows the latest ${shown.length}.` : "");
  const base = input.repoUrl.replace(/\/+$/, "");
  const table =
    shown.length === 0
      ? []
      : [
          "",
          "| When (UTC) | PR or branch | Head SHA | Failed run | Passing run | Minutes of the failed runs |",
          "|---|---|---|---|---|---|",
          ...shown.map((occurrence) => renderRow(occurrence, base)),
        ];
  return [
    FLAKY_CI_EVIDENCE_ANCHOR,
    "### Evidence from CI",
    "",
    summary,
    ...table,
    "",
    `<sub>Recorded by eng-health from check runs: each new occurrence adds a row and reopens this issue if it was closed · [settings](${CONFIG_REFERENCE_URL}) \`flaky.from_checks\`, \`flaky.ignore_checks\`, \`flaky.min_occurrences\`</sub>`,
    renderFlakyCiMarker(evidence),
  ].join("\n");
}

function renderRow(occurrence: FlakyOccurrenceRecord, base: string): string {
  const when = occurrence.at.replace("T", " ").slice(0, 16);
  const place =
    occurrence.pr !== undefined ? `[#${occurrence.pr}](${base}/pull/${occurrence.pr})` : occurrence.branch !== undefined ? cell(inlineCode(occurrence.branch)) : "—";
  const sha = `[\`${occurrence.sha.slice(0, 7)}\`](${base}/commit/${occurrence.sha})`;
  const failures = occurrence.failures !== undefined ? ` (${occurrence.failures} failed attempts)` : "";
  const failed = `[${occurrence.failed}](${base}/runs/${occurrence.failed})${failures}`;
  const passed = `[${occurrence.passed}](${base}/runs/${occurrence.passed})`;
  return `| ${when} | ${place} | ${sha} | ${failed} | ${passed} | ${formatMinutes(occurrence.minutes).replace(/ minutes?$/, "")} |`;
}

/** A table cell's text: a `|` would end the cell, so it is escaped (GitHub reads `\|` inside code spans too). */
function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/** `once`, `twice`, `3 times`. */
function times(count: number): string {
  if (count === 1) return "once";
  if (count === 2) return "twice";
  return `${count} times`;
}
