import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ConfigError } from "../../../src/config/config-result.js";
import { MAX_LISTED_CONFIG_ERRORS, renderConfigErrors } from "../../../src/config/render-config-errors.js";
import { validateConfig } from "../../../src/config/validate-config.js";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/config/${name}.yml`, import.meta.url), "utf8");
const URL_BASE = "https://github.com/acme/app/blob/HEAD/.github/eng-health.yml";

describe("renderConfigErrors", () => {
  it("renders nothing when the config is fine", () => {
    expect(renderConfigErrors([])).toBe("");
  });

  it("lists each error with a link to its line and names the sections that fell back", () => {
    const { errors } = validateConfig([{ path: ".github/eng-health.yml", url: URL_BASE, text: fixture("invalid") }]);
    expect(renderConfigErrors(errors)).toMatchInlineSnapshot(`
      "### The eng-health config could not be read
      - [\`.github/eng-health.yml\`, line 3](https://github.com/acme/app/blob/HEAD/.github/eng-health.yml#L3): \`reasoning.min_wrods\` is not a known key. Did you mean \`min_words\`?
      - [\`.github/eng-health.yml\`, line 5](https://github.com/acme/app/blob/HEAD/.github/eng-health.yml#L5): \`tests.min_changed_lines\` must be a whole number; it is \`"five"\`.
      - [\`.github/eng-health.yml\`, line 6](https://github.com/acme/app/blob/HEAD/.github/eng-health.yml#L6): \`tests.level\` must be one of off, notice, warning, failure; it is \`warn\`. Did you mean \`warning\`?
      - [\`.github/eng-health.yml\`, line 8](https://github.com/acme/app/blob/HEAD/.github/eng-health.yml#L8): \`review.first_review_within\` must be a duration such as 30m, 4h or 2d; it is \`"1 day"\`.

      Until this is fixed, this PR was checked with the default settings for the affected rules (\`reasoning\`, \`tests\` and \`review\`).

      The config is always read from the default branch, so a pull request cannot change its own checks: a fix applies once it is merged there. The [config reference](https://github.com/eng-health/eng-health#configuration) lists every key and its default."
    `);
  });

  it("says which file was ignored as a whole, alongside sections from another file", () => {
    const { errors } = validateConfig([
      { path: ".github/eng-health.yml", text: fixture("malformed") },
      { path: "acme/.github:.github/eng-health.yml", text: "flaky:\n  max_open: many\n" },
    ]);
    expect(renderConfigErrors(errors)).toMatchInlineSnapshot(`
      "### The eng-health config could not be read
      - \`.github/eng-health.yml\`, line 2: This is not valid YAML (Nested mappings are not allowed in compact mappings), so the whole file is ignored. Could you check the indentation and quotes on this line and the lines next to it? Keys at the same level must start in the same column.
      - \`acme/.github:.github/eng-health.yml\`, line 2: \`flaky.max_open\` must be a whole number; it is \`"many"\`.

      Until this is fixed, this PR was checked with the default settings in place of \`.github/eng-health.yml\` and for the affected rules (\`flaky\`).

      The config is always read from the default branch, so a pull request cannot change its own checks: a fix applies once it is merged there. The [config reference](https://github.com/eng-health/eng-health#configuration) lists every key and its default."
    `);
  });

  it("says the rest applies when no rule is affected", () => {
    const { errors } = validateConfig([{ path: ".github/eng-health.yml", text: "_extends: not/a/repo\nreasonin: {}\n" }]);
    expect(renderConfigErrors(errors)).toMatchInlineSnapshot(`
      "### The eng-health config could not be read
      - \`.github/eng-health.yml\`, line 1: \`_extends\` must name a repository, optionally with an owner and a file, such as \`.github\` or \`acme/.github:.github/eng-health.yml\`; it is \`"not/a/repo"\`, so nothing is extended.
      - \`.github/eng-health.yml\`, line 2: \`reasonin\` is not a known key. Did you mean \`reasoning\`?

      Until this is fixed, the rest of the config applies as written.

      The config is always read from the default branch, so a pull request cannot change its own checks: a fix applies once it is merged there. The [config reference](https://github.com/eng-health/eng-health#configuration) lists every key and its default."
    `);
  });

  it(`lists at most ${MAX_LISTED_CONFIG_ERRORS} errors and counts the rest`, () => {
    const errors: ConfigError[] = Array.from({ length: MAX_LISTED_CONFIG_ERRORS + 7 }, (_, index) => ({
      path: ".github/eng-health.yml",
      line: index + 1,
      keyPath: `reasoning.key_${index}`,
      message: `\`reasoning.key_${index}\` is not a known key.`,
      section: "reasoning",
    }));
    const markdown = renderConfigErrors(errors);
    const listed = markdown.split("\n").filter((line) => line.startsWith("- `.github/eng-health.yml`, line"));
    expect(listed).toHaveLength(MAX_LISTED_CONFIG_ERRORS);
    expect(listed.at(-1)).toBe(`- \`.github/eng-health.yml\`, line 50: \`reasoning.key_49\` is not a known key.`);
    expect(markdown).toContain("- …and 7 more. Fixing the ones above first usually shows what the rest have in common.");
  });
});
