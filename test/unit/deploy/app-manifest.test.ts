import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { QUEUED_EVENTS } from "../../../src/pipelines/delivery-handlers.js";

/** The GitHub App manifest must ask for every event the code handles, and only for what it uses. */
const manifest = parseYaml(readFileSync(new URL("../../../app.yml", import.meta.url), "utf8")) as {
  default_events: string[];
  default_permissions: Record<string, string>;
};

describe("app.yml", () => {
  it("subscribes to every event the app handles, and to nothing it ignores", () => {
    const handled = [...new Set(QUEUED_EVENTS.map((name) => name.split(".")[0] as string))].sort();
    expect([...manifest.default_events].sort()).toEqual(handled);
  });

  it("does not list installation events, which every app receives and a manifest may not name", () => {
    expect(manifest.default_events).not.toContain("installation");
    expect(manifest.default_events).not.toContain("installation_repositories");
  });

  it("asks for the least permissions the features need", () => {
    expect(manifest.default_permissions).toEqual({ checks: "write", pull_requests: "read", issues: "write", contents: "read", metadata: "read" });
  });

  it("offers a webhook URL to uncomment, on Probot's webhook path, as the README's registration step shows", () => {
    const text = readFileSync(new URL("../../../app.yml", import.meta.url), "utf8");
    const commented = text.split("\n").filter((line) => /^# (hook_attributes:| {2}url: )/.test(line));
    const uncommented = parseYaml(commented.map((line) => line.slice(2)).join("\n")) as { hook_attributes: { url: string } };
    expect(uncommented.hook_attributes.url).toMatch(/^https:\/\/[^/]+\/api\/github\/webhooks$/);
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    expect(readme).toContain(`   hook_attributes:\n     url: ${uncommented.hook_attributes.url}\n`);
  });
});
