import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { headingAnchors, headings, readRepoFile, REPO_ROOT, withoutFences } from "../../helpers/markdown-doc.js";

/**
 * Links between the README, CHANGELOG and docs/ lead somewhere: a relative
 * link names a file of the repository, an anchor names a heading of its file
 * (the table of contents, "see Rolling out", docs/ pointing back), and the
 * README headings the source code cites (`README, "Rolling out"`) exist.
 */
const root = fileURLToPath(REPO_ROOT);
const documents = ["README.md", "CHANGELOG.md", ...readdirSync(join(root, "docs")).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`)];

/** Every `[text](target)` outside code blocks whose target is not a web address. */
function localLinks(file: string): Array<{ file: string; target: string }> {
  return [...withoutFences(readRepoFile(file)).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1] ?? "")
    .filter((target) => !/^[a-z]+:/i.test(target))
    .map((target) => ({ file, target }));
}

const links = documents.flatMap(localLinks);

describe("links of the README, CHANGELOG and docs/", () => {
  it("are found (the README's table of contents among them)", () => {
    expect(links.filter((link) => link.file === "README.md" && link.target.startsWith("#")).length).toBeGreaterThan(20);
  });

  it.each(links)("$file → $target", ({ file, target }) => {
    const [path = "", anchor] = target.split("#");
    const linked = path === "" ? file : normalize(join(dirname(file), path));
    expect(existsSync(join(root, linked)), `${linked} exists`).toBe(true);
    if (anchor !== undefined && linked.endsWith(".md")) {
      expect([...headingAnchors(readFileSync(join(root, linked), "utf8"))]).toContain(anchor);
    }
  });
});

describe("README headings cited by the code and the deployment files", () => {
  const titles = headings(readRepoFile("README.md"));
  const sources = [
    ...readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".ts")).map((name) => `src/${name}`),
    ...readdirSync(join(root, "demo")).map((name) => `demo/${name}`),
    ".env.example",
    "docker-compose.yml",
    "app.yml",
    "Dockerfile",
  ];
  const citations = sources.flatMap((file) => {
    // Comments wrap: join their lines before looking for `README, "Heading"`.
    const text = readRepoFile(file).replace(/\n\s*(\*|\/\/|#)\s*/g, " ").replaceAll('\\"', '"');
    return [...text.matchAll(/README(?:,|'s)? "([^"]+)"/g)].map((match) => ({ file, heading: match[1] ?? "" }));
  });

  it("are found", () => {
    expect(citations.length).toBeGreaterThan(20);
  });

  it.each(citations)('$file cites "$heading"', ({ heading }) => {
    // A config section is cited by its name: `review` for "`review`: review turnaround".
    expect(titles.some((title) => title === heading || title.startsWith(`${heading}:`))).toBe(true);
  });
});
