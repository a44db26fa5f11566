import { createClient, type CreateClientOptions } from "../github/create-client.js";
import type { GitHubClient } from "../github/github-client.js";
import { UsageError } from "./parse-args.js";

/**
 * The CLI's client, from the environment: `GITHUB_TOKEN` (required),
 * `GITHUB_API_URL` (default `https://api.github.com`) and `GITHUB_GRAPHQL_URL`
 * (derived from the API URL when unset), built by {@link createClient}, so it
 * retries, waits out rate limits and counts its requests.
 *
 * @param env the process environment (tests pass their own)
 * @param log where rate-limit waits are reported, one line each (the CLI writes them to stderr)
 * @returns the client
 * @throws {@link UsageError} when `GITHUB_TOKEN` is missing
 */
export function createCliClient(env: NodeJS.ProcessEnv, log?: CreateClientOptions["log"]): GitHubClient {
  const token = env.GITHUB_TOKEN;
  if (!token) throw new UsageError("GITHUB_TOKEN is not set (a token that can read the repository)");
  return createClient({
    token,
    ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
    ...(env.GITHUB_GRAPHQL_URL ? { graphqlUrl: env.GITHUB_GRAPHQL_URL } : {}),
    userAgent: "eng-health-cli",
    ...(log ? { log } : {}),
  });
}
