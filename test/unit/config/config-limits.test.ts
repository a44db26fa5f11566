import { describe, expect, it } from "vitest";
import { countConfigEntries, configSizeProblem } from "../../../src/config/check-config-size.js";
import { validateConfig } from "../../../src/config/validate-config.js";
import { MAX_CONFIG_ENTRIES, MAX_CONFIG_FILE_BYTES } from "../../../src/model/config-limits.js";

const PATH = ".github/eng-health.yml";

function unknownKeys(count: number): string {
  return ["tests:", ...Array.from({ length: count }, (_, index) => `  unknown_key_${index}: ${index}`)].join("\n");
}

/** Milliseconds of the fastest of `runs` validations (the fastest is the one least disturbed by other work on the machine). */
function fastestValidation(text: string, runs = 5): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    validateConfig([{ path: PATH, text }]);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

describe("countConfigEntries", () => {
  it.each([
    ["keys of block mappings", "a: 1\nb:\n  c: 2\n", 3],
    ["block list items", "a:\n  - x\n  - y\n", 3],
    ["flow lists and mappings, by their commas", "a: [x, y, z]\nb: {c: 1, d: 2}\n", 2 + 2 + 1 + 2],
    ["comments are left out", "# a: 1, b: 2\na: 1 # c: 3, d: 4\n", 1],
    ["a colon inside a word is not a key", "a: http://x\n", 1],
  ])("counts %s", (_, text, count) => {
    expect(countConfigEntries(text)).toBe(count);
  });

  it("stops once past the bound it is asked about", () => {
    expect(countConfigEntries("- a\n".repeat(10_000), 10)).toBe(11);
  });
});

describe("config files over the limits are reported without being parsed", () => {
  it(`a file over ${MAX_CONFIG_FILE_BYTES / 1024} KB: one whole-file error naming the file, the limit and the fix`, () => {
    // Invalid YAML and a duplicate key: parsed, the file would report those instead.
    const text = `tests: [\ntests: 1\n${"#".repeat(MAX_CONFIG_FILE_BYTES)}`;
    const result = validateConfig([{ path: PATH, text }]);
    expect(result.errors).toEqual([
      {
        path: PATH,
        line: null,
        keyPath: "",
        message:
          "`.github/eng-health.yml` is 65 KB, more than the 64 KB eng-health reads, so the whole file is ignored without being read. A complete config, every key set, is about 3 KB: could the file keep only the settings that differ from the defaults?",
        section: null,
      },
    ]);
    expect(result.sources).toEqual([]);
  });

  it(`a file with more than ${MAX_CONFIG_ENTRIES.toLocaleString("en-US")} keys and list items is ignored as a whole, its other files still apply`, () => {
    const text = `tests:\n  source:\n${"    - src/**\n".repeat(MAX_CONFIG_ENTRIES + 1)}`;
    const result = validateConfig([
      { path: PATH, text },
      { path: "acme/.github:.github/eng-health.yml", text: "tests:\n  min_changed_lines: 9\n" },
    ]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: PATH, keyPath: "", line: null });
    expect(result.errors[0]?.message).toContain(`has more than ${MAX_CONFIG_ENTRIES.toLocaleString("en-US")} keys and list items`);
    expect(result.config.tests.min_changed_lines).toBe(9);
    expect(result.sources).toEqual(["acme/.github:.github/eng-health.yml"]);
  });

  it("a file at the limits is read as usual", () => {
    expect(configSizeProblem({ path: PATH, text: unknownKeys(MAX_CONFIG_ENTRIES - 1) })).toBeNull();
    const result = validateConfig([{ path: PATH, text: unknownKeys(MAX_CONFIG_ENTRIES - 1) }]);
    expect(result.errors).toHaveLength(MAX_CONFIG_ENTRIES - 1);
    expect(result.errors[MAX_CONFIG_ENTRIES - 2]).toMatchObject({ keyPath: `tests.unknown_key_${MAX_CONFIG_ENTRIES - 2}`, line: MAX_CONFIG_ENTRIES });
  });

  it("20,000 keys are refused at once", () => {
    const started = performance.now();
    const result = validateConfig([{ path: PATH, text: unknownKeys(20_000) }]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.keyPath).toBe("");
  });
});

describe("validation is linear in the file's size", () => {
  it("10 times the unknown keys take less than 20 times as long (it was quadratic: 8,000 keys took 10.7 s)", () => {
    fastestValidation(unknownKeys(MAX_CONFIG_ENTRIES / 10)); // warm up the JIT
    const small = fastestValidation(unknownKeys(MAX_CONFIG_ENTRIES / 10));
    const large = fastestValidation(unknownKeys(MAX_CONFIG_ENTRIES));
    expect(large / small).toBeLessThan(20);
  });

  it("a duplicated key is still found, with its key path and line", () => {
    const result = validateConfig([{ path: PATH, text: "tests:\n  level: notice\n  level: warning\n" }]);
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 3, keyPath: "", message: expect.stringContaining("`tests.level` is set twice") as unknown }),
    ]);
  });
});

describe("globs are checked when the config is read", () => {
  it("the glob that stalled the process for 101 s is a config error with its key and line", () => {
    const glob = "**/**/**/**/**/**/**/**/*a*a*a*a*a*a*a*a*a*a*b";
    const result = validateConfig([{ path: PATH, text: `tests:\n  source:\n    - "${glob}"\n` }]);
    expect(result.errors).toEqual([
      {
        path: PATH,
        line: 3,
        keyPath: "tests.source[0]",
        message: `\`tests.source[0]\` must have at most 8 wildcards (each \`*\`, \`**\` and \`?\` counts one), since each one multiplies the work of matching every changed file; it has 19; it is \`"${glob}"\`.`,
        section: "tests",
      },
    ]);
    expect(result.config.tests.source).toContain("src/**");
  });

  it.each([
    ["a glob over 256 characters", `src/${"a".repeat(260)}`, "must be at most 256 characters long; it has 264"],
    ["an extended glob", "src/+(a|b).ts", "must not use extended globs such as `+(…)`"],
    ["a POSIX class", "src/[[:alpha:]]*.ts", "must not use POSIX classes"],
    ["braces that expand to too many globs", "{a,b}/{a,b}/{a,b}/{a,b}/{a,b}/{a,b}/*.ts", "must expand to at most 32 patterns"],
  ])("refuses %s", (_, glob, message) => {
    const result = validateConfig([{ path: PATH, text: `size:\n  ignore:\n    - "${glob}"\n` }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ keyPath: "size.ignore[0]", line: 3 });
    expect(result.errors[0]?.message).toContain(message);
  });

  it("accepts every default glob and labels with glob characters", () => {
    const result = validateConfig([
      {
        path: PATH,
        text: 'tests:\n  tests: ["**/*.{test,spec}.{ts,tsx}", "**/__tests__/**", "src/[a-z]?/*.ts"]\n  skip_labels: ["needs review?", "+(wip)"]\n',
      },
    ]);
    expect(result.errors).toEqual([]);
  });
});
