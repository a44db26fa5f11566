import { describe, expect, it } from "vitest";
import { configSchema, DEFAULT_CONFIG } from "../../../src/config/schema.js";
import type { ChangedFile } from "../../../src/model/pull-request-facts.js";
import { evaluateRules } from "../../../src/rules/evaluate-rules.js";
import { countChangedLines, evaluateSize, sizeRule } from "../../../src/rules/size.js";
import { buildFacts } from "../../helpers/build-facts.js";

const SIZE = DEFAULT_CONFIG.size;

function file(filename: string, additions: number, deletions = 0): ChangedFile {
  return { filename, status: "modified", additions, deletions };
}

describe("the size config section", () => {
  it("has the issue's defaults", () => {
    expect(SIZE).toEqual({
      level: "notice",
      max_changed_lines: 400,
      ignore: ["**/package-lock.json", "**/yarn.lock", "**/pnpm-lock.yaml", "**/*.snap", "**/vendor/**", "**/dist/**", "**/*.min.*", "**/__generated__/**"],
      skip_labels: ["skip-size"],
    });
  });
});

describe("countChangedLines", () => {
  it("adds additions and deletions of the files not ignored, biggest first", () => {
    const count = countChangedLines(
      [
        file("src/a.ts", 10, 5),
        file("package-lock.json", 3000, 2000),
        file("web/yarn.lock", 900),
        file("src/__snapshots__/a.test.ts.snap", 400),
        file("third_party/vendor/lib.go", 700),
        file("dist/bundle.js", 800),
        file("public/app.min.js", 1),
        file("src/__generated__/schema.ts", 500),
        file("src/b.ts", 40),
      ],
      SIZE.ignore,
      null,
    );
    expect(count.lines).toBe(55);
    expect(count.counted.map((changed) => changed.filename)).toEqual(["src/b.ts", "src/a.ts"]);
    expect(count.leftOut).toHaveLength(7);
  });

  it("leaves out files marked linguist-generated in .gitattributes", () => {
    const count = countChangedLines([file("api/user.pb.go", 900), file("api/user.go", 20)], SIZE.ignore, "*.pb.go linguist-generated\n");
    expect(count.lines).toBe(20);
    expect(count.leftOut.map((changed) => changed.filename)).toEqual(["api/user.pb.go"]);
  });
});

describe("evaluateSize", () => {
  it("passes at the limit, and says what was left out", () => {
    const verdict = evaluateSize({ files: [file("src/a.ts", 300, 100), file("package-lock.json", 5000)], filesTruncated: false }, SIZE);
    expect(verdict).toEqual({ status: "pass", message: "400 changed lines in 1 file; 1 generated or ignored file not counted (limit: 400).", findings: [] });
  });

  it("fails above the limit with the agreement, why, a question and the biggest files", () => {
    const files = [file("src/a.ts", 200), file("src/b.ts", 150, 50), file("src/c.ts", 30), file("src/d.ts", 20), file("src/e.ts", 10), file("src/f.ts", 5), file("src/g.ts", 1)];
    const verdict = evaluateSize({ files, filesTruncated: false }, SIZE);
    expect(verdict.status).toBe("fail");
    expect(verdict.message).toBe("466 changed lines in 7 files, above the limit of 400.");
    expect(verdict.findings).toHaveLength(1);
    expect(verdict.findings[0]?.message).toBe(
      [
        "This PR changes 466 lines; the team agreed to keep pull requests within 400 changed lines. Small pull requests get reviewed sooner and more carefully: a reviewer can hold the whole change in mind, so feedback is deeper and turnaround shorter.",
        "",
        "Could it be split, for example into a refactor PR and a behaviour PR? Which of the biggest files could go first on their own?",
        "",
        "- `src/a.ts`: 200 lines",
        "- `src/b.ts`: 200 lines",
        "- `src/c.ts`: 30 lines",
        "- `src/d.ts`: 20 lines",
        "- `src/e.ts`: 10 lines",
        "- and 2 more files",
        "",
        "If this change cannot be split (a mechanical rename, say), add the `skip-size` label and a line in the description saying why, so reviewers can plan their time.",
      ].join("\n"),
    );
    expect(verdict.findings[0]?.message).not.toMatch(/@/); // names files, never a person
  });

  it("skips a PR with no file, and a truncated list still within the limit; a truncated list over it fails 'at least'", () => {
    expect(evaluateSize({ files: [], filesTruncated: false }, SIZE).status).toBe("skip");
    expect(evaluateSize({ files: [file("a.ts", 10)], filesTruncated: true }, SIZE)).toMatchObject({ status: "skip", message: expect.stringMatching(/only part of the files/) });
    expect(evaluateSize({ files: [file("a.ts", 500)], filesTruncated: true }, SIZE).message).toBe("at least 500 changed lines in 1 file, above the limit of 400.");
  });

  it("reads its own limit and ignores", () => {
    const size = configSchema.parse({ size: { max_changed_lines: 50, ignore: ["docs/**"] } }).size;
    expect(evaluateSize({ files: [file("docs/guide.md", 900), file("src/a.ts", 51)], filesTruncated: false }, size).status).toBe("fail");
    expect(evaluateSize({ files: [file("docs/guide.md", 900), file("src/a.ts", 50)], filesTruncated: false }, size).status).toBe("pass");
  });
});

describe("the size rule through evaluateRules", () => {
  const big = [file("src/a.ts", 900)];

  it("fails at notice level by default, so the conclusion is unchanged", () => {
    const [result] = evaluateRules([sizeRule], buildFacts({ files: big }), DEFAULT_CONFIG);
    expect(result).toMatchObject({ id: "size", agreement: "Small pull requests", level: "notice", status: "fail" });
  });

  it("skips with the skip-size label, for bots, and when off", () => {
    expect(evaluateRules([sizeRule], buildFacts({ files: big, labels: ["skip-size"] }), DEFAULT_CONFIG)[0]?.status).toBe("skip");
    expect(evaluateRules([sizeRule], buildFacts({ files: big, author: { login: "renovate[bot]", type: "Bot" } }), DEFAULT_CONFIG)[0]?.status).toBe("skip");
    const off = configSchema.parse({ size: { level: "off" } });
    expect(evaluateRules([sizeRule], buildFacts({ files: big }), off)[0]?.message).toBe("Turned off in the config.");
  });

  it("honours the .gitattributes the facts carry", () => {
    const facts = buildFacts({ files: [file("gen/api.ts", 900), file("src/a.ts", 10)], gitAttributes: "gen/** linguist-generated\n" });
    expect(evaluateRules([sizeRule], facts, DEFAULT_CONFIG)[0]?.status).toBe("pass");
  });
});
