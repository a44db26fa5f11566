import { describe, expect, it } from "vitest";
import { evaluatePullRequestOf } from "../../../src/check-run/evaluate-pull-request.js";
import { renderConfigErrors } from "../../../src/config/render-config-errors.js";
import { DEFAULT_CONFIG } from "../../../src/config/schema.js";
import { validateConfig } from "../../../src/config/validate-config.js";
import { withoutHiddenMarkers } from "../../../src/text/hidden-marker.js";
import { buildFacts } from "../../helpers/build-facts.js";
import { fencedBlocks, readRepoFile, section } from "../../helpers/markdown-doc.js";

/**
 * The README's pictures are what the renderer writes: the check run of "What
 * users see" is rendered here from plain facts under the default config, and
 * the broken-config example of "Configuration" from a broken file.
 */
const readme = readRepoFile("README.md");

/** A PR that changed `src/billing/invoice.ts` by 34 lines and no test, 3.5 business hours after it was opened. */
function invoicePullRequest() {
  const patch = "@@ -10,4 +10,30 @@\n" + Array.from({ length: 30 }, (_, index) => `+  line ${index}`).join("\n");
  return buildFacts({
    body:
      "## Why\nInvoices rounded each line before summing, so totals drifted by a cent on long orders. " +
      "Round the total once, half-up, as finance asked.\n\n## Testing\nChecked three real invoices by hand.",
    files: [{ filename: "src/billing/invoice.ts", status: "modified", additions: 30, deletions: 4, patch }],
    review: { createdAsDraft: false, timeline: [], reviews: [], requestedReviewers: ["reviewer"], requestedTeams: [] },
    createdAt: "2026-11-16T09:00:00Z",
    now: "2026-11-16T12:30:00Z",
  });
}

describe('README "What users see"', () => {
  const evaluation = evaluatePullRequestOf({ owner: "acme", repo: "widgets", facts: invoicePullRequest(), config: DEFAULT_CONFIG, configErrors: [] });
  const picture = section(readme, "## What users see");

  it("shows the summary the renderer writes, without its hidden marker", () => {
    const summary = withoutHiddenMarkers(evaluation.output.summary).trim();
    expect(summary).not.toContain("<!--");
    const [block] = fencedBlocks(picture).filter((candidate) => candidate.info === "markdown");
    expect(block?.text.trim()).toBe(summary);
    const rows = summary.split("\n").filter((line) => /^\| \S+ \| [^|]+ \| .+ \|$/.test(line) && !line.startsWith("| | "));
    expect(rows).toHaveLength(6);
  });

  it("names the conclusion, the title and the annotation the renderer writes", () => {
    expect(evaluation.conclusion).toBe("neutral");
    expect(picture).toContain(`(conclusion \`${evaluation.conclusion}\`), titled \`${evaluation.output.title}\``);
    const [annotation] = evaluation.output.annotations;
    expect(evaluation.output.annotations).toHaveLength(1);
    expect(picture).toContain(`on line ${annotation?.start_line} of \`${annotation?.path}\`, titled *${annotation?.title}*: *"${annotation?.message}"*`);
  });
});

describe('README "Configuration": a broken config', () => {
  it("shows the problems as the check run lists them", () => {
    const text = "reasoning:\n  level: warning\n  min_wrods: 30\ntests:\n  min_changed_lines: five\n";
    const { errors } = validateConfig([{ path: ".github/eng-health.yml", url: "https://github.com/acme/widgets/blob/HEAD/.github/eng-health.yml", text }]);
    const rendered = renderConfigErrors(errors);
    const block = fencedBlocks(section(readme, "## Configuration")).find((candidate) => candidate.text.startsWith("### The eng-health config could not be read"));
    expect(block?.text.trim()).toBe(rendered.trim());
  });
});
