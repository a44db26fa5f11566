import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type Config } from "../../../src/config/schema.js";
import { type Level } from "../../../src/model/rule-result.js";
import type { ChangedFile } from "../../../src/model/pull-request-facts.js";
import { evaluateRules } from "../../../src/rules/evaluate-rules.js";
import { reasoningRule } from "../../../src/rules/reasoning.js";
import { buildFacts } from "../../helpers/build-facts.js";

type ReasoningConfig = Config["reasoning"];

function configWith(reasoning: Partial<ReasoningConfig> = {}, adr: Partial<ReasoningConfig["adr"]> = {}): Config {
  return {
    ...DEFAULT_CONFIG,
    reasoning: { ...DEFAULT_CONFIG.reasoning, ...reasoning, adr: { ...DEFAULT_CONFIG.reasoning.adr, ...adr } },
  };
}

const file = (filename: string, status: ChangedFile["status"] = "modified", previousFilename?: string): ChangedFile => ({
  filename,
  status,
  additions: 3,
  deletions: 1,
  ...(previousFilename === undefined ? {} : { previousFilename }),
});

const TEMPLATE = [
  "## Why",
  "<!-- What problem does this solve? Link the issue it closes. -->",
  "",
  "## Testing",
  "<!-- How did you check that it works? -->",
  "",
  "## Checklist",
  "- [ ] Tests added or updated",
  "- [ ] Docs updated",
  "",
  "Thanks for contributing!",
].join("\n");

/** 22 words under "Why", 7 under "Testing", 3 in the template's closing line. */
const GOOD_BODY = [
  "## Why",
  "Invoices rounded half-down, so totals on large orders drifted by a cent.",
  "Finance flagged it twice this quarter during the monthly reconciliation.",
  "",
  "## Testing",
  "Added unit tests for the rounding helper.",
  "",
  "## Checklist",
  "- [x] Tests added or updated",
  "- [ ] Docs updated",
  "",
  "Thanks for contributing!",
].join("\n");

const ONE_WAY_DOORS = { required_for: ["db/migrations/**", "package.json"] };

describe("reasoningRule metadata", () => {
  it("reads its id, agreement, level and skip labels from the config", () => {
    const config = configWith({ level: "failure", skip_labels: ["no-why", "trivial"] });
    expect(reasoningRule.id).toBe("reasoning");
    expect(reasoningRule.agreement).toBe("Documented reasoning");
    expect(reasoningRule.level(config)).toBe("failure");
    expect(reasoningRule.skipLabels(config)).toEqual(["no-why", "trivial"]);
  });

  it("is skipped by evaluateRules when a skip label is set, never by itself", () => {
    const facts = buildFacts({ body: "", labels: ["skip-reasoning"] });
    expect(evaluateRules([reasoningRule], facts, DEFAULT_CONFIG)[0]).toMatchObject({ status: "skip" });
    expect(reasoningRule.evaluate(facts, DEFAULT_CONFIG).status).toBe("fail");
  });
});

describe("reasoningRule: description length", () => {
  it.each([
    {
      name: "an empty body",
      body: "",
      template: null,
      message: "The description is empty.",
      says: "The description is empty.",
    },
    {
      name: "a whitespace-only body",
      body: " \n\t\n",
      template: TEMPLATE,
      message: "The description is empty.",
      says: "The description is empty.",
    },
    {
      name: "the untouched template",
      body: TEMPLATE,
      template: TEMPLATE,
      message: "The description is still the PR template.",
      says: "The description is still the PR template, unchanged.",
    },
    {
      name: "the untouched template with other line endings",
      body: TEMPLATE.replaceAll("\n", "\r\n"),
      template: TEMPLATE,
      message: "The description is still the PR template.",
      says: "The description is still the PR template, unchanged.",
    },
    {
      name: "an emptied template (headings only)",
      body: "## Why\n\n## Testing\n\n## Checklist",
      template: TEMPLATE,
      message: "The description is still the PR template.",
      says: "The description is still the PR template: only its prompts, headings, checkboxes and comments are left.",
    },
    {
      name: "a template with boxes ticked and nothing written",
      body: "## Why\n## Testing\n- [x] Tests added or updated\nThanks for contributing!",
      template: TEMPLATE,
      message: "The description is still the PR template.",
      says: "The description is still the PR template: only its prompts",
    },
    {
      name: "own words mixed with template lines, under the limit",
      body: "## Why\nFixes rounding on large invoices.\n## Checklist\n- [x] Tests added or updated\nThanks for contributing!",
      template: TEMPLATE,
      message: "The description has 5 words of its own (the team agreed on at least 20).",
      says: "The description has 5 words of its own once HTML comments",
    },
    {
      name: "HTML comments do not count",
      body: "<!-- Please explain the change in detail, covering the motivation, the approach and the testing done. -->\nFixes rounding.",
      template: null,
      message: "The description has 2 words of its own (the team agreed on at least 20).",
      says: "the team agreed on at least 20.",
    },
    {
      name: "checkbox lines do not count",
      body: "- [x] I wrote unit tests for every branch of the new rounding helper\n- [ ] I updated the user documentation and the changelog\nOne word",
      template: null,
      message: "The description has 2 words of its own (the team agreed on at least 20).",
      says: "2 words of its own",
    },
    {
      name: "a heading of the author's own beside a template",
      body: "# Rounding fix for invoices on very large orders",
      template: TEMPLATE,
      message: "The description has 0 words of its own (the team agreed on at least 20).",
      says: "The description has no words of its own",
    },
    {
      name: "headings alone, with no template",
      body: "# Rounding fix for invoices on very large orders",
      template: null,
      message: "The description has 0 words of its own (the team agreed on at least 20).",
      says: "The description has no words of its own",
    },
  ])("fails for $name", ({ body, template, message, says }) => {
    const result = reasoningRule.evaluate(buildFacts({ body, template }), DEFAULT_CONFIG);
    expect(result.status).toBe("fail");
    expect(result.message).toBe(message);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.message).toContain(says);
    expect(result.findings[0]?.message).toContain("Could you add a few sentences on why this change is needed and how it was tested?");
    expect(result.findings[0]?.annotation).toBeUndefined();
  });

  it("passes a body long enough once template lines are set aside", () => {
    expect(reasoningRule.evaluate(buildFacts({ body: GOOD_BODY, template: TEMPLATE }), DEFAULT_CONFIG)).toEqual({
      status: "pass",
      message: "The description explains why (29 words).",
      findings: [],
    });
  });

  it.each([
    [4, "pass"],
    [5, "pass"],
    [6, "fail"],
  ] as const)("with min_words %i, a 5-word body gets %s", (minWords, status) => {
    const result = reasoningRule.evaluate(buildFacts({ body: "Fixes rounding on large invoices." }), configWith({ min_words: minWords }));
    expect(result.status).toBe(status);
  });

  it("passes an empty body when no minimum is set", () => {
    expect(reasoningRule.evaluate(buildFacts({ body: "" }), configWith({ min_words: 0 }))).toEqual({
      status: "pass",
      message: "No description length is required (`reasoning.min_words: 0`).",
      findings: [],
    });
  });

  it("offers no skip label when none is configured", () => {
    const withLabel = reasoningRule.evaluate(buildFacts({ body: "" }), DEFAULT_CONFIG);
    const without = reasoningRule.evaluate(buildFacts({ body: "" }), configWith({ skip_labels: [] }));
    expect(withLabel.findings[0]?.message).toContain("the `skip-reasoning` label skips this check");
    expect(without.findings[0]?.message).not.toContain("label");
  });

  it("renders the finding for a template left as it was", () => {
    const config = configWith({ sections: ["Why", "Testing"] });
    const result = reasoningRule.evaluate(buildFacts({ body: TEMPLATE, template: TEMPLATE }), config);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.message).toMatchInlineSnapshot(`
      "The team agreed that every pull request documents its reasoning: why the change is needed and how it was tested. Reviewers need the why to judge the change, and future readers look for it here long after the details are forgotten.

      The description is still the PR template, unchanged.

      Could you add a few sentences on why this change is needed and how it was tested? The team's descriptions have "Why" and "Testing" sections; a heading (\`## Why\`) or a bold label (\`**Why:**\`) followed by a sentence or two is enough.

      If the change speaks for itself (a typo fix, say), the \`skip-reasoning\` label skips this check."
    `);
  });
});

describe("reasoningRule: required sections", () => {
  const config = configWith({ min_words: 5, sections: ["Why", "Testing"] });

  it.each([
    {
      name: "heading sections",
      body: GOOD_BODY,
      status: "pass",
      message: 'The description explains why (32 words, "Why" and "Testing" sections).',
    },
    {
      name: "bold-label sections",
      body: "**Why:** totals drifted by a cent on large orders.\n\n**Testing**\nNew unit tests for rounding.",
      status: "pass",
      message: 'The description explains why (15 words, "Why" and "Testing" sections).',
    },
    {
      name: "a missing heading section",
      body: "## Why\nTotals drifted by a cent on large orders.",
      status: "fail",
      message: 'No "Testing" section.',
    },
    {
      name: "both sections missing",
      body: "Totals drifted by a cent on large orders.",
      status: "fail",
      message: 'No "Why" or "Testing" sections.',
    },
    {
      name: "a heading section present but empty",
      body: "## Why\n<!-- explain -->\n## Testing\nNew unit tests for the rounding helper.",
      status: "fail",
      message: 'The "Why" section is empty.',
    },
    {
      name: "a bold-label section present but empty",
      body: "**Why:**\n**Testing:** New unit tests for the rounding helper.",
      status: "fail",
      message: 'The "Why" section is empty.',
    },
    {
      name: "one missing and one empty",
      body: "Totals drifted by a cent on large orders.\n\n**Why:**",
      status: "fail",
      message: 'No "Testing" section; the "Why" section is empty.',
    },
  ])("$name → $status", ({ body, status, message }) => {
    const result = reasoningRule.evaluate(buildFacts({ body }), config);
    expect(result.status).toBe(status);
    expect(result.message).toBe(message);
    expect(result.findings).toHaveLength(status === "pass" ? 0 : 1);
  });

  it("does not count template prompts as a section's content", () => {
    const result = reasoningRule.evaluate(
      buildFacts({ body: GOOD_BODY.replace("Added unit tests for the rounding helper.", "<!-- How did you check that it works? -->"), template: TEMPLATE }),
      config,
    );
    expect(result.message).toBe('The "Testing" section is empty.');
  });

  it("reports sections and length together when both fall short", () => {
    const result = reasoningRule.evaluate(buildFacts({ body: "## Why\nRounding." }), configWith({ sections: ["Why", "Testing"] }));
    expect(result.message).toBe('The description has 1 word of its own (the team agreed on at least 20); no "Testing" section.');
    expect(result.findings).toHaveLength(2);
  });

  it("renders the sections finding", () => {
    const result = reasoningRule.evaluate(buildFacts({ body: "Totals drifted by a cent on large orders.\n\n**Why:**" }), config);
    expect(result.findings[0]?.message).toMatchInlineSnapshot(`
      "The team agreed that descriptions have "Why" and "Testing" sections, so reviewers find the reasoning in the same place on every pull request.

      Missing: "Testing". Found but empty: "Why" (only the heading or template text is there).

      Could you fill them in? A heading (\`## Testing\`) or a bold label (\`**Testing:**\`) followed by a sentence or two is enough."
    `);
  });
});

describe("reasoningRule: ADRs for one-way doors", () => {
  const body = "Adds an index so invoice lookups by customer stay fast as the table grows past ten million rows this year.";

  it.each([
    {
      name: "a one-way door with an ADR file added",
      files: [file("db/migrations/0042_invoice_index.sql", "added"), file("docs/adr/0007-index-invoices.md", "added")],
      body,
      message: "The description explains why (20 words, ADR `docs/adr/0007-index-invoices.md` for the one-way door).",
    },
    {
      name: "a one-way door with an ADR linked by path",
      files: [file("db/migrations/0042_invoice_index.sql", "added")],
      body: `${body} See docs/adr/0007-index-invoices.md.`,
      message: "The description explains why (22 words, ADR `docs/adr/0007-index-invoices.md` for the one-way door).",
    },
    {
      name: "a one-way door with an ADR linked by URL",
      files: [file("db/migrations/0042_invoice_index.sql", "added"), file("package.json")],
      body: `${body} [ADR](https://github.com/acme/widgets/blob/main/docs/decisions/0007-index.md)`,
      message: "The description explains why (21 words, ADR `docs/decisions/0007-index.md` for the one-way doors).",
    },
    {
      name: "no one-way door touched",
      files: [file("src/invoice.ts"), file("test/invoice.test.ts")],
      body,
      message: "The description explains why (20 words).",
    },
  ])("passes: $name", ({ files, body: text, message }) => {
    const result = reasoningRule.evaluate(buildFacts({ body: text, files }), configWith({}, ONE_WAY_DOORS));
    expect(result).toEqual({ status: "pass", message, findings: [] });
  });

  it("passes when required_for is empty, whatever changed", () => {
    const facts = buildFacts({ body, files: [file("db/migrations/0042_invoice_index.sql", "added"), file("package.json")] });
    expect(reasoningRule.evaluate(facts, DEFAULT_CONFIG).status).toBe("pass");
  });

  it("fails without an ADR and annotates the first one-way door", () => {
    const files = [file("src/invoice.ts"), file("db/migrations/0042_invoice_index.sql", "added"), file("package.json")];
    const result = reasoningRule.evaluate(buildFacts({ body, files }), configWith({}, ONE_WAY_DOORS));
    expect(result.status).toBe("fail");
    expect(result.message).toBe("No ADR for 2 one-way-door files.");
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.annotation).toEqual({
      path: "db/migrations/0042_invoice_index.sql",
      startLine: 1,
      endLine: 1,
      level: "warning",
      title: "One-way door without an ADR",
      message:
        "One-way doors in this pull request: db/migrations/0042_invoice_index.sql and package.json. They are hard to reverse, " +
        "so the team records them in an ADR. Could you add one under docs/adr/, or link the one that covers this change in the description?",
    });
    expect(result.findings[0]?.message).toMatchInlineSnapshot(`
      "The team agreed that one-way doors, changes that are hard to reverse, come with an architecture decision record (ADR). Once they ship, undoing them is expensive, so the options weighed and the reason for this one are worth writing down while they can still shape the decision.

      This pull request changes \`db/migrations/0042_invoice_index.sql\` and \`package.json\`, which the config lists as one-way doors (\`reasoning.adr.required_for\`), but it adds or changes no ADR and the description links none.

      Could you add an ADR under \`docs/adr/\`, or link the one that covers it in the description?

      If this change involves no decision worth recording, the \`skip-reasoning\` label skips this check."
    `);
  });

  it.each([
    ["notice", "notice"],
    ["warning", "warning"],
    ["failure", "failure"],
  ] as const)("annotates at the rule's level: %s → %s", (level: Level, expected) => {
    const facts = buildFacts({ body, files: [file("package.json")] });
    const result = reasoningRule.evaluate(facts, configWith({ level }, ONE_WAY_DOORS));
    expect(result.findings[0]?.annotation?.level).toBe(expected);
  });

  it("matches a renamed file by its old path and annotates its new one", () => {
    const files = [file("db/archive/0001_init.sql", "renamed", "db/migrations/0001_init.sql")];
    const result = reasoningRule.evaluate(buildFacts({ body, files }), configWith({}, ONE_WAY_DOORS));
    expect(result.message).toBe("No ADR for the one-way door `db/archive/0001_init.sql`.");
    expect(result.findings[0]?.message).toContain(
      "This pull request changes `db/migrations/0001_init.sql` (renamed to `db/archive/0001_init.sql`), which the config lists as a one-way door",
    );
    expect(result.findings[0]?.annotation).toMatchObject({ path: "db/archive/0001_init.sql", startLine: 1, endLine: 1 });
  });

  it("counts a removed file as touched, but annotates a file that still exists", () => {
    const files = [file("db/migrations/0001_init.sql", "removed"), file("package.json")];
    const result = reasoningRule.evaluate(buildFacts({ body, files }), configWith({}, ONE_WAY_DOORS));
    expect(result.findings[0]?.annotation?.path).toBe("package.json");
  });

  it("annotates a removed file when every one-way door was removed", () => {
    const files = [file("db/migrations/0001_init.sql", "removed")];
    const result = reasoningRule.evaluate(buildFacts({ body, files }), configWith({}, ONE_WAY_DOORS));
    expect(result.status).toBe("fail");
    expect(result.findings[0]?.annotation?.path).toBe("db/migrations/0001_init.sql");
  });

  it("names five one-way doors and counts the rest", () => {
    const files = Array.from({ length: 7 }, (_, index) => file(`db/migrations/000${index}.sql`, "added"));
    const result = reasoningRule.evaluate(buildFacts({ body, files }), configWith({}, ONE_WAY_DOORS));
    expect(result.findings[0]?.message).toContain(
      "`db/migrations/0000.sql`, `db/migrations/0001.sql`, `db/migrations/0002.sql`, `db/migrations/0003.sql`, `db/migrations/0004.sql` and 2 more,",
    );
  });

  it("says so when GitHub's file list was cut short", () => {
    const facts = buildFacts({ body, files: [file("package.json")], filesTruncated: true });
    const result = reasoningRule.evaluate(facts, configWith({}, ONE_WAY_DOORS));
    expect(result.findings[0]?.message).toContain("GitHub's list of changed files was cut short");
  });

  it("names a wildcard ADR location by its glob", () => {
    const facts = buildFacts({ body, files: [file("package.json")] });
    const result = reasoningRule.evaluate(facts, configWith({}, { ...ONE_WAY_DOORS, paths: ["**/adr/*.md"] }));
    expect(result.findings[0]?.message).toContain("Could you add an ADR at a path matching `**/adr/*.md`, or link");
  });

  it("reports every problem at once, in order: length, sections, ADR", () => {
    const facts = buildFacts({ body: "## Why\nIndex.", files: [file("package.json")] });
    const result = reasoningRule.evaluate(facts, configWith({ sections: ["Why", "Testing"] }, ONE_WAY_DOORS));
    expect(result.message).toBe(
      'The description has 1 word of its own (the team agreed on at least 20); no "Testing" section; no ADR for the one-way door `package.json`.',
    );
    expect(result.findings.map((finding) => finding.annotation?.path)).toEqual([undefined, undefined, "package.json"]);
  });
});
