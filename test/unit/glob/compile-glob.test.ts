import { describe, expect, it } from "vitest";
import { compileGlob } from "../../../src/glob/compile-glob.js";
import { expandBraces } from "../../../src/glob/expand-braces.js";

describe("compileGlob", () => {
  it.each([
    ["src/**", "src/a/b.ts", true],
    ["src/**", "src", true],
    ["src/**", "lib/a.ts", false],
    ["**/*.test.*", "a/b/c.test.ts", true],
    ["**/*.test.*", "c.test.ts", true],
    ["**/*.test.*", "a/ctest.ts", false],
    ["**/__tests__/**", "src/__tests__/a.ts", true],
    ["*.md", "README.md", true],
    ["*.md", "docs/a.md", false],
    ["**/*.md", ".github/a.md", true],
    [".github/**", ".github/workflows/ci.yml", true],
    ["src/?.ts", "src/a.ts", true],
    ["src/?.ts", "src/ab.ts", false],
    ["src/[a-c]*.ts", "src/b1.ts", true],
    ["src/[!a-c]*.ts", "src/b1.ts", false],
    ["src/[^a-c]*.ts", "src/d1.ts", true],
    ["src/{app,lib}/*.ts", "src/lib/a.ts", true],
    ["src/{app,lib}/*.ts", "src/pkg/a.ts", false],
    ["src/{a,b{c,d}}.ts", "src/bd.ts", true],
    ["src/\\*.ts", "src/*.ts", true],
    ["src/\\*.ts", "src/a.ts", false],
    ["*/**", "README.md", false],
    ["*/**", "a/b", true],
    ["a/**/b", "a/b", true],
    ["a/**/b", "a/x/y/b", true],
    ["./src/*.ts", "src/a.ts", true],
  ])("%s matches %s: %s", (glob, path, expected) => {
    expect(compileGlob(glob)(path)).toBe(expected);
  });

  it("cannot backtrack: the glob that stalled picomatch for 101 s answers at once, and 10 times the path costs at most about 10 times the work", () => {
    const glob = "**/**/**/**/**/**/**/**/*a*a*a*a*a*a*a*a*a*a*b";
    const matches = compileGlob(glob);
    const timed = (path: string): number => {
      let fastest = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 5; run += 1) {
        const started = performance.now();
        for (let repeat = 0; repeat < 20; repeat += 1) expect(matches(path)).toBe(false);
        fastest = Math.min(fastest, performance.now() - started);
      }
      return fastest;
    };
    timed(`src/${"a".repeat(40)}.ts`);
    const short = timed(`src/${"a".repeat(400)}.ts`);
    const long = timed(`src/${"a".repeat(4_000)}.ts`);
    expect(long / short).toBeLessThan(30);
  });
});

describe("expandBraces", () => {
  it("expands comma lists, nested ones too, and leaves the rest", () => {
    expect(expandBraces("a/{b,c{d,e}}/{f}", 10)).toEqual({ globs: ["a/b/{f}", "a/cd/{f}", "a/ce/{f}"], complete: true });
    expect(expandBraces("a\\{b,c}", 10)).toEqual({ globs: ["a\\{b,c}"], complete: true });
  });

  it("stops at the bound it is given", () => {
    const { globs, complete } = expandBraces("{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}", 32);
    expect(globs).toHaveLength(32);
    expect(complete).toBe(false);
  });
});
