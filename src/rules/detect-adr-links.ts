/** Characters that end a path in prose and markdown: whitespace, brackets, quotes, backticks. */
const TOKEN_SEPARATORS = /[\s<>()[\]{}"'`|]+/;
/** `https://host` at the start of a URL. */
const SCHEME_AND_HOST = /^[a-z][a-z\d+.-]*:\/\/[^/]*/i;
/** `/{owner}/{repo}/blob/{ref}/` and friends: how GitHub's web UI addresses a file. */
const GITHUB_FILE_URL = /^\/[^/]+\/[^/]+\/(?:blob|tree|raw|blame|edit)\/[^/]+\/(.+)$/;

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The repository path a token names, as `/`-separated segments: the URL's
 * scheme, host, query and fragment go, and for GitHub file URLs so does
 * `/{owner}/{repo}/blob/{ref}/`. `.` and `..` segments are dropped.
 */
function pathSegments(token: string): string[] {
  let path = token.replace(/[.,;:!?*_~]+$/, "").replace(/^[*_~]+/, "");
  const isUrl = SCHEME_AND_HOST.test(path);
  path = path.replace(SCHEME_AND_HOST, "").replace(/[?#].*$/, "");
  if (isUrl) path = GITHUB_FILE_URL.exec(path)?.[1] ?? path;
  return decodeSafely(path)
    .split("/")
    .filter((segment) => segment !== "" && segment !== "." && segment !== "..");
}

/**
 * Find links to ADR files in a PR description: relative paths
 * (`docs/adr/0007-use-postgres.md`, `./docs/adr/…`, `../docs/adr/…`) and URLs
 * that contain such a path (`https://github.com/o/r/blob/main/docs/adr/0007-x.md`,
 * raw or GitHub Enterprise URLs too), bare or inside markdown links.
 *
 * A link must name a file (its last segment has a `.`), so a link to the
 * `docs/adr/` folder is not a link to an ADR. For each token the longest tail
 * of its path that `isAdrPath` accepts is taken.
 *
 * @param markdown the description, ideally without comments and template text
 *   (see `removeTemplateText`), so an example path in the template does not count.
 * @param isAdrPath true for repository paths where ADRs live (`reasoning.adr.paths`).
 * @returns the ADR paths linked, repository-relative, without duplicates, in order of appearance.
 */
export function detectAdrLinks(markdown: string, isAdrPath: (path: string) => boolean): string[] {
  const found = new Set<string>();
  for (const token of markdown.split(TOKEN_SEPARATORS)) {
    if (!token.includes("/")) continue;
    const segments = pathSegments(token);
    const last = segments.at(-1);
    if (last === undefined || !last.includes(".")) continue;
    for (let start = 0; start < segments.length; start += 1) {
      const candidate = segments.slice(start).join("/");
      if (isAdrPath(candidate)) {
        found.add(candidate);
        break;
      }
    }
  }
  return [...found];
}
