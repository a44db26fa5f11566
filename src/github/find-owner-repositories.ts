import { GRAPHQL_PAGE_SIZE } from "../model/github-limits.js";
import type { RepoRef } from "../model/repo-ref.js";
import type { GitHubClient } from "./github-client.js";

const QUERY = `query ($owner: String!, $after: String) {
  repositoryOwner(login: $owner) {
    repositories(first: ${GRAPHQL_PAGE_SIZE}, after: $after, orderBy: { field: NAME, direction: ASC }) {
      pageInfo { hasNextPage endCursor }
      nodes { name isArchived owner { login } }
    }
  }
}`;

interface OwnerRepositoriesResponse {
  repositoryOwner: {
    repositories: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{ name: string; isArchived: boolean; owner: { login: string } } | null>;
    };
  } | null;
}

/**
 * The repositories of an owner (organisation or user) that the client can
 * read and that are not archived, by name: what `owner/*` in `rollup.repos`
 * means outside an installation (the CLI's token). One GraphQL request per
 * 100 repositories. Repositories the owner's account only collaborates on
 * are left out.
 *
 * @param client GraphQL-capable client
 * @param owner an organisation or user login
 * @returns the repositories, by name; none when the owner does not exist
 * @throws the client's error
 */
export async function findOwnerRepositories(client: GitHubClient, owner: string): Promise<RepoRef[]> {
  const found: RepoRef[] = [];
  let after: string | null = null;
  for (;;) {
    const response: OwnerRepositoriesResponse = await client.graphql<OwnerRepositoriesResponse>(QUERY, { owner, after });
    const connection = response.repositoryOwner?.repositories;
    if (!connection) return found;
    for (const node of connection.nodes) {
      if (node && !node.isArchived && node.owner.login.toLowerCase() === owner.toLowerCase()) found.push({ owner: node.owner.login, repo: node.name });
    }
    if (!connection.pageInfo.hasNextPage || connection.pageInfo.endCursor === null) return found;
    after = connection.pageInfo.endCursor;
  }
}
