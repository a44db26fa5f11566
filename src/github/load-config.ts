import { composeConfigGet } from "@probot/octokit-plugin-config";
import type { ConfigError, ConfigResult, ConfigSource } from "../config/config-result.js";
import { configSizeProblem } from "../config/check-config-size.js";
import { inlineCode } from "../config/inline-code.js";
import { EXTENDS_KEY, parseConfigFile } from "../config/parse-config-file.js";
import { parseExtends } from "../config/parse-extends.js";
import { CONFIG_PATH } from "../config/schema.js";
import { validateConfig } from "../config/validate-config.js";
import { httpStatus } from "./http-status.js";
import { responseText } from "./response-text.js";

/**
 * What `@probot/octokit-plugin-config` 4.1 sends for each config file:
 * `GET /repos/{owner}/{repo}/contents/{path}` with the raw media type, and
 * `ref` only when a branch is asked for (never here: the default branch is read).
 */
export interface ContentRequestOptions {
  method: "GET";
  /** Set by {@link loadConfig} for conditional requests (`if-none-match`). */
  headers?: Record<string, string>;
  url: string;
  owner: string;
  repo: string;
  path: string;
  mediaType: { format: string };
  ref?: string;
}

/** The response fields the plugin reads. */
export interface ContentResponse {
  data: unknown;
  headers: Record<string, unknown>;
}

/**
 * The part of an Octokit client this adapter uses: `request` and
 * `request.endpoint` (which turns options into a URL). `ProbotOctokit` and
 * `@octokit/rest`'s `Octokit` both fit.
 */
export interface OctokitLike {
  request: {
    (options: ContentRequestOptions): Promise<ContentResponse>;
    endpoint(options: ContentRequestOptions): { url: string };
  };
}

/**
 * Config file responses kept with their ETag, by API URL, so the next read is a
 * conditional request: GitHub answers 304 when the file is unchanged, and a
 * 304 does not count against the installation's rate limit (GitHub docs,
 * "Rate limits for the REST API": conditional requests). The file is still
 * revalidated on every event, so a change applies at once.
 */
export interface ConfigResponseCache {
  get(url: string): { etag: string; response: ContentResponse } | undefined;
  set(url: string, entry: { etag: string; response: ContentResponse }): void;
}

/** One config file request as it happened, in order. */
interface RecordedFile {
  /** The API URL (what the plugin calls `url`). */
  apiUrl: string;
  owner: string;
  repo: string;
  path: string;
  /** The raw YAML; `null` when the file is absent (404) or not a file. */
  text: string | null;
  /** True when GitHub answered with something that is not file content (a directory or submodule listing). */
  notAFile: boolean;
}

const GITHUB_COM_API_HOST = "api.github.com";
// GitHub Enterprise Server serves REST under /api/v3 on the web host.
const GHES_API_PREFIX = "/api/v3/";

/**
 * What {@link loadConfig} returns: the validated config, its errors and the
 * files that contributed. The requests it took are counted by the client
 * (`countRequests`), 404s and 304s included.
 */
export type LoadedConfig = ConfigResult;

/**
 * Read `.github/eng-health.yml` from the repository's default branch (never a
 * PR head, so a fork cannot switch its own checks off) through
 * `@probot/octokit-plugin-config`, which falls back to the owner's `.github`
 * repository when the file is missing and follows `_extends`; then merge and
 * validate everything with {@link validateConfig}.
 *
 * Requests: one when the repository has the file; two when it has none (the
 * `.github` repository is asked next); one more per `_extends`.
 *
 * A missing file means the defaults. Broken files never throw: invalid YAML, a
 * directory where the file should be, a malformed `_extends` or one that loops
 * back become {@link ConfigError}s with the file and line, and the config falls
 * back to defaults where needed.
 *
 * @param octokit an authenticated client (an installation's, or a token's in the CLI)
 * @param repo the repository whose pull requests are checked
 * @param cache optional ETag cache: reads become conditional requests (a 304 is free)
 * @returns the config to use, its errors and the files that contributed
 * @throws the client's error for anything but a 404 (network failures, 5xx,
 *   403): the caller decides whether to retry or give up
 */
export async function loadConfig(
  octokit: OctokitLike,
  repo: { owner: string; repo: string },
  cache?: ConfigResponseCache,
): Promise<LoadedConfig> {
  const recorded: RecordedFile[] = [];
  const recorder: OctokitLike = { request: recordingRequest(octokit, recorded, cache) };

  try {
    const { files } = await composeConfigGet(
      // The plugin is typed for a full @octokit/core client but only calls
      // `request` and `request.endpoint` (dist-src/util/get-config-file.js).
      recorder as unknown as Parameters<typeof composeConfigGet>[0],
      { owner: repo.owner, repo: repo.repo, path: CONFIG_PATH, defaults: () => ({}) },
    );
    const byUrl = new Map(recorded.map((file) => [file.apiUrl, file]));
    const sources = files.map((file) =>
      toSource({ owner: file.owner, repo: file.repo, path: file.path, text: byUrl.get(file.url)?.text ?? null, apiUrl: file.url }, repo),
    );
    return validateConfig(sources);
  } catch (error) {
    if (hasHttpStatus(error)) throw error;
    return explainFailure(error, distinct(recorded), repo);
  }
}

/**
 * Wrap `octokit.request` so every config file it fetches is kept as text, in
 * order. Binary bodies (a raw media type GitHub may answer with) are decoded as
 * UTF-8 before the plugin sees them, so it parses the same text we do.
 */
function recordingRequest(
  octokit: OctokitLike,
  recorded: RecordedFile[],
  cache: ConfigResponseCache | undefined,
): OctokitLike["request"] {
  const request = async (options: ContentRequestOptions): Promise<ContentResponse> => {
    const apiUrl = octokit.request.endpoint(options).url;
    const { owner, repo, path } = options;
    const cached = cache?.get(apiUrl);
    try {
      let response: ContentResponse;
      try {
        response = await octokit.request(cached ? { ...options, headers: { "if-none-match": cached.etag } } : options);
      } catch (error) {
        if (cached && httpStatus(error) === 304) response = cached.response;
        else throw error;
      }
      const etag = response.headers.etag;
      if (cache && typeof etag === "string" && response !== cached?.response) cache.set(apiUrl, { etag, response });
      const text = responseText(response.data);
      recorded.push({ apiUrl, owner, repo, path, text, notAFile: text === null });
      if (text === null) return response;
      // A file over the config limits is never parsed, by the plugin either: it
      // sees an empty file (so no `_extends` is followed), and validateConfig
      // reports the limit for the text kept above.
      return { ...response, data: configSizeProblem({ path, text }) === null ? text : "" };
    } catch (error) {
      if (httpStatus(error) === 404) recorded.push({ apiUrl, owner, repo, path, text: null, notAFile: false });
      throw error;
    }
  };
  return Object.assign(request, { endpoint: octokit.request.endpoint });
}

/** Octokit's RequestError (HTTP errors, and network failures as status 500) carries a numeric status. */
function hasHttpStatus(error: unknown): boolean {
  return httpStatus(error) !== null;
}

/** Drop repeated requests for the same file (a file that `_extends` itself is fetched twice). */
function distinct(recorded: readonly RecordedFile[]): RecordedFile[] {
  const byUrl = new Map<string, RecordedFile>();
  for (const file of recorded) if (!byUrl.has(file.apiUrl)) byUrl.set(file.apiUrl, file);
  return [...byUrl.values()];
}

/**
 * The plugin stopped at the last file it fetched: that file's YAML is invalid
 * or not a mapping (it throws with the parser's error as `cause`), it is a
 * directory, its `_extends` is malformed, or its `_extends` leads back to a
 * file already loaded. Validate what was read and make sure the reason is
 * among the errors, located in that file.
 */
function explainFailure(error: unknown, recorded: readonly RecordedFile[], repo: { owner: string; repo: string }): ConfigResult {
  const last = recorded.at(-1);
  // Nothing was fetched: not a config problem (a bug or a misuse), so let it surface.
  if (last === undefined) throw error;

  const sources = recorded.map((file) => toSource(file, repo));
  const result = validateConfig(sources);
  const lastSource = toSource(last, repo);
  const explained = result.errors.some(
    (configError) => configError.path === lastSource.path && (configError.keyPath === "" || configError.keyPath === EXTENDS_KEY),
  );

  let extra: ConfigError | null = null;
  if (last.notAFile) {
    extra = fileError(lastSource, null, "", `${inlineCode(lastSource.path)} is a directory or a submodule, not a file, so it is ignored. Could you put the config in a file at that path?`);
  } else {
    extra = loopError(lastSource, last, recorded, repo);
    if (extra === null && !explained) {
      const reason = error instanceof Error ? error.message : String(error);
      extra = fileError(lastSource, null, "", `The file could not be read (${reason}), so it is ignored.`);
    }
  }
  if (extra === null) return result;
  return { ...result, errors: [...result.errors, extra] };
}

/** The error for an `_extends` that points back at a file already loaded, or `null` when it does not. */
function loopError(
  source: ConfigSource,
  file: RecordedFile,
  recorded: readonly RecordedFile[],
  repo: { owner: string; repo: string },
): ConfigError | null {
  const extendsInfo = parseConfigFile(source).extends;
  const target = parseExtends(extendsInfo?.value);
  if (extendsInfo === null || target === null) return null;
  const owner = target.owner ?? file.owner;
  const path = target.path ?? CONFIG_PATH;
  const loaded = recorded.find((other) => other.owner === owner && other.repo === target.repo && other.path === path);
  if (loaded === undefined) return null;
  return fileError(
    source,
    extendsInfo.line,
    EXTENDS_KEY,
    `${inlineCode(`${EXTENDS_KEY}: ${String(extendsInfo.value)}`)} leads back to ${inlineCode(toSource(loaded, repo).path)}, which is already part of this config, so the chain stops here. Could it extend a file that does not extend this one?`,
  );
}

function fileError(source: ConfigSource, line: number | null, keyPath: string, message: string): ConfigError {
  return { path: source.path, ...(source.url === undefined ? {} : { url: source.url }), line, keyPath, message, section: null };
}

/**
 * A file as {@link validateConfig} takes it: the repository's own config is
 * shown as `.github/eng-health.yml`, any other as `owner/repo:path`.
 */
function toSource(
  file: { owner: string; repo: string; path: string; text: string | null; apiUrl: string },
  repo: { owner: string; repo: string },
): ConfigSource {
  const own = file.owner === repo.owner && file.repo === repo.repo && file.path === CONFIG_PATH;
  return {
    path: own ? CONFIG_PATH : `${file.owner}/${file.repo}:${file.path}`,
    url: fileWebUrl(file, htmlBaseFromApiUrl(file.apiUrl)),
    text: file.text,
  };
}

/**
 * The web page of any config file (the repository's own, the `.github`
 * repository's, or one reached through `_extends`) on its default branch:
 * `HEAD` resolves to it. `src/config/config-file-url.ts` covers the
 * repository's own file only.
 */
function fileWebUrl(file: { owner: string; repo: string; path: string }, htmlBase: string): string {
  const path = file.path.split("/").map(encodeURIComponent).join("/");
  return `${htmlBase}/${encodeURIComponent(file.owner)}/${encodeURIComponent(file.repo)}/blob/HEAD/${path}`;
}

/**
 * The web origin for an API URL: `https://api.github.com` → `https://github.com`;
 * GitHub Enterprise Server (`https://ghe.example/api/v3/…`) → `https://ghe.example`;
 * GHE.com (`https://api.acme.ghe.com`) → `https://acme.ghe.com`.
 */
function htmlBaseFromApiUrl(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.host === GITHUB_COM_API_HOST) return "https://github.com";
  if (url.pathname.startsWith(GHES_API_PREFIX)) return url.origin;
  if (url.hostname.startsWith("api.")) return `${url.protocol}//${url.host.slice("api.".length)}`;
  return url.origin;
}
