/**
 * Where an `_extends` value points. `owner` and `path` are `null` when the value
 * leaves them out: the file's own owner and the same config path are meant.
 */
export interface ExtendsTarget {
  owner: string | null;
  repo: string;
  path: string | null;
}

// GitHub logins: letters, digits and single hyphens between them, at most 39
// characters (https://docs.github.com/en/enterprise-cloud@latest/admin/managing-iam/iam-configuration-reference/username-considerations-for-external-authentication).
const OWNER_PATTERN = /^[a-z\d](?:-?[a-z\d])*$/i;
const MAX_OWNER_LENGTH = 39;
const REPO_PATTERN = /^[\w.-]+$/;
// @probot/octokit-plugin-config only reads .yml/.yaml (and .json, which a
// YAML config never extends).
const PATH_PATTERN = /^[\w./-]+\.ya?ml$/i;

/**
 * Parse an `_extends` value as `@probot/octokit-plugin-config` 4.1 accepts it:
 * `repo`, `owner/repo`, `repo:path/to/file.yml` or `owner/repo:path/to/file.yml`.
 *
 * @param value the raw `_extends` value from a config file (any YAML value)
 * @returns the target, or `null` when the value is not a string of that shape
 *   (the plugin rejects such values with "Invalid value … for _extends").
 *   Never throws.
 */
export function parseExtends(value: unknown): ExtendsTarget | null {
  if (typeof value !== "string") return null;
  const colon = value.indexOf(":");
  const repoPart = colon === -1 ? value : value.slice(0, colon);
  const path = colon === -1 ? null : value.slice(colon + 1);
  if (path !== null && !PATH_PATTERN.test(path)) return null;

  const parts = repoPart.split("/");
  if (parts.length > 2) return null;
  const [first, second] = parts;
  const owner = second === undefined ? null : (first ?? null);
  const repo = second ?? first ?? "";
  if (owner !== null && (owner.length > MAX_OWNER_LENGTH || !OWNER_PATTERN.test(owner))) return null;
  if (!REPO_PATTERN.test(repo)) return null;
  return { owner, repo, path };
}
