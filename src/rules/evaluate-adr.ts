import type { Config } from "../config/schema.js";
import type { ChangedFile, PullRequestFacts } from "../model/pull-request-facts.js";
import { createMatcher } from "../glob/match-globs.js";
import { detectAdrLinks } from "./detect-adr-links.js";
import { removeTemplateText } from "./strip-description.js";

/** A changed file that matches `reasoning.adr.required_for`. */
export interface OneWayDoor {
  /** The file as GitHub lists it. */
  file: ChangedFile;
  /** The path that matched: `filename`, or `previousFilename` when only the old path of a rename did. */
  matchedPath: string;
}

/** What a PR does about ADRs for its one-way doors. */
export interface AdrEvaluation {
  /** Changed files that are one-way doors, in the order GitHub lists them (removed files included). */
  oneWayDoors: OneWayDoor[];
  /** ADR files the PR adds or changes (any status but `removed`), repository-relative. */
  changedAdrs: string[];
  /** ADR files the description links (see `detectAdrLinks`). */
  linkedAdrs: string[];
  /** True when no one-way door is touched, or an ADR is changed or linked. */
  satisfied: boolean;
}

/**
 * Check the ADR agreement for one PR (README, `reasoning.adr`): when any
 * changed file matches `required_for` (by its path, or its old path when
 * renamed; removed files count), the PR must add or change a file matching
 * `paths`, or link one from its description. Removing an ADR does not count
 * as recording a decision. Links inside HTML comments or untouched template
 * lines do not count.
 *
 * @param facts the PR's files, description and template.
 * @param adr the `reasoning.adr` config.
 */
export function evaluateAdr(
  facts: Pick<PullRequestFacts, "files" | "body" | "template">,
  adr: Config["reasoning"]["adr"],
): AdrEvaluation {
  const isDoor = createMatcher(adr.required_for);
  const isAdr = createMatcher(adr.paths);

  const oneWayDoors: OneWayDoor[] = [];
  for (const file of facts.files) {
    const matchedPath = [file.filename, file.previousFilename].find(
      (path): path is string => path !== undefined && isDoor(path),
    );
    if (matchedPath !== undefined) oneWayDoors.push({ file, matchedPath });
  }

  const changedAdrs = facts.files
    .filter((file) => file.status !== "removed" && isAdr(file.filename))
    .map((file) => file.filename);
  const linkedAdrs = detectAdrLinks(removeTemplateText(facts.body, facts.template), isAdr);

  return {
    oneWayDoors,
    changedAdrs,
    linkedAdrs,
    satisfied: oneWayDoors.length === 0 || changedAdrs.length > 0 || linkedAdrs.length > 0,
  };
}
