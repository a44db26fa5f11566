/** The families of test-disabling markers eng-health recognises. */
export type DisabledTestKind =
  | "skip" // it.skip(, describe.skip(, test.skip(, context.skip(, it.skip.each(
  | "x-prefix" // xit(, xdescribe(, xtest(, xcontext(
  | "todo" // it.todo(, test.todo(
  | "pytest-skip" // @pytest.mark.skip, @pytest.mark.skipif
  | "unittest-skip" // @unittest.skip, @unittest.skipIf, @unittest.skipUnless
  | "junit-disabled" // @Disabled (JUnit 5)
  | "junit-ignore" // @Ignore (JUnit 4)
  | "go-skip" // t.Skip(, t.Skipf(, t.SkipNow(
  | "rust-ignore"; // #[ignore], #[ignore = "reason"]

/** A marker found on one line. */
export interface DisabledTestMarker {
  kind: DisabledTestKind;
  /** The marker as written on the line, e.g. `it.skip(` or `@pytest.mark.skipif`. */
  text: string;
}

/**
 * Patterns in the order they are tried. Each is anchored so that the marker is
 * a whole token: `maxit(` is not `xit(`, `@DisabledOnOs` is not `@Disabled`.
 * `.skip(` on other receivers (`stream.skip(2)`) is an accepted false positive.
 */
const MARKERS: ReadonlyArray<{ kind: DisabledTestKind; pattern: RegExp }> = [
  { kind: "pytest-skip", pattern: /@pytest\.mark\.skip(?:if)?\b/ },
  { kind: "unittest-skip", pattern: /@unittest\.skip(?:If|Unless)?\b/ },
  { kind: "junit-disabled", pattern: /@Disabled\b(?![.\w])/ },
  { kind: "junit-ignore", pattern: /@Ignore\b(?![.\w])/ },
  { kind: "go-skip", pattern: /(?<![\w$.])t\.Skip(?:f|Now)?\s*\(/ },
  { kind: "rust-ignore", pattern: /#\[ignore\b[^\]]*\]/ },
  { kind: "todo", pattern: /(?<![\w$.])(?:it|test)\.todo\s*\(/ },
  { kind: "x-prefix", pattern: /(?<![\w$.])x(?:it|describe|test|context)\s*\(/ },
  { kind: "skip", pattern: /(?:[\w$]+)?\.skip(?:\.each)?\s*\(/ },
];

/**
 * The test-disabling marker on one line of code, if any.
 *
 * Input: one line's text (say, an added line from a patch).
 * Output: the first marker found, trying the more specific kinds first, or
 * `undefined`. One marker per line is enough: each is reported on its line.
 * Recognised: `.skip(` (`it.skip(`, `describe.skip(`, `test.skip(`), `xit(`,
 * `xdescribe(`, `xtest(`, `xcontext(`, `it.todo(`, `test.todo(`,
 * `@pytest.mark.skip`/`skipif`, `@unittest.skip*`, `@Disabled`, `@Ignore`,
 * `t.Skip(`/`Skipf(`/`SkipNow(`, `#[ignore]`. Pure.
 */
export function detectDisabledTestMarker(line: string): DisabledTestMarker | undefined {
  for (const { kind, pattern } of MARKERS) {
    const match = pattern.exec(line);
    if (match) return { kind, text: match[0].replace(/\s+(?=\()/, "") };
  }
  return undefined;
}
