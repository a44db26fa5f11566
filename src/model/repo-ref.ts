/** `owner/repo` of a repository. */
export interface RepoRef {
  owner: string;
  repo: string;
}
