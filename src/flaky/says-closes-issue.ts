/**
 * GitHub's closing keywords, which close an issue when a PR whose description
 * uses them is merged into the default branch. Source:
 * https://docs.github.com/en/issues/tracking-your-work-with-issues/using-issues/linking-a-pull-request-to-an-issue
 */
const CLOSING_KEYWORDS = ["close", "closes", "closed", "fix", "fixes", "fixed", "resolve", "resolves", "resolved"];

/**
 * Whether a PR description already links an issue with a closing keyword:
 * `Fixes #12`, `closes: #12`, `Resolves acme/widgets#12` or
 * `Fixes https://github.com/acme/widgets/issues/12` (case-insensitive; `#123`
 * is not `#12`).
 *
 * @param body the PR description (markdown)
 * @param issue the issue number and the repository it lives in
 * @returns true when one of the forms above names the issue
 */
export function saysClosesIssue(body: string, issue: { number: number; owner: string; repo: string }): boolean {
  const repo = `${escape(issue.owner)}/${escape(issue.repo)}`;
  const target = `(?:#|${repo}#|https?://[^\\s/]+/${repo}/issues/)${issue.number}(?![\\d\\w])`;
  const pattern = new RegExp(`(?<![\\w-])(?:${CLOSING_KEYWORDS.join("|")}):?\\s+${target}`, "i");
  return pattern.test(body);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
