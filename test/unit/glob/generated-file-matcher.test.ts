import { describe, expect, it } from "vitest";
import { generatedFileMatcher } from "../../../src/glob/generated-file-matcher.js";

describe("generatedFileMatcher (.gitattributes linguist-generated)", () => {
  it("marks the paths GitHub's docs show (\"search/index.json linguist-generated\") and unmarks with -linguist-generated", () => {
    const generated = generatedFileMatcher("search/index.json linguist-generated\n*.css linguist-generated=true\nbootstrap.min.css -linguist-generated\n");
    expect(generated("search/index.json")).toBe(true);
    expect(generated("web/site.css")).toBe(true);
    expect(generated("bootstrap.min.css")).toBe(false); // the later line wins
    expect(generated("src/index.json")).toBe(false); // anchored: a slash in the middle
  });

  it("follows gitattributes, not gitignore, for folders: dist/** marks the files, dist/ and dist mark nothing inside", () => {
    expect(generatedFileMatcher("dist/** linguist-generated\n")("dist/app/main.js")).toBe(true);
    expect(generatedFileMatcher("dist/ linguist-generated\n")("dist/main.js")).toBe(false);
    expect(generatedFileMatcher("dist linguist-generated\n")("dist/main.js")).toBe(false);
  });

  it("reads =false, ! (unspecified), other attributes, comments and macros", () => {
    const generated = generatedFileMatcher(
      "# generated code\n[attr]gen linguist-generated\n*.pb.go linguist-generated text eol=lf\napi/*.pb.go linguist-generated=false\nschema/*.pb.go !linguist-generated\n*.txt text\n",
    );
    expect(generated("svc/user.pb.go")).toBe(true);
    expect(generated("api/user.pb.go")).toBe(false);
    expect(generated("schema/user.pb.go")).toBe(false);
    expect(generated("notes.txt")).toBe(false);
  });

  it("matches nothing without a file, and skips negative patterns (git forbids them here)", () => {
    expect(generatedFileMatcher(null)("dist/a.js")).toBe(false);
    expect(generatedFileMatcher(undefined)("dist/a.js")).toBe(false);
    expect(generatedFileMatcher("!*.js linguist-generated\n")("a.js")).toBe(false);
  });
});
