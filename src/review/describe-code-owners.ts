import { countOf } from "../text/count-of.js";
import { joinWords } from "../text/join-words.js";
import type { OwnedPaths } from "./owners-of-files.js";

/** Owners named at most in one sentence; the rest are counted. */
const OWNERS_SHOWN = 5;
/** Paths named at most per owner; the rest are counted. */
const PATHS_SHOWN = 2;

/**
 * Owners as handles for a sentence: `@alice`, `@alice and @acme/billing`
 * (at most five, then "and N more"). These invite people to review; they never
 * say who is at fault.
 */
export function ownerHandles(owners: readonly OwnedPaths[]): string {
  const shown = owners.slice(0, OWNERS_SHOWN).map((owner) => owner.handle);
  const more = owners.length - shown.length;
  return joinWords(more > 0 ? [...shown, countOf(more, "more owner")] : shown, "and");
}

/**
 * Who owns which changed files, for a sentence:
 * "@acme/billing owns `src/billing/invoice.ts` and `src/billing/tax.ts`; @alice owns `docs/a.md` and 3 more files".
 * At most five owners and two paths each are named; the rest are counted.
 *
 * @param owners owners with the paths they own (`ownersOfFiles`, `codeOwnersOfChange`)
 */
export function describeOwnedFiles(owners: readonly OwnedPaths[]): string {
  const parts = owners.slice(0, OWNERS_SHOWN).map((owner) => {
    const paths = owner.paths.slice(0, PATHS_SHOWN).map((path) => `\`${path}\``);
    const more = owner.paths.length - paths.length;
    return `${owner.handle} owns ${joinWords(more > 0 ? [...paths, countOf(more, "more file")] : paths, "and")}`;
  });
  const more = owners.length - parts.length;
  return more > 0 ? `${parts.join("; ")}; and ${countOf(more, "more owner")}` : parts.join("; ");
}
