import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { CONFIG_SCHEMA_URL, DEFAULT_CONFIG } from "../../../src/config/schema.js";
import { validateConfig } from "../../../src/config/validate-config.js";
import { WEEK_METRIC_KEYS } from "../../../src/report/metrics/registry.js";
import { fencedBlocks, readRepoFile, REPO_ROOT, section } from "../../helpers/markdown-doc.js";

/**
 * What the README and docs/ show of the config: every YAML block that is not
 * a GitHub workflow (`jobs:`) or a part of the app manifest (`app.yml`) is an
 * eng-health config and must be valid as written, and the reference block is
 * exactly the defaults, key for key.
 */
const readme = readRepoFile("README.md");
const docs = readdirSync(new URL("docs/", REPO_ROOT)).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`);

/** Every key path of a parsed YAML or config value, objects only (a list is a value). */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix === "" ? key : `${prefix}.${key}`));
}

const configBlocks = ["README.md", ...docs].flatMap((file) =>
  fencedBlocks(readRepoFile(file))
    .filter((block) => block.info === "yaml")
    .filter((block) => {
      const parsed = parseYaml(block.text) as unknown;
      const isObject = parsed !== null && typeof parsed === "object";
      return !(isObject && ["jobs", "hook_attributes", "default_permissions", "default_events"].some((key) => key in parsed));
    })
    .map((block) => ({ where: `${file}:${block.line}`, text: block.text })),
);

describe("the config examples of the README and docs/", () => {
  it("are found (the README has the reference, the rollout configs and a rollup)", () => {
    expect(configBlocks.filter((block) => block.where.startsWith("README.md")).length).toBeGreaterThanOrEqual(6);
  });

  it.each(configBlocks)("$where is a valid .github/eng-health.yml", ({ text }) => {
    expect(validateConfig([{ path: ".github/eng-health.yml", text }]).errors).toEqual([]);
  });

  it('the reference ("Every key, with its default") writes every key with its default', () => {
    const configuration = section(readme, "## Configuration");
    const after = configuration.slice(configuration.indexOf("Every key, with its default"));
    const [reference] = fencedBlocks(after).filter((block) => block.info === "yaml");
    const text = reference?.text ?? "";
    expect(validateConfig([{ path: ".github/eng-health.yml", text }]).config).toEqual(DEFAULT_CONFIG);
    expect(keyPaths(parseYaml(text)).sort()).toEqual(keyPaths(DEFAULT_CONFIG).sort());
  });

  it("give the editor line with the JSON Schema's URL, which is the schema's $id", () => {
    const schema = JSON.parse(readRepoFile("schema/eng-health.schema.json")) as { $id: string };
    expect(schema.$id).toBe(CONFIG_SCHEMA_URL);
    expect(section(readme, "## Configuration")).toContain(`# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}\n`);
  });
});

describe("the weekly report's figures in the README and docs/", () => {
  it('"What the figures mean" defines every metric key of the registry', () => {
    const table = section(readme, "#### What the figures mean");
    const defined = [...table.matchAll(/^\| ([^|]+) \|/gm)].flatMap((row) => [...(row[1] ?? "").matchAll(/`([a-z0-9_]+)`/g)].map((key) => key[1]));
    expect([...defined].sort()).toEqual([...WEEK_METRIC_KEYS].sort());
  });

  it("the example report carries every metric key and names no one", () => {
    const example = readRepoFile("docs/weekly-report-example.md");
    const stored = /<!-- eng-health:report (\{.*\}) -->/.exec(example)?.[1] ?? "{}";
    expect(Object.keys((JSON.parse(stored) as { metrics?: object }).metrics ?? {})).toEqual([...WEEK_METRIC_KEYS]);
    expect(example).not.toMatch(/(^|\s)@[A-Za-z0-9-]/m);
  });
});
