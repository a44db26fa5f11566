import type { Probot } from "probot";
import { REST_MAX_PER_PAGE } from "../model/github-limits.js";
import type { GitHubClient } from "../github/github-client.js";
import type { RepoRef } from "../model/repo-ref.js";

/** Repositories per page of `GET /installation/repositories` (the API's maximum). */
const PER_PAGE = REST_MAX_PER_PAGE;

/** A repository the app is installed on, with a client authenticated for it. */
export interface InstalledRepository extends RepoRef {
  installationId: number;
  /** This GitHub App's id (from the installation), to read only its own check suites. */
  appId: number;
  client: GitHubClient;
  /** True for archived repositories (jobs skip them). */
  archived: boolean;
  /** Every repository of the same installation that is not archived (what `owner/*` in `rollup.repos` stands for). */
  installationRepositories: readonly RepoRef[];
}

/**
 * Visit every repository of every installation, with the app's own
 * authentication: the app (JWT) client lists installations
 * (`GET /app/installations`), each installation client lists its
 * repositories (`GET /installation/repositories`). One failing repository
 * is logged and does not stop the others.
 *
 * @param visit called once per non-archived repository, one at a time
 */
export async function forEachInstalledRepository(
  app: Probot,
  visit: (repository: InstalledRepository) => Promise<void>,
): Promise<void> {
  const appClient = await app.auth();
  const installations = await appClient.paginate("GET /app/installations", { per_page: PER_PAGE });
  for (const installation of installations) {
    const client = await app.auth(installation.id);
    const repositories = await client.paginate("GET /installation/repositories", { per_page: PER_PAGE });
    const installationRepositories = repositories
      .filter((repository) => !repository.archived)
      .map((repository) => ({ owner: repository.owner.login, repo: repository.name }));
    for (const repository of repositories) {
      if (repository.archived) continue;
      try {
        await visit({
          owner: repository.owner.login,
          repo: repository.name,
          installationId: installation.id,
          appId: installation.app_id,
          client,
          archived: false,
          installationRepositories,
        });
      } catch (error) {
        app.log.error({ err: error, owner: repository.owner.login, repo: repository.name }, "eng-health: job failed for a repository");
      }
    }
  }
}
