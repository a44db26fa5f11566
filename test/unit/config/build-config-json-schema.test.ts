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
    expect(Object.keys(schema.properties as object)).toEqual(["_extends", "mode", "checks", "reasoning", "tests", "review", "size", "flaky", "report"]);
    expect(schema.additionalProperties).toBe(false);
  });

  it("describes input: defaults shown, whole numbers as integers", () => {
    const schema = buildConfigJsonSchema() as { properties: { tests: { properties: { min_changed_lines: unknown } } } };
    expect(schema.properties.tests.properties.min_changed_lines).toMatchObject({ type: "integer", minimum: 0, default: 5 });
  });
});
