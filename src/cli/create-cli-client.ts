import { createClient, type CreateClientOptions } from "../github/create-client.js";
import type { GitHubClient } from "../github/github-client.js";
import { UsageError } from "./parse-args.js";

/** Where the CLI's client reports, each a line without the `eng-health:` prefix. */
export interface CliClientLogs {
  /** Rate-limit waits (always shown: the CLI is waiting). */
  rateLimit?: CreateClientOptions["log"];
  /** Octokit's own log, request lines included (the CLI shows it only with `--verbose`). */
  octokit?: CreateClientOptions["octokitLog"];
}

/**
 * The CLI's client, from the environment: `GITHUB_TOKEN` (required),
 * `GITHUB_API_URL` (default `https://api.github.com`) and `GITHUB_GRAPHQL_URL`
 * (derived from the API URL when unset), built by {@link createClient}, so it
 * retries, waits out rate limits and counts its requests.
 *
 * @param env the process environment (tests pass their own)
 * @param logs where rate-limit waits and Octokit's own log lines go
 * @returns the client
 * @throws {@link UsageError} when `GITHUB_TOKEN` is missing, or `GITHUB_API_URL`
 *   or `GITHUB_GRAPHQL_URL` is not an http(s) URL
 */
export function createCliClient(env: NodeJS.ProcessEnv, logs: CliClientLogs = {}): GitHubClient {
  const token = env.GITHUB_TOKEN;
  if (!token) throw new UsageError("GITHUB_TOKEN is not set (a token that can read the repository)");
  for (const name of ["GITHUB_API_URL", "GITHUB_GRAPHQL_URL"] as const) {
    const value = env[name];
    if (value && !isHttpUrl(value)) throw new UsageError(`${name} must be an http(s) URL such as https://ghe.example.com/api/v3; it is "${value}"`);
  }
  return createClient({
    token,
    ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
    ...(env.GITHUB_GRAPHQL_URL ? { graphqlUrl: env.GITHUB_GRAPHQL_URL } : {}),
    userAgent: "eng-health-cli",
    ...(logs.rateLimit ? { log: logs.rateLimit } : {}),
    ...(logs.octokit ? { octokitLog: logs.octokit } : {}),
  });
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
