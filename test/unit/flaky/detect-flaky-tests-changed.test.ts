import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../src/config/schema.js";
import type { ChangedFile, FlakyIssue } from "../../../src/model/pull-request-facts.js";
import { detectFlakyTestsChanged } from "../../../src/flaky/detect-flaky-tests-changed.js";

const globs = DEFAULT_CONFIG.tests.tests;

function file(filename: string, overrides: Partial<ChangedFile> = {}): ChangedFile {
  return { filename, status: "modified", additions: 3, deletions: 1, ...overrides };
}

function issue(number: number, title: string, body = ""): FlakyIssue {
  return {
    number,
    title,
    body,
    htmlUrl: `https://github.com/acme/widgets/issues/${number}`,
    createdAt: "2026-11-01T00:00:00Z",
    assignees: [],
    labels: ["flaky-test"],
  };
}

describe("detectFlakyTestsChanged", () => {
  it("matches a changed file an issue mentions in its title or body, by exact path", () => {
    const issues = [
      issue(12, "Flaky: test/widgets/cache.test.ts"),
      issue(15, "Cache flakes", "https://github.com/acme/widgets/blob/main/test/widgets/cache.test.ts#L3"),
      issue(20, "Store flakes", "`cache.test.ts` › \"expires\""),
    ];
    const files = [file("src/widgets/cache.ts"), file("test/widgets/cache.test.ts")];
    expect(detectFlakyTestsChanged(files, issues, globs)).toEqual([
      { filename: "test/widgets/cache.test.ts", removed: false, issues: [12, 15] },
    ]);
  });

  it("matches a renamed file by its old path and marks removed files", () => {
    const issues = [issue(3, "test/old.test.ts flakes"), issue(4, "test/gone.test.ts flakes")];
    const files = [
      file("test/new.test.ts", { status: "renamed", previousFilename: "test/old.test.ts" }),
      file("test/gone.test.ts", { status: "removed" }),
    ];
    expect(detectFlakyTestsChanged(files, issues, globs)).toEqual([
      { filename: "test/new.test.ts", previousFilename: "test/old.test.ts", removed: false, issues: [3] },
      { filename: "test/gone.test.ts", removed: true, issues: [4] },
    ]);
  });

  it.each([
    ["no flaky issues", [], [file("test/a.test.ts")]],
    ["no changed files", [issue(1, "test/a.test.ts")], []],
    ["an issue about another test", [issue(1, "test/b.test.ts")], [file("test/a.test.ts")]],
  ])("finds nothing with %s", (_case, issues, files) => {
    expect(detectFlakyTestsChanged(files, issues, globs)).toEqual([]);
  });
});
