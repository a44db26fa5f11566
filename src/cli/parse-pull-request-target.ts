import type { RepoRef } from "../model/repo-ref.js";

/** A pull request named on the command line. */
export interface PullRequestTarget {
  owner: string;
  repo: string;
  number: number;
  /**
   * The web host of a pasted URL (`github.com`, `ghe.example.com`), lower
   * case; `null` for the `OWNER/REPO#N` shorthand, which names no host.
   */
  host: string | null;
}

/**
 * GitHub's account names: letters, digits and single hyphens, at most 39
 * characters, not starting with a hyphen (GitHub docs, "Creating an account",
 * username rules); repository names: letters, digits, `.`, `_` and `-`, at most 100.
 */
export const OWNER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
export const REPO_NAME_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

/** `OWNER/REPO#N`. */
const SHORTHAND = /^([^/#\s]+)\/([^/#\s]+)#(\d+)$/;

/**
 * Read the pull request `eng-health check` is asked about, in the forms people
 * paste:
 *
 * - `OWNER/REPO#N`, e.g. `acme/widgets#7`;
 * - the pull request's web URL, `https://github.com/OWNER/REPO/pull/N`, or the
 *   same shape on GitHub Enterprise Server (`https://ghe.example.com/acme/widgets/pull/7`),
 *   with or without a tab (`/files`, `/commits`, `/checks`), query or fragment
 *   after the number.
 *
 * Pure. Which API is asked is not decided here: the caller compares `host`
 * with `GITHUB_API_URL`.
 *
 * @param text one command-line argument
 * @returns the owner, repository, number (a positive integer) and the URL's host, or
 *   `null` when the text is neither form
 */
export function parsePullRequestTarget(text: string): PullRequestTarget | null {
  const short = SHORTHAND.exec(text);
  if (short) return target(short[1] as string, short[2] as string, short[3] as string, null);
  if (!/^https?:\/\//i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const [owner, repo, kind, number] = url.pathname.split("/").filter((segment) => segment !== "");
  if (owner === undefined || repo === undefined || kind !== "pull" || number === undefined || !/^\d+$/.test(number)) return null;
  return target(owner, repo, number, url.hostname.toLowerCase());
}

function target(owner: string, repo: string, number: string, host: string | null): PullRequestTarget | null {
  const parsed = Number(number);
  if (!OWNER_PATTERN.test(owner) || !REPO_NAME_PATTERN.test(repo) || !Number.isSafeInteger(parsed) || parsed < 1) return null;
  return { owner, repo, number: parsed, host };
}

/**
 * Read the repository `eng-health report` and `eng-health backtest` are asked
 * about: `OWNER/REPO`, e.g. `acme/widgets`, with GitHub's name rules
 * ({@link OWNER_PATTERN}, {@link REPO_NAME_PATTERN}). Pure.
 *
 * @param text one command-line argument, or `undefined` when none was given
 * @returns the owner and repository, or `null` when the text is not that form
 */
export function parseRepositoryTarget(text: string | undefined): RepoRef | null {
  const [owner, repo, ...more] = (text ?? "").split("/");
  if (owner === undefined || repo === undefined || more.length > 0 || !OWNER_PATTERN.test(owner) || !REPO_NAME_PATTERN.test(repo)) return null;
  return { owner, repo };
}
