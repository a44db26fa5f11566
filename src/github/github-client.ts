import type { Octokit } from "@octokit/rest";

/**
 * The slice of an Octokit client the adapters use: `request` for REST and
 * `graphql`. Probot's installation client and `@octokit/rest` both fit, so the
 * app and the CLI share every adapter.
 */
export type GitHubClient = Pick<Octokit, "request" | "graphql">;
