import { DEFAULT_API_URL } from "../github/graphql-url-for.js";
import { ActionInputError } from "./action-input-error.js";

/** Where a run of the action is, from the runner's default environment variables. */
export interface ActionContext {
  /** `GITHUB_EVENT_NAME`, e.g. `pull_request`. */
  eventName: string;
  /** `GITHUB_EVENT_PATH`: the event's webhook payload as JSON; null when unset. */
  eventPath: string | null;
  /** `GITHUB_REPOSITORY` split: the repository the workflow runs in. */
  owner: string;
  repo: string;
  /** `GITHUB_API_URL` (default `https://api.github.com`). */
  apiUrl: string;
  /** `GITHUB_GRAPHQL_URL`, or null to derive it from `apiUrl`. */
  graphqlUrl: string | null;
  /** `GITHUB_SERVER_URL` (default `https://github.com`): the web root, for links. */
  serverUrl: string;
}

/**
 * Read the runner's default environment variables (GitHub docs, "Store
 * information in variables", default environment variables). Pure (reads
 * `env` only); GitHub Enterprise Server and the tests set the URLs.
 *
 * @param env the process environment
 * @returns the context, URLs without a trailing slash
 * @throws {@link ActionInputError} when `GITHUB_EVENT_NAME` is unset or
 *   `GITHUB_REPOSITORY` is not `owner/repo` (not running on a runner)
 */
export function readActionContext(env: Readonly<Record<string, string | undefined>>): ActionContext {
  const eventName = env.GITHUB_EVENT_NAME?.trim() ?? "";
  if (eventName === "") throw new ActionInputError("GITHUB_EVENT_NAME is not set: eng-health runs as a step of a GitHub Actions workflow");
  const [owner, repo, ...more] = (env.GITHUB_REPOSITORY ?? "").trim().split("/");
  if (!owner || !repo || more.length > 0) {
    throw new ActionInputError(`GITHUB_REPOSITORY is ${JSON.stringify(env.GITHUB_REPOSITORY ?? "")}; it must be owner/repo`);
  }
  return {
    eventName,
    eventPath: env.GITHUB_EVENT_PATH || null,
    owner,
    repo,
    apiUrl: withoutTrailingSlash(env.GITHUB_API_URL || DEFAULT_API_URL),
    graphqlUrl: env.GITHUB_GRAPHQL_URL ? withoutTrailingSlash(env.GITHUB_GRAPHQL_URL) : null,
    serverUrl: withoutTrailingSlash(env.GITHUB_SERVER_URL || "https://github.com"),
  };
}

function withoutTrailingSlash(url: string): string {
  return url.trim().replace(/\/+$/, "");
}
