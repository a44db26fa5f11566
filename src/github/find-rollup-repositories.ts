import type { RepoRef } from "../model/repo-ref.js";
import type { GitHubClient } from "./github-client.js";
import { PR_TEMPLATE_FIELDS, readPrTemplate, type TemplateBlobs } from "./pr-template-paths.js";

/** Repositories asked about per request: 50 × 7 small fields, far within GraphQL's limits. */
export const PROBE_BATCH = 50;

/** A repository of a rollup that the client can read. */
export interface ReadableRepository {
  /** As listed in `rollup.repos` (or expanded from `owner/*`). */
  listed: RepoRef;
  /** `owner/name` as GitHub spells it now (after a rename or a transfer, the new one). */
  name: string;
  /** Its web page, e.g. `https://github.com/acme/widgets`; its pull requests' and issues' links start with it. */
  url: string;
  /** The PR template on its default branch, or null. */
  template: string | null;
}

/** What {@link findRollupRepositories} found. */
export interface FoundRollupRepositories {
  /** In the order listed; a repository listed twice (a rename) once. */
  readable: ReadableRepository[];
  /** `owner/name` as listed, for each repository GitHub does not show the client. */
  unreadable: string[];
}

type RepositoryNode = (TemplateBlobs & { nameWithOwner: string; url: string }) | null;

/**
 * Which repositories of a rollup the client can read, before any search
 * (a search naming a repository it cannot see fails as a whole): one GraphQL
 * request per {@link PROBE_BATCH} repositories, each asked as
 * `repository(owner:, name:)` with its name, page and PR template. GitHub
 * answers null with a `NOT_FOUND` (or `FORBIDDEN`) error for a repository
 * that does not exist or that the app is not installed on; those are
 * returned as unreadable, never dropped.
 *
 * @param client GraphQL-capable client
 * @param repositories as listed (owner/name), no duplicates
 * @returns the readable ones with their template, and the names of the others
 * @throws the client's error when the request itself fails, or a GraphQL
 *   error that is not about one of the repositories asked
 */
export async function findRollupRepositories(client: GitHubClient, repositories: readonly RepoRef[]): Promise<FoundRollupRepositories> {
  const readable: ReadableRepository[] = [];
  const unreadable: string[] = [];
  const seen = new Set<string>();
  for (let from = 0; from < repositories.length; from += PROBE_BATCH) {
    const batch = repositories.slice(from, from + PROBE_BATCH);
    const variables: Record<string, string> = {};
    batch.forEach((repository, index) => {
      variables[`o${index}`] = repository.owner;
      variables[`n${index}`] = repository.repo;
    });
    const definitions = batch.flatMap((_, index) => [`$o${index}: String!`, `$n${index}: String!`]).join(", ");
    const selections = batch
      .map((_, index) => `\n  r${index}: repository(owner: $o${index}, name: $n${index}) { nameWithOwner url${PR_TEMPLATE_FIELDS}\n  }`)
      .join("");
    const data = await graphqlAllowingMissing(client, `query (${definitions}) {${selections}\n}`, variables, batch.length);
    batch.forEach((listed, index) => {
      const node = data[`r${index}`] ?? null;
      if (node === null) {
        unreadable.push(`${listed.owner}/${listed.repo}`);
        return;
      }
      if (seen.has(node.nameWithOwner.toLowerCase())) return;
      seen.add(node.nameWithOwner.toLowerCase());
      readable.push({ listed, name: node.nameWithOwner, url: node.url, template: readPrTemplate(node) });
    });
  }
  return { readable, unreadable };
}

/**
 * Send the query; when GitHub answers with errors, keep its partial data as
 * long as every error is about one of the aliases `r0` … (a repository it
 * could not resolve), which then reads as null. Errors are told apart by
 * their path, never by their message.
 */
async function graphqlAllowingMissing(
  client: GitHubClient,
  query: string,
  variables: Record<string, string>,
  count: number,
): Promise<Record<string, RepositoryNode | undefined>> {
  try {
    return await client.graphql<Record<string, RepositoryNode>>(query, variables);
  } catch (error) {
    const partial = partialData(error);
    const aliases = new Set(Array.from({ length: count }, (_, index) => `r${index}`));
    if (partial === null || !partial.errors.every((entry) => typeof entry.path?.[0] === "string" && aliases.has(entry.path[0]))) throw error;
    return partial.data;
  }
}

/** The data and errors of a GraphQL answer with errors (`@octokit/graphql`'s `GraphqlResponseError`), or null. */
function partialData(error: unknown): { data: Record<string, RepositoryNode | undefined>; errors: Array<{ path?: unknown[] }> } | null {
  if (typeof error !== "object" || error === null || !("errors" in error) || !("data" in error)) return null;
  const { errors, data } = error as { errors: unknown; data: unknown };
  if (!Array.isArray(errors) || typeof data !== "object" || data === null) return null;
  return { data: data as Record<string, RepositoryNode | undefined>, errors: errors as Array<{ path?: unknown[] }> };
}
