import { describe, expect, it } from "vitest";
import { parseExtends } from "../../../src/config/parse-extends.js";

describe("parseExtends", () => {
  it.each([
    [".github", { owner: null, repo: ".github", path: null }],
    ["acme/.github", { owner: "acme", repo: ".github", path: null }],
    ["shared:config/eng-health.yaml", { owner: null, repo: "shared", path: "config/eng-health.yaml" }],
    ["acme-labs/shared_config:.github/eng-health.yml", { owner: "acme-labs", repo: "shared_config", path: ".github/eng-health.yml" }],
  ])("reads %s", (value, expected) => {
    expect(parseExtends(value)).toEqual(expected);
  });

  it.each([
    ["a list", ["a", "b"]],
    ["a number", 5],
    ["null", null],
    ["an empty string", ""],
    ["too many slashes", "not/a/repo"],
    ["an owner ending in a hyphen", "acme-/.github"],
    ["an owner with two hyphens in a row", "ac--me/.github"],
    ["an owner longer than 39 characters", `${"a".repeat(40)}/.github`],
    ["a path that is not YAML", "acme/.github:config.json"],
    ["a space in the repository", "acme/my repo"],
  ])("rejects %s", (_name, value) => {
    expect(parseExtends(value)).toBeNull();
  });
});
