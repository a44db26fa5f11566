import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../src/config/schema.js";
import type { ConfigSource } from "../../../src/config/validate-config.js";
import { validateConfig } from "../../../src/config/validate-config.js";

const REPO_FILE = ".github/eng-health.yml";
const ORG_FILE = "acme/.github:.github/eng-health.yml";
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/config/${name}.yml`, import.meta.url), "utf8");
const repoFile = (text: string | null): ConfigSource => ({ path: REPO_FILE, text });
/** Errors as [line, keyPath, message], the parts a user reads. */
const brief = (sources: ConfigSource[]) => validateConfig(sources).errors.map((error) => [error.line, error.keyPath, error.message]);

describe("validateConfig: the fixtures", () => {
  it("gives the defaults for a missing file, with no errors and no sources", () => {
    expect(validateConfig([repoFile(null)])).toEqual({ config: DEFAULT_CONFIG, errors: [], sources: [] });
  });

  it.each([
    ["an empty file", ""],
    ["a file with only comments", "# we will configure this later\n"],
  ])("gives the defaults for %s, which still counts as a source", (_name, text) => {
    expect(validateConfig([repoFile(text)])).toEqual({ config: DEFAULT_CONFIG, errors: [], sources: [REPO_FILE] });
  });

  it("reads the empty fixture as the defaults", () => {
    expect(validateConfig([repoFile(fixture("empty"))]).config).toEqual(DEFAULT_CONFIG);
  });

  it("applies every override in basic.yml and keeps the defaults it leaves out", () => {
    const { config, errors, sources } = validateConfig([repoFile(fixture("basic"))]);
    expect(errors).toEqual([]);
    expect(sources).toEqual([REPO_FILE]);
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      checks: { name: "Payments engineering practices" },
      reasoning: {
        ...DEFAULT_CONFIG.reasoning,
        min_words: 30,
        sections: ["Why", "Testing"],
        adr: { paths: DEFAULT_CONFIG.reasoning.adr.paths, required_for: ["db/migrations/**", "package.json"] },
      },
      tests: { ...DEFAULT_CONFIG.tests, level: "failure", source: ["src/**", "services/**"], min_changed_lines: 10, skip_labels: ["skip-tests", "docs-only"] },
      review: {
        ...DEFAULT_CONFIG.review,
        first_review_within: "8h",
        business_hours: { timezone: "Europe/Berlin", start: "09:00", end: "18:00", days: ["mon", "tue", "wed", "thu", "fri"] },
        holidays: ["DE", "2026-12-24"],
        nudge: "comment",
      },
      flaky: { ...DEFAULT_CONFIG.flaky, max_open: 5, max_age_days: 7 },
      report: { ...DEFAULT_CONFIG.report, day: "friday", time: "15:00", timezone: "Europe/Berlin", labels: ["team-health", "payments"] },
    });
  });

  it("ignores malformed.yml as a whole, naming the line yaml stopped at", () => {
    const result = validateConfig([{ path: REPO_FILE, url: "https://github.com/acme/app/blob/HEAD/.github/eng-health.yml", text: fixture("malformed") }]);
    expect(result.config).toEqual(DEFAULT_CONFIG);
    expect(result.sources).toEqual([]);
    expect(result.errors).toEqual([
      {
        path: REPO_FILE,
        url: "https://github.com/acme/app/blob/HEAD/.github/eng-health.yml",
        line: 2,
        keyPath: "",
        message:
          "This is not valid YAML (Nested mappings are not allowed in compact mappings), so the whole file is ignored. Could you check the indentation and quotes on this line and the lines next to it? Keys at the same level must start in the same column.",
        section: null,
      },
    ]);
  });

  it("names file, line, key path and fix for each problem in invalid.yml", () => {
    expect(validateConfig([repoFile(fixture("invalid"))]).errors).toEqual([
      { path: REPO_FILE, line: 3, keyPath: "reasoning.min_wrods", section: "reasoning", message: "`reasoning.min_wrods` is not a known key. Did you mean `min_words`?" },
      { path: REPO_FILE, line: 5, keyPath: "tests.min_changed_lines", section: "tests", message: '`tests.min_changed_lines` must be a whole number; it is `"five"`.' },
      {
        path: REPO_FILE,
        line: 6,
        keyPath: "tests.level",
        section: "tests",
        message: "`tests.level` must be one of off, notice, warning, failure; it is `warn`. Did you mean `warning`?",
      },
      {
        path: REPO_FILE,
        line: 8,
        keyPath: "review.first_review_within",
        section: "review",
        message: '`review.first_review_within` must be a duration such as 30m, 4h or 2d; it is `"1 day"`.',
      },
    ]);
  });

  it("drops only the broken keys of invalid.yml: the valid ones next to them still apply", () => {
    const { config, sources } = validateConfig([repoFile(fixture("invalid"))]);
    expect(sources).toEqual([REPO_FILE]);
    expect(config.tests.min_changed_lines).toBe(DEFAULT_CONFIG.tests.min_changed_lines);
    expect(config.tests.level).toBe(DEFAULT_CONFIG.tests.level);
    expect(config.review.first_review_within).toBe("24h");
    expect(config.review.nudge).toBe("comment");
    expect(config.reasoning.level).toBe("warning");
  });

  it("reads evil.yml as plain data: no tag runs, no prototype changes, the alias bomb is refused quickly", () => {
    const started = performance.now();
    const result = validateConfig([repoFile(fixture("evil"))]);
    expect(performance.now() - started).toBeLessThan(1000);

    expect(result.config).toEqual(DEFAULT_CONFIG);
    expect(result.sources).toEqual([]);
    expect(result.errors.map((error) => [error.line, error.keyPath, error.message])).toEqual([
      [
        4,
        "checks.name",
        "`checks.name` uses the YAML tag `!!js/function`, which eng-health never runs or converts, so the value is ignored. Could you write it as a plain value?",
      ],
      [
        5,
        "reasoning",
        "`reasoning` uses the YAML tag `!!python/object/apply:os.system`, which eng-health never runs or converts, so the value is ignored. Could you write it as a plain value?",
      ],
      [
        9,
        "",
        "The file's YAML aliases (`*name`) expand to more than 100 values, which is how resource-exhaustion attacks look, so the whole file is ignored. Could you write the values out instead of nesting aliases?",
      ],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("validateConfig: one message per kind of problem", () => {
  it.each<[string, string, [number | null, string, string][]]>([
    ["an unknown top-level key", "reasonin:\n  min_words: 3\n", [[1, "reasonin", "`reasonin` is not a known key. Did you mean `reasoning`?"]]],
    [
      "an unknown key with nothing close",
      "reasoning:\n  colour: blue\n",
      [[2, "reasoning.colour", "`reasoning.colour` is not a known key. The keys here are `level`, `min_words`, `sections`, `adr` and `skip_labels`."]],
    ],
    [
      "an unknown key inside business hours (a union)",
      "review:\n  business_hours:\n    timezon: UTC\n",
      [[3, "review.business_hours.timezon", "`review.business_hours.timezon` is not a known key. Did you mean `timezone`?"]],
    ],
    ["a fraction for a whole number", "tests:\n  min_changed_lines: 2.5\n", [[2, "tests.min_changed_lines", "`tests.min_changed_lines` must be a whole number; it is `2.5`."]]],
    ["text for a boolean", "report:\n  enabled: yes\n", [[2, "report.enabled", '`report.enabled` must be true or false; it is `"yes"`.']]],
    ["text for a list", "tests:\n  source: src/**\n", [[2, "tests.source", '`tests.source` must be a list of strings; it is `"src/**"`.']]],
    ["a number for a section", "reasoning: 5\n", [[1, "reasoning", "`reasoning` must be a mapping (indented `key: value` lines); it is `5`."]]],
    ["a number for a string", "checks:\n  name: 5\n", [[2, "checks.name", '`checks.name` must be a string; it is `5`. Could you put it in quotes (`"5"`)?']]],
    ["an empty string", "tests:\n  skip_labels: ['']\n", [[2, "tests.skip_labels[0]", '`tests.skip_labels[0]` must not be empty; it is `""`.']]],
    ["an enum with a different case", "reasoning:\n  level: Warning\n", [[2, "reasoning.level", "`reasoning.level` must be one of off, notice, warning, failure; it is `Warning`. Did you mean `warning`?"]]],
    ["an enum with nothing close", "flaky:\n  level: loud\n", [[2, "flaky.level", "`flaky.level` must be one of off, notice, warning, failure; it is `loud`."]]],
    [
      "a weekday written out",
      "review:\n  business_hours:\n    days: [mon, tuesday]\n",
      [[3, "review.business_hours.days[1]", "`review.business_hours.days[1]` must be one of mon, tue, wed, thu, fri, sat, sun; it is `tuesday`. Did you mean `tue`?"]],
    ],
    ["business hours that are neither false nor a mapping", "review:\n  business_hours: yes\n", [[2, "review.business_hours", '`review.business_hours` must be `false` or a mapping (indented `key: value` lines); it is `"yes"`.']]],
    ["no weekdays", "review:\n  business_hours:\n    days: []\n", [[3, "review.business_hours.days", "`review.business_hours.days` must list at least 1 value; it is `[]`."]]],
    ["a negative count", "flaky:\n  max_open: -1\n", [[2, "flaky.max_open", "`flaky.max_open` must be at least 0; it is `-1`."]]],
    ["too many trend weeks", "report:\n  trend_weeks: 40\n", [[2, "report.trend_weeks", "`report.trend_weeks` must be at most 26; it is `40`."]]],
    ["a bad holiday", "review:\n  holidays: [DE, xmas]\n", [[2, "review.holidays[1]", '`review.holidays[1]` must be an ISO date (2026-12-25) or a country/region code (DE, US-CA); it is `"xmas"`.']]],
    [
      "an unknown time zone",
      "review:\n  business_hours:\n    timezone: Europe/Berln\n",
      [[3, "review.business_hours.timezone", '`review.business_hours.timezone` must be an IANA time zone such as Europe/Berlin; it is `"Europe/Berln"`.']],
    ],
    [
      "business hours that end before they start (end left out: the nearest parent's line)",
      "review:\n  business_hours:\n    start: '18:00'\n",
      [[2, "review.business_hours.end", "`review.business_hours.end`: start must be earlier than end."]],
    ],
    [
      "a malformed _extends",
      "_extends: [a, b]\n",
      [[1, "_extends", '`_extends` must name a repository, optionally with an owner and a file, such as `.github` or `acme/.github:.github/eng-health.yml`; it is `["a","b"]`, so nothing is extended.']],
    ],
    [
      "a local tag",
      "flaky:\n  label: !env FLAKY_LABEL\n",
      [[2, "flaky.label", "`flaky.label` uses the YAML tag `!env`, which eng-health never runs or converts, so the value is ignored. Could you write it as a plain value?"]],
    ],
    [
      "a tag on a key",
      "flaky:\n  !!js/function label: x\n",
      [[2, "flaky.label", "`flaky.label` uses the YAML tag `!!js/function`, which eng-health never runs or converts, so the value is ignored. Could you write it as a plain value?"]],
    ],
    [
      "a __proto__ key",
      "__proto__:\n  polluted: true\n",
      [[1, "__proto__", "`__proto__` is not a known key. The keys here are `mode`, `checks`, `reasoning`, `tests`, `review`, `size`, `flaky`, `report` and `rollup`."]],
    ],
    [
      "a very long key (cut in the message)",
      `reasoning:\n  ${"x".repeat(100)}: 1\n`,
      [[2, `reasoning.${"x".repeat(100)}`, `\`reasoning.${"x".repeat(49)}…\` is not a known key. The keys here are \`level\`, \`min_words\`, \`sections\`, \`adr\` and \`skip_labels\`.`]],
    ],
    ["a value with backticks (a code span they cannot close)", "report:\n  labels: '`a`'\n", [[2, "report.labels", '`report.labels` must be a list of strings; it is `` "`a`" ``.']]],
  ])("%s", (_name, text, expected) => {
    expect(brief([repoFile(text)])).toEqual(expected);
  });

  it.each<[string, string, [number, string]]>([
    [
      "a duplicated key",
      "reasoning:\n  min_words: 3\n  min_words: 4\n",
      [3, "`reasoning.min_words` is set twice in the same mapping, so the whole file is ignored. Which value is meant? Could you keep only that one?"],
    ],
    ["a tab as indentation", "reasoning:\n\tlevel: off\n", [2, "This is not valid YAML (Tabs are not allowed as indentation), so the whole file is ignored. Could you indent with spaces instead of tabs?"]],
    [
      "two documents",
      "reasoning: {}\n---\ntests: {}\n",
      [
        2,
        "This is not valid YAML (Source contains multiple documents; please use YAML.parseAllDocuments()), so the whole file is ignored. Could you keep a single document (remove the `---` line, or merge what follows it into the rest)?",
      ],
    ],
    [
      "a list instead of a mapping",
      "- reasoning\n- tests\n",
      [1, "The file must be a mapping of sections such as `reasoning:` and `tests:`; it is a list, so the whole file is ignored. Could you start each section at the beginning of a line, as in the config reference?"],
    ],
    [
      "plain text instead of a mapping",
      "just some text\n",
      [
        1,
        'The file must be a mapping of sections such as `reasoning:` and `tests:`; it is the text `"just some text"`, so the whole file is ignored. Could you start each section at the beginning of a line, as in the config reference?',
      ],
    ],
    ["an alias with no anchor", "reasoning:\n  level: *lvl\n", [2, "The alias `*lvl` has no anchor `&lvl` before it, so the whole file is ignored. Could you set the anchor first, or write the value out?"]],
    [
      "a tag on the whole document",
      "--- !!python/object:app.Config\nreasoning: {}\n",
      [2, "The file uses the YAML tag `!!python/object:app.Config`, which eng-health never runs or converts, so the whole file is ignored. Could you write it as a plain value?"],
    ],
  ])("ignores the whole file for %s, with an empty key path", (_name, text, [line, message]) => {
    const result = validateConfig([repoFile(text)]);
    expect(result.errors).toEqual([{ path: REPO_FILE, line, keyPath: "", message, section: null }]);
    expect(result.config).toEqual(DEFAULT_CONFIG);
    expect(result.sources).toEqual([]);
  });

  it("reads aliases that stay within the limit", () => {
    const text = "tests:\n  skip_labels: &skip [skip-checks]\nreasoning:\n  skip_labels: *skip\n";
    const { config, errors } = validateConfig([repoFile(text)]);
    expect(errors).toEqual([]);
    expect(config.reasoning.skip_labels).toEqual(["skip-checks"]);
  });

  it("treats an empty key or a section whose keys are all commented out as not set", () => {
    const { config, errors } = validateConfig([repoFile("reasoning:\n  # min_words: 30\ntests:\n  min_changed_lines:\n  level: failure\n")]);
    expect(errors).toEqual([]);
    expect(config.reasoning).toEqual(DEFAULT_CONFIG.reasoning);
    expect(config.tests).toEqual({ ...DEFAULT_CONFIG.tests, level: "failure" });
  });

  it("treats an empty `_extends:` as extending nothing", () => {
    expect(validateConfig([repoFile("_extends:\nflaky:\n  max_open: 3\n")]).errors).toEqual([]);
  });

  it("accepts `business_hours: false` for wall-clock time", () => {
    const { config, errors } = validateConfig([repoFile("review:\n  business_hours: false\n")]);
    expect(errors).toEqual([]);
    expect(config.review.business_hours).toBe(false);
  });

  it("drops a value with an unsupported tag and keeps its neighbours", () => {
    const { config } = validateConfig([repoFile("flaky:\n  label: !env FLAKY_LABEL\n  max_open: 3\n")]);
    expect(config.flaky).toEqual({ ...DEFAULT_CONFIG.flaky, max_open: 3 });
  });
});

describe("validateConfig: falling back to defaults", () => {
  it("keeps the valid keys of a section that has a broken one", () => {
    const { config } = validateConfig([repoFile("tests:\n  min_changed_lines: five\n  level: failure\n  source: [app/**]\nreasoning:\n  min_words: 40\n")]);
    expect(config.tests).toEqual({ ...DEFAULT_CONFIG.tests, level: "failure", source: ["app/**"] });
    expect(config.reasoning.min_words).toBe(40);
  });

  it("replaces a list with a broken item as a whole (a list with an item dropped could mean something else)", () => {
    const { config } = validateConfig([repoFile("tests:\n  ignore: ['**/*.md', '']\n")]);
    expect(config.tests.ignore).toEqual(DEFAULT_CONFIG.tests.ignore);
  });

  it.each([
    ["start after a given end", "review:\n  level: failure\n  business_hours:\n    start: '18:00'\n    end: '17:00'\n", 5],
    ["start after the default end", "review:\n  level: failure\n  business_hours:\n    start: '18:00'\n    timezone: Europe/Berlin\n", 3],
  ])("resets business hours when they still fail with the broken key removed (%s), reporting it once", (_name, text, line) => {
    const { config, errors } = validateConfig([repoFile(text)]);
    expect(errors.map((error) => [error.line, error.keyPath])).toEqual([[line, "review.business_hours.end"]]);
    expect(config.review).toEqual({ ...DEFAULT_CONFIG.review, level: "failure" });
  });
});

describe("validateConfig: extended files", () => {
  const org = (text: string | null): ConfigSource => ({ path: ORG_FILE, url: "https://github.com/acme/.github/blob/HEAD/.github/eng-health.yml", text });

  it("deep-merges most specific last: the repository wins, lists replace, the rest comes from the org", () => {
    const result = validateConfig([
      repoFile("_extends: .github\ntests:\n  source: [services/**]\nreview:\n  level: notice\n"),
      org("reasoning:\n  min_words: 40\ntests:\n  source: [src/**, lib/**]\n  level: failure\nreview:\n  level: failure\n  first_review_within: 8h\n"),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.sources).toEqual([REPO_FILE, ORG_FILE]);
    expect(result.config.reasoning.min_words).toBe(40);
    expect(result.config.tests).toMatchObject({ source: ["services/**"], level: "failure" });
    expect(result.config.review).toMatchObject({ level: "notice", first_review_within: "8h" });
  });

  it("lets an empty key in the repository keep the org's value", () => {
    const { config } = validateConfig([repoFile("reasoning:\n  min_words:\n"), org("reasoning:\n  min_words: 40\n")]);
    expect(config.reasoning.min_words).toBe(40);
  });

  it("places each error in the file and line that set the key; an org value the repository overrides is not reported", () => {
    const result = validateConfig([
      repoFile("tests:\n  min_changed_lines: five\nreview:\n  level: notice\n"),
      org("reasoning:\n  min_wrods: 40\nreview:\n  level: loud\n"),
    ]);
    expect(result.errors.map((error) => [error.path, error.line, error.keyPath])).toEqual([
      [REPO_FILE, 2, "tests.min_changed_lines"],
      [ORG_FILE, 2, "reasoning.min_wrods"],
    ]);
    expect(result.errors[1]?.url).toBe("https://github.com/acme/.github/blob/HEAD/.github/eng-health.yml");
  });

  it("points at the more specific file when both set the broken key", () => {
    const result = validateConfig([repoFile("flaky:\n  max_open: many\n"), org("flaky:\n  max_open: lots\n")]);
    expect(result.errors.map((error) => [error.path, error.line, error.message])).toEqual([
      [REPO_FILE, 2, '`flaky.max_open` must be a whole number; it is `"many"`.'],
    ]);
  });

  it("uses the org file when the repository's file is ignored, and says so", () => {
    const result = validateConfig([repoFile("reasoning:\n\tlevel: off\n"), org("reasoning:\n  min_words: 40\n")]);
    expect(result.config.reasoning.min_words).toBe(40);
    expect(result.sources).toEqual([ORG_FILE]);
    expect(result.errors.map((error) => [error.path, error.line, error.keyPath])).toEqual([[REPO_FILE, 2, ""]]);
  });

  it("skips files that do not exist", () => {
    const result = validateConfig([repoFile(null), org("flaky:\n  max_open: 2\n")]);
    expect(result.sources).toEqual([ORG_FILE]);
    expect(result.config.flaky.max_open).toBe(2);
  });
});

describe("validateConfig: rollup (issue 16)", () => {
  const org = (text: string | null): ConfigSource => ({ path: ORG_FILE, text });

  it("reads rollup.repos from the repository's own file", () => {
    const { config, errors } = validateConfig([repoFile('rollup:\n  repos: [acme/widgets, "acme/*", acme/gadgets.js]\n')]);
    expect(errors).toEqual([]);
    expect(config.rollup.repos).toEqual(["acme/widgets", "acme/*", "acme/gadgets.js"]);
  });

  it("defaults to no rollup", () => {
    expect(DEFAULT_CONFIG.rollup).toEqual({ repos: [] });
  });

  it("never inherits a rollup: not from the org's .github repository, not through _extends", () => {
    // A repository without a file of its own gets the org's config: its report stays its own.
    const fallback = validateConfig([repoFile(null), org("rollup:\n  repos: [acme/widgets]\nflaky:\n  max_open: 2\n")]);
    expect(fallback.config.rollup.repos).toEqual([]);
    expect(fallback.config.flaky.max_open).toBe(2);
    expect(fallback.errors).toEqual([]);
    // The repository's own file extends the org's, and has a rollup of its own: its own wins as a whole.
    const extended = validateConfig([repoFile("_extends: .github\nreport:\n  enabled: true\n"), org("rollup:\n  repos: [acme/widgets]\n")]);
    expect(extended.config.rollup.repos).toEqual([]);
    const own = validateConfig([repoFile("_extends: .github\nrollup:\n  repos: [acme/gadgets]\n"), org("rollup:\n  repos: [acme/widgets]\n")]);
    expect(own.config.rollup.repos).toEqual(["acme/gadgets"]);
  });

  it.each([
    ["a repository without an owner", "rollup:\n  repos: [widgets]\n"],
    ["a wildcard inside a name", "rollup:\n  repos: [acme/wid*]\n"],
    ["a URL", "rollup:\n  repos: [https://github.com/acme/widgets]\n"],
  ])("refuses %s, naming the line, and falls back to no rollup", (_name, text) => {
    const result = validateConfig([repoFile(text)]);
    expect(result.config.rollup.repos).toEqual([]);
    expect(result.errors.map((error) => [error.line, error.keyPath, error.section])).toEqual([[2, "rollup.repos[0]", "rollup"]]);
    expect(result.errors[0]?.message).toContain('"acme/widgets"');
  });
});
