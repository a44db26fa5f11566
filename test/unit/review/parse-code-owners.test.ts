import { describe, expect, it } from "vitest";
import { decidingRule, MAX_CODE_OWNERS_BYTES, parseCodeOwners } from "../../../src/review/parse-code-owners.js";
import { ownersOfFiles } from "../../../src/review/owners-of-files.js";

/**
 * The example CODEOWNERS file from GitHub's docs, "About code owners"
 * (docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners),
 * as published, with its comments: each expectation below cites the comment it checks.
 */
const GITHUB_EXAMPLE = `# This is a comment.
# Each line is a file pattern followed by one or more owners.

# These owners will be the default owners for everything in
# the repo. Unless a later match takes precedence,
# @global-owner1 and @global-owner2 will be requested for
# review when someone opens a pull request.
*       @global-owner1 @global-owner2

# Order is important; the last matching pattern takes the most
# precedence. When someone opens a pull request that only
# modifies JS files, only @js-owner and not the global
# owner(s) will be requested for a review.
*.js    @js-owner #This is an inline comment.

# You can also use email addresses if you prefer. They'll be
# used to look up users just like we do for commit author
# emails.
*.go docs@example.com

# Teams can be specified as code owners as well. Teams should
# be identified in the format @org/team-name. Teams must have
# explicit write access to the repository. In this example,
# the octocats team in the octo-org organization owns all .txt files.
*.txt @octo-org/octocats

# In this example, @doctocat owns any files in the build/logs
# directory at the root of the repository and any of its
# subdirectories.
/build/logs/ @doctocat

# The \`docs/*\` pattern will match files like
# \`docs/getting-started.md\` but not further nested files like
# \`docs/build-app/troubleshooting.md\`.
docs/*  docs@example.com

# In this example, @octocat owns any file in an apps directory
# anywhere in your repository.
apps/ @octocat

# In this example, @doctocat owns any file in the \`/docs\`
# directory in the root of your repository and any of its
# subdirectories.
/docs/ @doctocat

# In this example, any change inside the \`/scripts\` directory
# will require approval from @doctocat or @octocat.
/scripts/ @doctocat @octocat

# In this example, @octocat owns any file in a \`/logs\` directory such as
# \`/build/logs\`, \`/scripts/logs\`, and \`/deeply/nested/logs\`. Any changes
# in a \`/logs\` directory will require approval from @octocat.
**/logs @octocat

# In this example, @octocat owns any file in the \`/apps\`
# directory in the root of your repository except for the \`/apps/github\`
# subdirectory, as its owners are left empty.
/apps/ @octocat
/apps/github
`;

/** The owners' handles of a path, as the deciding (last matching) line gives them; null when no line matches. */
function ownersOf(text: string, path: string): string[] | null {
  const rule = decidingRule(parseCodeOwners(text), path);
  return rule === null ? null : rule.owners.map((owner) => owner.handle);
}

describe("parseCodeOwners: GitHub's documented example", () => {
  it("reads every rule line, with its line number, and finds no problem", () => {
    const file = parseCodeOwners(GITHUB_EXAMPLE);
    expect(file.problems).toEqual([]);
    expect(file.rules.map((rule) => [rule.line, rule.pattern])).toEqual([
      [8, "*"],
      [14, "*.js"],
      [19, "*.go"],
      [25, "*.txt"],
      [30, "/build/logs/"],
      [35, "docs/*"],
      [39, "apps/"],
      [44, "/docs/"],
      [48, "/scripts/"],
      [53, "**/logs"],
      [58, "/apps/"],
      [59, "/apps/github"],
    ]);
  });

  it.each([
    // "These owners will be the default owners for everything in the repo."
    ["README.md", ["@global-owner1", "@global-owner2"]],
    ["src/deep/module.py", ["@global-owner1", "@global-owner2"]],
    // "only @js-owner and not the global owner(s)"; the inline comment is not an owner.
    ["src/deep/main.js", ["@js-owner"]],
    // "You can also use email addresses"
    ["cmd/main.go", ["docs@example.com"]],
    // "the octocats team in the octo-org organization owns all .txt files"
    ["notes/a.txt", ["@octo-org/octocats"]],
    // "/build/logs/ @doctocat" is overridden by the later "**/logs @octocat": the last match wins.
    ["build/logs/today.log", ["@octocat"]],
    // "**/logs": "/build/logs, /scripts/logs, and /deeply/nested/logs"
    ["scripts/logs/run.log", ["@octocat"]],
    ["deeply/nested/logs/a/b.txt", ["@octocat"]],
    // "@octocat owns any file in an apps directory anywhere in your repository"
    ["services/apps/main.js", ["@octocat"]],
    // "@doctocat owns any file in the /docs directory in the root ... and any of its subdirectories"
    ["docs/build-app/troubleshooting.md", ["@doctocat"]],
    ["docs/getting-started.md", ["@doctocat"]],
    // "any change inside the /scripts directory will require approval from @doctocat or @octocat"
    ["scripts/deploy.sh", ["@doctocat", "@octocat"]],
    // "/apps/ @octocat" owns the root apps folder ...
    ["apps/web/index.ts", ["@octocat"]],
    // ... "except for the /apps/github subdirectory, as its owners are left empty"
    ["apps/github/readme.md", []],
  ])("%s is owned by %j", (path, owners) => {
    expect(ownersOf(GITHUB_EXAMPLE, path)).toEqual(owners);
  });

  it("gives /apps/github its own owner in the docs' second variant", () => {
    const variant = "/apps/ @octocat\n/apps/github @doctocat\n";
    expect(ownersOf(variant, "apps/github/readme.md")).toEqual(["@doctocat"]);
    expect(ownersOf(variant, "apps/web/index.ts")).toEqual(["@octocat"]);
  });

  it("tells users, teams and emails apart", () => {
    const owners = parseCodeOwners(GITHUB_EXAMPLE).rules.flatMap((rule) => rule.owners);
    expect(owners.find((owner) => owner.handle === "@js-owner")?.kind).toBe("user");
    expect(owners.find((owner) => owner.handle === "@octo-org/octocats")?.kind).toBe("team");
    expect(owners.find((owner) => owner.handle === "docs@example.com")?.kind).toBe("email");
  });
});

describe("parseCodeOwners: pattern semantics", () => {
  it("docs/* matches files directly in docs/, not nested ones (the docs' own comment)", () => {
    const text = "docs/* @docs-team\n";
    expect(ownersOf(text, "docs/getting-started.md")).toEqual(["@docs-team"]);
    expect(ownersOf(text, "docs/build-app/troubleshooting.md")).toBeNull();
  });

  it("* stays within one folder, ** crosses folders", () => {
    const text = "src/*.ts @one-level\nsrc/**/*.sql @any-depth\n";
    expect(ownersOf(text, "src/a.ts")).toEqual(["@one-level"]);
    expect(ownersOf(text, "src/nested/a.ts")).toBeNull();
    expect(ownersOf(text, "src/a.sql")).toEqual(["@any-depth"]);
    expect(ownersOf(text, "src/x/y/z.sql")).toEqual(["@any-depth"]);
  });

  it("a leading or middle slash anchors at the root; a bare name matches at any depth", () => {
    expect(ownersOf("/apps/ @root\n", "apps/a.go")).toEqual(["@root"]);
    expect(ownersOf("/apps/ @root\n", "x/apps/a.go")).toBeNull();
    expect(ownersOf("apps/ @anywhere\n", "x/apps/a.go")).toEqual(["@anywhere"]);
    expect(ownersOf("lib/util @anchored\n", "pkg/lib/util/a.go")).toBeNull();
    expect(ownersOf("lib/util @anchored\n", "lib/util/a.go")).toEqual(["@anchored"]);
  });

  it("a directory pattern with a trailing slash does not match a file of that name", () => {
    expect(ownersOf("logs/ @dirs\n", "src/logs")).toBeNull();
    expect(ownersOf("logs @both\n", "src/logs")).toEqual(["@both"]);
  });

  it("matches case-sensitively (\"CODEOWNERS paths are case sensitive\")", () => {
    expect(ownersOf("/Docs/ @a\n", "docs/readme.md")).toBeNull();
    expect(ownersOf("*.MD @a\n", "readme.md")).toBeNull();
  });

  it("treats braces, parentheses and plus signs literally, as gitignore does", () => {
    expect(ownersOf("/src/{a,b}.ts @literal\n", "src/a.ts")).toBeNull();
    expect(ownersOf("/src/{a,b}.ts @literal\n", "src/{a,b}.ts")).toEqual(["@literal"]);
    expect(ownersOf("/legacy(old)/ @literal\n", "legacy(old)/x.c")).toEqual(["@literal"]);
  });
});

describe("parseCodeOwners: lines GitHub skips", () => {
  it.each([
    ["negation (\"Using ! to negate a pattern\" does not work)", "!*.md @docs", /negating/],
    ["a character range (\"Using [ ] to define a character range\" does not work)", "[Rr]eadme.md @docs", /character ranges/],
    ["an escaped # (\"Escaping a pattern starting with # using \\\" does not work)", "\\#notes.md @docs", /escaping #/],
    ["an owner that is not a user, team or email", "/src/ @user1 TODO", /"TODO" is not/],
  ])("skips %s, whole, and says why", (_case, line, reason) => {
    const file = parseCodeOwners(`* @everyone\n${line}\n`);
    expect(file.rules.map((rule) => rule.pattern)).toEqual(["*"]);
    expect(file.problems).toEqual([{ line: 2, message: expect.stringMatching(reason) }]);
    // The skipped line does not take precedence: the earlier rule still decides.
    expect(ownersOf(`* @everyone\n${line}\n`, "src/readme.md")).toEqual(["@everyone"]);
  });

  it("reads CRLF files and ignores blank and comment lines", () => {
    const file = parseCodeOwners("# owners\r\n\r\n*.ts @ts-team\r\n");
    expect(file.rules.map((rule) => [rule.line, rule.pattern, rule.owners.map((owner) => owner.handle)])).toEqual([[3, "*.ts", ["@ts-team"]]]);
  });

  it("loads nothing from a file of 3 MB or more (\"will not be loaded\")", () => {
    const big = `* @everyone\n${"#".repeat(MAX_CODE_OWNERS_BYTES)}\n`;
    const file = parseCodeOwners(big);
    expect(file.rules).toEqual([]);
    expect(file.problems[0]?.message).toMatch(/3 MB/);
  });
});

describe("ownersOfFiles", () => {
  it("groups the owners of a set of paths, in order of their first owned path, and lists the unowned ones", () => {
    const file = parseCodeOwners(GITHUB_EXAMPLE);
    const { owners, unowned } = ownersOfFiles(file, ["src/main.js", "apps/github/a.md", "scripts/run.sh", "lib/util.js", "src/main.js"]);
    expect(owners).toEqual([
      { handle: "@js-owner", kind: "user", paths: ["src/main.js", "lib/util.js"] },
      { handle: "@doctocat", kind: "user", paths: ["scripts/run.sh"] },
      { handle: "@octocat", kind: "user", paths: ["scripts/run.sh"] },
    ]);
    expect(unowned).toEqual(["apps/github/a.md"]);
  });

  it("compares owners case-insensitively, keeping the first spelling", () => {
    const file = parseCodeOwners("*.ts @Acme/Billing\n*.sql @acme/billing\n");
    expect(ownersOfFiles(file, ["a.ts", "b.sql"]).owners).toEqual([{ handle: "@Acme/Billing", kind: "team", paths: ["a.ts", "b.sql"] }]);
  });
});
