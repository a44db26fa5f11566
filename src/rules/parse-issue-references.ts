import type { PullRequestFacts } from "../model/pull-request-facts.js";

/**
 * Issue numbers of the PR's own repository referenced in a text, in order of
 * first appearance, without duplicates.
 *
 * Recognised: `#12`, `owner/repo#12` and `https://github.com/owner/repo/issues/12`
 * for this repository (owner and repo compared case-insensitively), and issue
 * URLs on the host of `repo.htmlUrl` (GitHub Enterprise Server). References
 * to other repositories, pull-request URLs and `#` inside words or HTML
 * entities (`page#12`, `&#12;`) are not issues of this repository.
 *
 * Input: free text (a code line or a PR description) and the PR's repository.
 * Output: positive integers. Pure.
 */
export function parseIssueReferences(
  text: string,
  repo: Pick<PullRequestFacts, "owner" | "repo" | "htmlUrl">,
): number[] {
  const found: Array<{ at: number; number: number }> = [];
  const sameRepo = (owner: string, name: string) =>
    owner.toLowerCase() === repo.owner.toLowerCase() && name.toLowerCase() === repo.repo.toLowerCase();

  for (const match of text.matchAll(/(?<![\w&/#])(?:([\w.-]+)\/([\w.-]+))?#(\d+)\b/g)) {
    const [, owner, name, digits] = match;
    if (owner !== undefined && name !== undefined && !sameRepo(owner, name)) continue;
    found.push({ at: match.index, number: Number(digits) });
  }

  const hosts = new Set(["github.com", hostOf(repo.htmlUrl)].filter((host): host is string => host !== undefined));
  for (const match of text.matchAll(/https?:\/\/([\w.:-]+)\/([\w.-]+)\/([\w.-]+)\/issues\/(\d+)\b/gi)) {
    const [, host, owner, name, digits] = match;
    if (host === undefined || owner === undefined || name === undefined) continue;
    if (!hosts.has(host.toLowerCase()) || !sameRepo(owner, name)) continue;
    found.push({ at: match.index, number: Number(digits) });
  }

  const numbers = found.sort((a, b) => a.at - b.at).map((ref) => ref.number).filter((n) => n > 0);
  return [...new Set(numbers)];
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}
