import type { ConfigError } from "./config-result.js";
import { inlineCode } from "./inline-code.js";
import { CONFIG_REFERENCE_URL, CONFIG_SECTIONS } from "./schema.js";
import { joinWords } from "../text/join-words.js";

/**
 * Errors listed one by one; the rest are counted. 50 keeps the check run's
 * summary far below GitHub's 65,535-character limit (each message is a few
 * hundred characters at most, values being cut to 60) and the list readable.
 */
export const MAX_LISTED_CONFIG_ERRORS = 50;

/**
 * Markdown for the check run when the config has problems: a heading, one
 * line per error naming the file (linked to the line when the file's URL is
 * known), the line and the fix, what was used instead, and where to read more.
 *
 * Shape (see the design's examples, "Check run with a broken config"):
 * ```markdown
 * ### The eng-health config could not be read
 * - `.github/eng-health.yml`, line 3: `reasoning.min_wrods` is not a known key. Did you mean `min_words`?
 *
 * Until this is fixed, this PR was checked with the default settings for the affected rules (`reasoning`).
 * …
 * ```
 * Errors are listed as a list so each stays on its own line wherever GitHub
 * renders the markdown.
 *
 * @param errors in the order to show them (`ConfigResult.errors`); an error
 *   with an empty `keyPath` means its whole file was ignored
 * @returns the markdown, or `""` when there are no errors
 */
export function renderConfigErrors(errors: readonly ConfigError[]): string {
  if (errors.length === 0) return "";

  const lines = ["### The eng-health config could not be read"];
  for (const error of errors.slice(0, MAX_LISTED_CONFIG_ERRORS)) lines.push(`- ${renderLocation(error)}: ${error.message}`);
  const hidden = errors.length - MAX_LISTED_CONFIG_ERRORS;
  if (hidden > 0) lines.push(`- …and ${hidden} more. Fixing the ones above first usually shows what the rest have in common.`);

  lines.push("", renderFallback(errors), "");
  lines.push(
    `The config is always read from the default branch, so a pull request cannot change its own checks: a fix applies once it is merged there. The [config reference](${CONFIG_REFERENCE_URL}) lists every key and its default.`,
  );
  return lines.join("\n");
}

function renderLocation(error: ConfigError): string {
  const file = inlineCode(error.path);
  const text = error.line === null ? file : `${file}, line ${error.line}`;
  if (error.url === undefined) return text;
  const anchor = error.line === null ? "" : `#L${error.line}`;
  return `[${text}](${error.url}${anchor})`;
}

/** What the PR was checked with instead: the defaults, for whole files ignored and for sections with errors. */
function renderFallback(errors: readonly ConfigError[]): string {
  const ignoredFiles = unique(errors.filter((error) => error.keyPath === "").map((error) => error.path));
  const affected = new Set(errors.filter((error) => !ignoredFiles.includes(error.path)).map((error) => error.section));
  const sections = CONFIG_SECTIONS.filter((section) => affected.has(section));

  const parts: string[] = [];
  if (ignoredFiles.length > 0) parts.push(`in place of ${joinWords(ignoredFiles.map(inlineCode))}`);
  if (sections.length > 0) parts.push(`for the affected rules (${joinWords(sections.map(inlineCode))})`);
  if (parts.length === 0) return "Until this is fixed, the rest of the config applies as written.";
  return `Until this is fixed, this PR was checked with the default settings ${parts.join(" and ")}.`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

