import type { Octokit } from "@octokit/rest";

/**
 * The slice of an Octokit client the adapters and pipelines use: `request`
 * for REST, `graphql`, and `hook`, where the pipelines attach the request
 * counter (`countRequests`). Probot's installation client and the clients of
 * `createClient` both fit, so the app, the CLI and the bench share every adapter.
 */
export type GitHubClient = Pick<Octokit, "request" | "graphql" | "hook">;
