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

/** What the template fields of a `repository { … }` selection return, by alias. */
export type TemplateBlobs = { [alias: `template${number}`]: { text: string | null } | null | undefined };

/**
 * GraphQL fields for a `repository { … }` selection that read every template
 * location on the default branch, aliased `template0`, `template1`, … in
 * {@link PR_TEMPLATE_PATHS} order (one request whatever the number of paths).
 */
export const PR_TEMPLATE_FIELDS = PR_TEMPLATE_PATHS.map(
  (path, index) => `
    template${index}: object(expression: ${JSON.stringify(`HEAD:${path}`)}) { ... on Blob { text } }`,
).join("");

/**
 * The PR template from the fields of {@link PR_TEMPLATE_FIELDS}: the first
 * location that has one, as GitHub picks it.
 *
 * @returns the template text, or null when the repository has none
 */
export function readPrTemplate(repository: TemplateBlobs | null | undefined): string | null {
  if (!repository) return null;
  for (const [index] of PR_TEMPLATE_PATHS.entries()) {
    const text = repository[`template${index}`]?.text ?? null;
    if (text !== null) return text;
  }
  return null;
}
