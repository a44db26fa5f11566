import { annotationLevelFor } from "./annotation-level-for.js";
import type { Level } from "../model/rule-result.js";
import type { ReasoningAssessment } from "./assess-reasoning.js";
import { globFolder } from "../glob/glob-folder.js";
import type { OneWayDoor } from "./evaluate-adr.js";
import type { Finding, RuleResult } from "../model/rule-result.js";
import { countOf } from "../text/count-of.js";
import { capitalise } from "../text/capitalise.js";
import { joinWords } from "../text/join-words.js";

/** What rendering needs besides the assessment. */
export interface RenderReasoningOptions {
  /** The rule's level (`reasoning.level`); sets the annotation's level. */
  level: Level;
  /** The first of `reasoning.skip_labels`, offered as an escape hatch; `null` when there is none. */
  skipLabel: string | null;
  /** `reasoning.adr.paths`, to say where an ADR goes. */
  adrPaths: readonly string[];
  /** True when GitHub's list of changed files was cut short (an ADR may be beyond it). */
  filesTruncated: boolean;
}

/** One-way doors named in full before "and N more". */
const MAX_DOORS_NAMED = 5;

const AGREEMENT =
  "The team agreed that every pull request documents its reasoning: why the change is needed and how it was tested. " +
  "Reviewers need the why to judge the change, and future readers look for it here long after the details are forgotten.";

const ASK = "Could you add a few sentences on why this change is needed and how it was tested?";

const quoted = (name: string): string => `"${name}"`;
const code = (text: string): string => `\`${text}\``;

/** A one-way door for a message; a rename whose old path matched names both paths. */
function doorName(door: OneWayDoor, wrap: (text: string) => string): string {
  const { file, matchedPath } = door;
  return matchedPath === file.filename
    ? wrap(file.filename)
    : `${wrap(matchedPath)} (renamed to ${wrap(file.filename)})`;
}

function doorList(doors: readonly OneWayDoor[], wrap: (text: string) => string): string {
  const named = doors.slice(0, MAX_DOORS_NAMED).map((door) => doorName(door, wrap));
  const rest = doors.length - named.length;
  return joinWords(rest > 0 ? [...named, `${rest} more`] : named);
}

/** Where an ADR goes, from the first `reasoning.adr.paths` glob: "under `docs/adr/`". */
function adrPlace(adrPaths: readonly string[], wrap: (text: string) => string): string {
  const first = adrPaths[0];
  if (first === undefined) return `in the repository (and list its folder in ${wrap("reasoning.adr.paths")})`;
  const folder = globFolder(first);
  return folder === null ? `at a path matching ${wrap(first)}` : `under ${wrap(folder)}`;
}

function sectionsAsk(names: readonly string[]): string {
  const first = names[0] ?? "Why";
  return (
    `The team's descriptions have ${joinWords(names.map(quoted))} ${names.length === 1 ? "section" : "sections"}; ` +
    `a heading (${code(`## ${first}`)}) or a bold label (${code(`**${first}:**`)}) followed by a sentence or two is enough.`
  );
}

function lengthFinding(assessment: ReasoningAssessment, options: RenderReasoningOptions): Finding {
  const { words, minWords, description, sections } = assessment;
  const situation: Record<Exclude<typeof description, "ok">, string> = {
    empty: "The description is empty.",
    "untouched-template": "The description is still the PR template, unchanged.",
    "emptied-template": "The description is still the PR template: only its prompts, headings, checkboxes and comments are left.",
    short:
      `The description has ${words === 0 ? "no words" : countOf(words, "word")} of its own once HTML comments, ` +
      `untouched template lines, checkboxes and headings are set aside; the team agreed on at least ${minWords}.`,
  };
  const text = description === "ok" ? "" : situation[description];
  const foldedSections = description === "short" || sections.length === 0 ? "" : ` ${sectionsAsk(sections.map((s) => s.name))}`;
  const escape =
    options.skipLabel === null
      ? ""
      : `\n\nIf the change speaks for itself (a typo fix, say), the ${code(options.skipLabel)} label skips this check.`;
  return { message: `${AGREEMENT}\n\n${text}\n\n${ASK}${foldedSections}${escape}` };
}

function sectionsFinding(assessment: ReasoningAssessment): Finding {
  const names = assessment.sections.map((section) => section.name);
  const missing = assessment.sections.filter((section) => section.status === "missing").map((s) => s.name);
  const empty = assessment.sections.filter((section) => section.status === "empty").map((s) => s.name);
  const facts = [
    missing.length > 0 ? `Missing: ${joinWords(missing.map(quoted))}.` : "",
    empty.length > 0 ? `Found but empty: ${joinWords(empty.map(quoted))} (only the heading or template text is there).` : "",
  ].filter((line) => line !== "");
  const first = missing[0] ?? empty[0] ?? "Why";
  const count = missing.length + empty.length;
  return {
    message:
      `The team agreed that descriptions have ${joinWords(names.map(quoted))} ${names.length === 1 ? "section" : "sections"}, ` +
      "so reviewers find the reasoning in the same place on every pull request.\n\n" +
      `${facts.join(" ")}\n\n` +
      `Could you fill ${count === 1 ? "it" : "them"} in? A heading (${code(`## ${first}`)}) or a bold label ` +
      `(${code(`**${first}:**`)}) followed by a sentence or two is enough.`,
  };
}

function adrFinding(assessment: ReasoningAssessment, options: RenderReasoningOptions): Finding {
  const doors = assessment.adr.oneWayDoors;
  const annotated = doors.find((door) => door.file.status !== "removed") ?? doors[0];
  const isOne = doors.length === 1;
  const truncated = options.filesTruncated
    ? " GitHub's list of changed files was cut short, so an ADR beyond it would not be seen here; linking it works."
    : "";
  const escape =
    options.skipLabel === null
      ? ""
      : `\n\nIf this change involves no decision worth recording, the ${code(options.skipLabel)} label skips this check.`;
  const finding: Finding = {
    message:
      "The team agreed that one-way doors, changes that are hard to reverse, come with an architecture decision record (ADR). " +
      "Once they ship, undoing them is expensive, so the options weighed and the reason for this one are worth writing down " +
      "while they can still shape the decision.\n\n" +
      `This pull request changes ${doorList(doors, code)}, which the config lists as ${isOne ? "a one-way door" : "one-way doors"} ` +
      `(${code("reasoning.adr.required_for")}), but it adds or changes no ADR and the description links none.${truncated}\n\n` +
      `Could you add an ADR ${adrPlace(options.adrPaths, code)}, or link the one that covers it in the description?${escape}`,
  };
  if (annotated !== undefined) {
    const plain = (text: string): string => text;
    finding.annotation = {
      path: annotated.file.filename,
      startLine: 1,
      endLine: 1,
      level: annotationLevelFor(options.level),
      title: "One-way door without an ADR",
      message:
        `One-way doors in this pull request: ${doorList(doors, plain)}. They are hard to reverse, so the team records them in an ADR. ` +
        `Could you add one ${adrPlace(options.adrPaths, plain)}, or link the one that covers this change in the description?`,
    };
  }
  return finding;
}

function passMessage(assessment: ReasoningAssessment): string {
  const { words, minWords, sections, adr } = assessment;
  const details: string[] = [];
  if (words > 0) details.push(countOf(words, "word"));
  const present = sections.map((section) => quoted(section.name));
  if (present.length > 0) details.push(`${joinWords(present)} ${present.length === 1 ? "section" : "sections"}`);
  if (adr.oneWayDoors.length > 0) {
    const adrFile = adr.changedAdrs[0] ?? adr.linkedAdrs[0] ?? "";
    const door = adr.oneWayDoors.length === 1 ? "the one-way door" : "the one-way doors";
    details.push(`ADR ${code(adrFile)} for ${door}`);
  }
  const head =
    words > 0 || minWords > 0
      ? "The description explains why"
      : `No description length is required (${code("reasoning.min_words: 0")})`;
  return details.length > 0 ? `${head} (${details.join(", ")}).` : `${head}.`;
}

function failMessage(assessment: ReasoningAssessment): string {
  const { words, minWords, description, sections, adr } = assessment;
  const clauses: string[] = [];
  if (description === "empty") clauses.push("the description is empty");
  if (description === "untouched-template" || description === "emptied-template") {
    clauses.push("the description is still the PR template");
  }
  if (description === "short") {
    clauses.push(`the description has ${countOf(words, "word")} of its own (the team agreed on at least ${minWords})`);
  }
  if (description === "ok" || description === "short") {
    const missing = sections.filter((section) => section.status === "missing").map((s) => quoted(s.name));
    const empty = sections.filter((section) => section.status === "empty").map((s) => quoted(s.name));
    if (missing.length > 0) clauses.push(`no ${joinWords(missing, "or")} ${missing.length === 1 ? "section" : "sections"}`);
    if (empty.length > 0) {
      clauses.push(`the ${joinWords(empty)} ${empty.length === 1 ? "section is" : "sections are"} empty`);
    }
  }
  if (!adr.satisfied) {
    const only = adr.oneWayDoors[0];
    clauses.push(
      adr.oneWayDoors.length === 1 && only !== undefined
        ? `no ADR for the one-way door ${code(only.file.filename)}`
        : `no ADR for ${adr.oneWayDoors.length} one-way-door files`,
    );
  }
  return `${capitalise(clauses.join("; "))}.`;
}

/**
 * Render a reasoning assessment as a rule result: `pass` with a one-line
 * summary such as `The description explains why (48 words, "Why" and
 * "Testing" sections).`, or `fail` with a short summary and one finding per
 * problem (description length, sections, ADR). Each finding states the
 * agreement, why it matters and a next step as a question. When the
 * description is empty or still the template, the missing sections are asked
 * for in that finding instead of a second one. The ADR finding carries an
 * annotation on line 1 of the first one-way door that still exists (else the
 * first one), at the rule's level.
 */
export function renderReasoning(
  assessment: ReasoningAssessment,
  options: RenderReasoningOptions,
): Pick<RuleResult, "status" | "message" | "findings"> {
  const findings: Finding[] = [];
  const { description, sections, adr } = assessment;
  if (description !== "ok") findings.push(lengthFinding(assessment, options));
  const sectionsFail = sections.some((section) => section.status !== "present");
  if (sectionsFail && (description === "ok" || description === "short")) findings.push(sectionsFinding(assessment));
  if (!adr.satisfied) findings.push(adrFinding(assessment, options));
  if (findings.length === 0) return { status: "pass", message: passMessage(assessment), findings };
  return { status: "fail", message: failMessage(assessment), findings };
}
