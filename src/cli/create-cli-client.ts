import { Octokit } from "@octokit/rest";
import type { GitHubClient } from "../github/github-client.js";
import { UsageError } from "./parse-args.js";

/** The default REST API root. */
export const DEFAULT_API_URL = "https://api.github.com";

/**
 * The GraphQL endpoint for a REST root: `https://api.github.com/graphql`, or
 * `https://HOST/api/graphql` for GitHub Enterprise Server (`/api/v3`).
 */
export function graphqlUrlFor(apiUrl: string): string {
  const root = apiUrl.replace(/\/+$/, "");
  return root.endsWith("/api/v3") ? `${root.slice(0, -"/v3".length)}/graphql` : `${root}/graphql`;
}

/**
 * A client for the CLI from `GITHUB_TOKEN`, `GITHUB_API_URL` and
 * `GITHUB_GRAPHQL_URL`.
 *
 * @throws {@link UsageError} when `GITHUB_TOKEN` is missing
 */
export function createCliClient(env: NodeJS.ProcessEnv): GitHubClient {
  const token = env.GITHUB_TOKEN;
  if (!token) throw new UsageError("GITHUB_TOKEN is not set (a token that can read the repository)");
  const apiUrl = (env.GITHUB_API_URL || DEFAULT_API_URL).replace(/\/+$/, "");
  const graphqlUrl = env.GITHUB_GRAPHQL_URL || graphqlUrlFor(apiUrl);
  const octokit = new Octokit({ auth: token, baseUrl: apiUrl, userAgent: "eng-health-cli" });
  return { request: octokit.request, graphql: octokit.graphql.defaults({ url: graphqlUrl }) };
}
