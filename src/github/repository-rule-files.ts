import type { RepositoryRules } from "../model/pull-request-facts.js";

/**
 * Where GitHub looks for CODEOWNERS, in its order: "If CODEOWNERS files exist
 * in more than one of those locations, GitHub will search for them in that
 * order and use the first one it finds" (GitHub docs, "About code owners",
 * "CODEOWNERS file location").
 */
export const CODE_OWNERS_PATHS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"] as const;

/** The root `.gitattributes`, where `linguist-generated` marks generated files ("Customizing how changed files appear on GitHub"). */
export const GIT_ATTRIBUTES_PATH = ".gitattributes";

/** A blob as {@link REPOSITORY_RULE_FILE_FIELDS} selects it; null when the path is absent. */
type BlobField = { text: string | null; isTruncated?: boolean } | null | undefined;

/** What the fields of {@link REPOSITORY_RULE_FILE_FIELDS} return, by alias. */
export type RuleFileBlobs = { [alias: `codeowners${number}`]: BlobField; gitattributes?: BlobField };

const blobField = (alias: string, path: string): string =>
  `
    ${alias}: object(expression: ${JSON.stringify(`HEAD:${path}`)}) { ... on Blob { text isTruncated } }`;

/** The CODEOWNERS part of {@link REPOSITORY_RULE_FILE_FIELDS} alone (the review sweep needs no `.gitattributes`). */
export const CODE_OWNERS_FIELDS = CODE_OWNERS_PATHS.map((path, index) => blobField(`codeowners${index}`, path)).join("");

/**
 * GraphQL fields for a `repository { … }` selection that read, from the
 * default branch, every CODEOWNERS location (aliases `codeowners0` … in
 * {@link CODE_OWNERS_PATHS} order) and the root `.gitattributes` (alias
 * `gitattributes`): objects, not connections, so they add no request and
 * next to no rate-limit cost to the query they ride in.
 */
export const REPOSITORY_RULE_FILE_FIELDS = CODE_OWNERS_FIELDS + blobField("gitattributes", GIT_ATTRIBUTES_PATH);

/**
 * The repository's rule files from the fields of {@link REPOSITORY_RULE_FILE_FIELDS}:
 * the CODEOWNERS file GitHub uses (the first location that has one) and the
 * `.gitattributes` text. A file GitHub returned truncated (`isTruncated`,
 * very large) or as binary (`text: null`) counts as none: half a CODEOWNERS
 * would name the wrong owners, since its last matching line decides.
 *
 * @returns `{ codeOwners, gitAttributes }`, each null when absent or unusable
 */
export function readRepositoryRules(repository: RuleFileBlobs | null | undefined): Required<RepositoryRules> {
  const usable = (blob: BlobField): string | null => (blob && blob.text !== null && blob.isTruncated !== true ? blob.text : null);
  let codeOwners: Required<RepositoryRules>["codeOwners"] = null;
  for (const [index, path] of CODE_OWNERS_PATHS.entries()) {
    const blob = repository?.[`codeowners${index}`];
    if (blob === null || blob === undefined) continue;
    const text = usable(blob);
    codeOwners = text === null ? null : { path, text };
    break;
  }
  return { codeOwners, gitAttributes: usable(repository?.gitattributes) };
}
