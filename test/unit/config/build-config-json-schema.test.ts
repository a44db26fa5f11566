import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildConfigJsonSchema } from "../../../src/config/build-config-json-schema.js";

const committed = JSON.parse(readFileSync(new URL("../../../schema/eng-health.schema.json", import.meta.url), "utf8")) as unknown;

describe("buildConfigJsonSchema", () => {
  it("matches schema/eng-health.schema.json (run `npm run schema` after changing src/config/schema.ts)", () => {
    expect(committed).toEqual(buildConfigJsonSchema());
  });

  it("allows `_extends`, `mode` and the seven sections at the top, and nothing else", () => {
    const schema = buildConfigJsonSchema();
    expect(Object.keys(schema.properties as object)).toEqual(["_extends", "mode", "checks", "reasoning", "tests", "review", "size", "flaky", "report", "rollup"]);
    expect(schema.additionalProperties).toBe(false);
  });

  it("describes input: defaults shown, whole numbers as integers", () => {
    const schema = buildConfigJsonSchema() as { properties: { tests: { properties: { min_changed_lines: unknown } } } };
    expect(schema.properties.tests.properties.min_changed_lines).toMatchObject({ type: "integer", minimum: 0, default: 5 });
  });
});

describe("the JSON Schema documents every key", () => {
  /** Every property below the top, with its path. */
  function properties(node: unknown, path = ""): Array<{ path: string; schema: Record<string, unknown> }> {
    if (typeof node !== "object" || node === null) return [];
    const schema = node as Record<string, unknown>;
    const own = Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>).flatMap(([key, child]) => [
      { path: path === "" ? key : `${path}.${key}`, schema: child },
      ...properties(child, path === "" ? key : `${path}.${key}`),
    ]);
    const variants = ["anyOf", "oneOf", "allOf"].flatMap((key) => ((schema[key] ?? []) as unknown[]).flatMap((variant) => properties(variant, path)));
    return [...own, ...variants];
  }
  const described = (schema: Record<string, unknown>, key: string): boolean =>
    key in schema || ((schema.anyOf ?? []) as Array<Record<string, unknown>>).some((variant) => key in variant);

  it("gives each key a description and (but _extends) its default, so editors show them", () => {
    const all = properties(buildConfigJsonSchema());
    expect(all.length).toBeGreaterThan(40);
    expect(all.filter(({ schema }) => !described(schema, "description")).map(({ path }) => path)).toEqual([]);
    expect(all.filter(({ path, schema }) => path !== "_extends" && !described(schema, "default")).map(({ path }) => path)).toEqual([]);
  });

  it("names the URL editors fetch it from", () => {
    expect(buildConfigJsonSchema().$id).toBe("https://raw.githubusercontent.com/eng-health/eng-health/main/schema/eng-health.schema.json");
  });
});
