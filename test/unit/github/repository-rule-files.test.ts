import { describe, expect, it } from "vitest";
import { CODE_OWNERS_PATHS, readRepositoryRules, REPOSITORY_RULE_FILE_FIELDS } from "../../../src/github/repository-rule-files.js";

describe("readRepositoryRules", () => {
  it("asks for CODEOWNERS in GitHub's order (.github/, root, docs/) and the root .gitattributes, on the default branch", () => {
    expect(CODE_OWNERS_PATHS).toEqual([".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"]);
    expect(REPOSITORY_RULE_FILE_FIELDS).toContain('codeowners0: object(expression: "HEAD:.github/CODEOWNERS") { ... on Blob { text isTruncated } }');
    expect(REPOSITORY_RULE_FILE_FIELDS).toContain('codeowners2: object(expression: "HEAD:docs/CODEOWNERS")');
    expect(REPOSITORY_RULE_FILE_FIELDS).toContain('gitattributes: object(expression: "HEAD:.gitattributes")');
  });

  it("uses the first CODEOWNERS found, as GitHub does", () => {
    const rules = readRepositoryRules({
      codeowners0: null,
      codeowners1: { text: "* @root-owner\n" },
      codeowners2: { text: "* @docs-owner\n" },
      gitattributes: { text: "dist/** linguist-generated\n" },
    });
    expect(rules).toEqual({ codeOwners: { path: "CODEOWNERS", text: "* @root-owner\n" }, gitAttributes: "dist/** linguist-generated\n" });
  });

  it("treats a truncated or binary first file as none rather than falling back to the next location", () => {
    expect(readRepositoryRules({ codeowners0: { text: "* @a\n", isTruncated: true }, codeowners1: { text: "* @b\n" } }).codeOwners).toBeNull();
    expect(readRepositoryRules({ codeowners0: { text: null }, codeowners1: { text: "* @b\n" } }).codeOwners).toBeNull();
  });

  it("gives nulls for a repository without the files, or no repository", () => {
    expect(readRepositoryRules({})).toEqual({ codeOwners: null, gitAttributes: null });
    expect(readRepositoryRules(null)).toEqual({ codeOwners: null, gitAttributes: null });
  });
});
