import { describe, expect, it } from "vitest";
import { renderProposedConfig } from "../../../src/config/render-proposed-config.js";
import { validateProposedConfig } from "../../../src/config/validate-proposed-config.js";
import { renderEvaluation } from "../../../src/check-run/evaluate-pull-request.js";
import { parseResultsMarker } from "../../../src/check-run/results-marker.js";
import { refreshCheckRun } from "../../../src/check-run/refresh-check-run.js";

const URL = "https://github.com/acme/widgets/blob/abc123/.github/eng-health.yml";

describe("a PR's own .github/eng-health.yml", () => {
  it("is reported valid in one line, with no annotation", () => {
    const check = validateProposedConfig({ text: "reasoning:\n  min_words: 30\n", url: URL });
    expect(check.errors).toEqual([]);
    const { markdown, annotations } = renderProposedConfig(check);
    expect(markdown).toMatch(/^✅ This PR's `\.github\/eng-health\.yml` is valid\./);
    expect(annotations).toEqual([]);
  });

  it("names each problem with its line and fix, and annotates the lines", () => {
    const check = validateProposedConfig({ text: "reasoning:\n  min_wrods: 30\ntests:\n  level: warn\n", url: URL });
    const { markdown, annotations } = renderProposedConfig(check);
    expect(markdown).toMatchInlineSnapshot(`
      "### This PR's \`.github/eng-health.yml\` needs a fix before it is merged
      - [line 2](https://github.com/acme/widgets/blob/abc123/.github/eng-health.yml#L2): \`reasoning.min_wrods\` is not a known key. Did you mean \`min_words\`?
      - [line 4](https://github.com/acme/widgets/blob/abc123/.github/eng-health.yml#L4): \`tests.level\` must be one of off, notice, warning, failure; it is \`warn\`. Did you mean \`warning\`?

      Once merged, every pull request would be checked with the default settings in place of the broken values, and its check run would ask for a fix. Could these be corrected in this PR? The [config reference](https://github.com/eng-health/eng-health#configuration) lists every key and its default."
    `);
    expect(annotations.map((annotation) => [annotation.path, annotation.startLine, annotation.level])).toEqual([
      [".github/eng-health.yml", 2, "failure"],
      [".github/eng-health.yml", 4, "failure"],
    ]);
  });

  it("fails the run when broken, and the sweep leaves such a run to the next event", () => {
    const proposedConfig = validateProposedConfig({ text: "tests:\n  level: warn\n", url: URL });
    const evaluation = renderEvaluation({ results: [], configErrors: [], proposedConfig, configUrl: "c", referenceUrl: "r" });
    expect(evaluation.conclusion).toBe("failure");
    expect(evaluation.output.title).toMatch(/^This PR's eng-health config needs a fix · /);
    expect(evaluation.output.annotations).toHaveLength(1);
    const stored = parseResultsMarker(evaluation.output.summary);
    expect(stored?.proposedConfig).toBe(true);
    expect(
      refreshCheckRun({
        stored: stored!,
        fresh: { id: "review", agreement: "Review turnaround", level: "notice", status: "fail", message: "m", findings: [] },
        configErrors: [],
        configUrl: "c",
        referenceUrl: "r",
      }),
    ).toBeNull();
  });

  it("does not change the conclusion when valid", () => {
    const proposedConfig = validateProposedConfig({ text: "review:\n  level: off\n", url: URL });
    expect(renderEvaluation({ results: [], configErrors: [], proposedConfig, configUrl: "c", referenceUrl: "r" }).conclusion).toBe("success");
  });
});
