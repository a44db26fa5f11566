import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateConfig } from "../../../src/config/validate-config.js";

/** The YAML blocks of the README's "Rolling out" section, in order. */
function rolloutBlocks(): string[] {
  const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
  const start = readme.indexOf("### Rolling out\n");
  const section = readme.slice(start, readme.indexOf("\n### ", start + 1));
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => (match[1] as string).replace(/^ {3}/gm, ""));
}

describe("the README's rollout configs", () => {
  it("are valid, the first puts reasoning and tests at notice, the last switches everything off", () => {
    const blocks = rolloutBlocks();
    expect(blocks).toHaveLength(2);
    const [start, off] = blocks.map((text) => validateConfig([{ path: ".github/eng-health.yml", text }]));
    expect(start?.errors).toEqual([]);
    expect(off?.errors).toEqual([]);
    expect([start?.config.reasoning.level, start?.config.tests.level, start?.config.tests.disabled_tests.level]).toEqual(["notice", "notice", "notice"]);
    const config = off?.config;
    expect([config?.reasoning.level, config?.tests.level, config?.tests.disabled_tests.level, config?.review.level, config?.flaky.level]).toEqual(["off", "off", "off", "off", "off"]);
    expect([config?.flaky.comment_on_label, config?.report.enabled]).toEqual([false, false]);
  });
});
