/** The REST API root of GitHub.com, the default of `GITHUB_API_URL`. */
export const DEFAULT_API_URL = "https://api.github.com";

/**
 * The GraphQL endpoint for a REST root (GitHub docs, "Forming calls with
 * GraphQL": the endpoint is `https://api.github.com/graphql`; GitHub
 * Enterprise Server serves REST at `https://HOST/api/v3` and GraphQL at
 * `https://HOST/api/graphql`).
 *
 * @param apiUrl a REST root such as `https://api.github.com` or
 *   `https://ghe.example.com/api/v3` (trailing slashes are ignored)
 * @returns `ROOT/graphql`, or `https://HOST/api/graphql` for a root ending in `/api/v3`
 */
export function graphqlUrlFor(apiUrl: string): string {
  const root = apiUrl.replace(/\/+$/, "");
  return root.endsWith("/api/v3") ? `${root.slice(0, -"/v3".length)}/graphql` : `${root}/graphql`;
}
