import type { Annotation } from "../model/rule-result.js";
import type { ProposedConfigCheck } from "./validate-proposed-config.js";
import { CONFIG_PATH, CONFIG_REFERENCE_URL } from "./schema.js";

/** Errors listed one by one at most; the annotations carry every one. */
const MAX_LISTED = 20;
/** Annotations on the config file at most (the Checks API takes 50 per request; these lead). */
const MAX_ANNOTATIONS = 50;

/**
 * What the check run says about a PR that changes `.github/eng-health.yml`:
 * a valid file gets one line (it applies once merged); a broken one gets a
 * section that names each problem with its line and fix, says why it matters
 * (once merged, every pull request would be checked with defaults in its
 * place), and annotations on the lines. Pure.
 *
 * @returns `markdown` for the summary (above the table), `annotations` (failure level) on the file
 */
export function renderProposedConfig(check: ProposedConfigCheck): { markdown: string; annotations: Annotation[] } {
  if (check.errors.length === 0) {
    return {
      markdown: `✅ This PR's \`${CONFIG_PATH}\` is valid. It applies to pull requests once it is merged to the default branch; until then they are checked with the current one.`,
      annotations: [],
    };
  }
  const lines = [`### This PR's \`${CONFIG_PATH}\` needs a fix before it is merged`];
  for (const error of check.errors.slice(0, MAX_LISTED)) {
    const where = error.line === null ? "" : `[line ${error.line}](${check.url}#L${error.line}): `;
    lines.push(`- ${where}${error.message}`);
  }
  if (check.errors.length > MAX_LISTED) lines.push(`- …and ${check.errors.length - MAX_LISTED} more (see the annotations).`);
  lines.push(
    "",
    `Once merged, every pull request would be checked with the default settings in place of the broken values, and its check run would ask for a fix. Could these be corrected in this PR? The [config reference](${CONFIG_REFERENCE_URL}) lists every key and its default.`,
  );
  const annotations: Annotation[] = check.errors.slice(0, MAX_ANNOTATIONS).map((error) => ({
    path: CONFIG_PATH,
    startLine: error.line ?? 1,
    endLine: error.line ?? 1,
    level: "failure",
    title: "eng-health config",
    message: error.message.replace(/`/g, ""),
  }));
  return { markdown: lines.join("\n"), annotations };
}
