/**
 * Where GitHub looks for a repository's pull request template: the root, `docs/`
 * or `.github/`, named `pull_request_template.md` in any case
 * (docs: "Creating a pull request template for your repository").
 * The first one found wins, in this order.
 */
export const PR_TEMPLATE_PATHS = [
  ".github/pull_request_template.md",
  ".github/PULL_REQUEST_TEMPLATE.md",
  "pull_request_template.md",
  "PULL_REQUEST_TEMPLATE.md",
  "docs/pull_request_template.md",
  "docs/PULL_REQUEST_TEMPLATE.md",
] as const;
