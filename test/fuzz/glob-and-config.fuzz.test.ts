import fc from "fast-check";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/config/validate-config.js";
import { compileGlob } from "../../src/glob/compile-glob.js";

// Bounded runs: the whole fuzz suite stays within a few seconds of `npm test`.
const RUNS = { numRuns: 300 };

describe("fuzz: globs", () => {
  const piece = fc.constantFrom("a", "b", ".", "*", "?", "[ab]", "[a-c]", "{a,b}", "{a,*.b}", "{src,x/a}", "src", "test", "_", "-", "\\*");
  const segment = fc.oneof(
    fc.constant("**"),
    fc
      .array(piece, { minLength: 1, maxLength: 4 })
      .map((pieces) => pieces.join(""))
      .filter((text) => !text.includes("**")),
  );
  const glob = fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => segments.join("/"));
  const path = fc.array(fc.constantFrom("a", "b", "c", "a.", "src", "test", "_", "x.b", ".a", "ab.b", "*"), { minLength: 1, maxLength: 5 }).map((parts) => parts.join("/"));

  it("compileGlob agrees with picomatch ({ dot: true }) on its syntax", () => {
    fc.assert(
      fc.property(glob, path, (pattern, candidate) => {
        expect(compileGlob(pattern)(candidate)).toBe(picomatch(pattern, { dot: true, windows: false })(candidate));
      }),
      { numRuns: 3000 },
    );
  });

  it("any glob against any path answers within 50 ms", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 256 }), fc.string({ maxLength: 1024 }), (pattern, candidate) => {
        const started = performance.now();
        compileGlob(pattern)(candidate);
        expect(performance.now() - started).toBeLessThan(50);
      }),
      RUNS,
    );
  });
});

/** Hostile YAML: deep nesting, aliases, long strings, many keys, odd globs, tags, invalid UTF-8 decoded as GitHub's raw text would be. */
const hostileYaml = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.integer({ min: 1, max: 3_000 }).map((depth) => `${"a: [".repeat(depth)}1${"]".repeat(depth)}`),
  fc.integer({ min: 1, max: 400 }).map((count) => `x: &a [1]\n${Array.from({ length: count }, (_, index) => `k${index}: *a`).join("\n")}`),
  fc.integer({ min: 1, max: 200_000 }).map((length) => `checks:\n  name: "${"x".repeat(length)}"`),
  fc.integer({ min: 1, max: 3_000 }).map((count) => `tests:\n${Array.from({ length: count }, (_, index) => `  key_${index}: ${index}`).join("\n")}`),
  fc.array(fc.string({ maxLength: 60 }), { maxLength: 20 }).map((globs) => `tests:\n  source: ${JSON.stringify(globs)}\n`),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => new TextDecoder("utf-8", { fatal: false }).decode(bytes)),
  fc.constantFrom("a: !!js/function 'x'", "a: *nope", "- 1\n- 2", "a: 1\na: 2", "review: { business_hours: { start: '18:00', end: '09:00' } }", "\u0000\ufeff"),
);

describe("fuzz: configs", () => {
  it("validateConfig never throws, names a file and a line (or keyPath \"\") for every problem, and stays within a second", () => {
    fc.assert(
      fc.property(hostileYaml, hostileYaml, (own, extended) => {
        const started = performance.now();
        const result = validateConfig([
          { path: ".github/eng-health.yml", text: own },
          { path: "acme/.github:.github/eng-health.yml", text: extended },
        ]);
        expect(performance.now() - started).toBeLessThan(1000);
        for (const error of result.errors) {
          expect(error.path).not.toBe("");
          expect(error.line !== null || error.keyPath === "").toBe(true);
          expect(error.message.length).toBeGreaterThan(0);
        }
        expect(result.config.checks.name.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
