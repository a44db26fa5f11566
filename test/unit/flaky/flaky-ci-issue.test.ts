import { describe, expect, it } from "vitest";
import { extractTestReferences } from "../../../src/flaky/extract-test-references.js";
import { parseFlakyCiMarker, renderFlakyCiMarker } from "../../../src/flaky/flaky-ci-marker.js";
import { planFlakyCiIssue, type ExistingFlakyCiIssue, type PlanInput } from "../../../src/flaky/plan-flaky-ci-issue.js";
import { MAX_RECORDED_OCCURRENCES, recordFlakyOccurrence } from "../../../src/flaky/record-flaky-occurrence.js";
import { FLAKY_CI_EVIDENCE_ANCHOR, renderFlakyCiBody, renderFlakyCiTitle } from "../../../src/flaky/render-flaky-ci-issue.js";
import { DEFAULT_CONFIG } from "../../../src/config/schema.js";
import { ISSUE_BODY_MAX_CHARS } from "../../../src/model/github-limits.js";
import type { FlakyCiEvidence, FlakyOccurrenceRecord } from "../../../src/model/flaky-ci.js";
import { utf8Bytes } from "../../../src/text/truncate-utf8.js";

const REPO_URL = "https://github.com/acme/widgets";
const FLAKY = { label: "flaky-test", min_occurrences: 1 };
const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

function occurrence(overrides: Partial<FlakyOccurrenceRecord> = {}): FlakyOccurrenceRecord {
  return { at: "2026-11-16T12:20:00Z", sha: SHA, pr: 2, failed: 101, passed: 102, minutes: 4, ...overrides };
}

function plan(overrides: Partial<PlanInput> = {}) {
  return planFlakyCiIssue({ key: { check: "unit-tests" }, existing: null, record: occurrence(), flaky: FLAKY, repoUrl: REPO_URL, ...overrides });
}

function existing(change: ReturnType<typeof plan>, overrides: Partial<ExistingFlakyCiIssue> = {}): ExistingFlakyCiIssue {
  if (change.kind === "none") throw new Error("nothing was planned");
  const evidence = parseFlakyCiMarker(change.body);
  if (evidence === null) throw new Error("no marker");
  const labels = change.kind === "create" ? change.labels : (change.labels ?? [FLAKY.label]);
  return { number: 7, htmlUrl: "https://github.com/acme/widgets/issues/7", state: "open", labels, body: change.body, evidence, ...overrides };
}

describe("renderFlakyCiTitle", () => {
  it("names the check, or the test and its check, within GitHub's 256 characters", () => {
    expect(renderFlakyCiTitle({ check: "unit-tests" })).toBe("Flaky: unit-tests");
    expect(renderFlakyCiTitle({ check: "unit-tests", test: "cache › expires entries" })).toBe("Flaky: cache › expires entries (unit-tests)");
    expect(Array.from(renderFlakyCiTitle({ check: "x".repeat(300) }))).toHaveLength(256);
  });
});

describe("the first occurrence of a check", () => {
  it("creates an issue with the label, the team-level text, the evidence table and the marker", () => {
    const change = plan();
    expect(change).toMatchObject({ kind: "create", title: "Flaky: unit-tests", labels: ["flaky-test"], close: false, pending: false });
    expect(change.kind === "create" ? change.body : "").toMatchInlineSnapshot(`
      "The check \`unit-tests\` failed and then passed when it ran again on the same commit: the code did not change, but the outcome did. eng-health records each time this happens below, with the minutes of CI the failed runs took.

      A check that fails at random teaches everyone to re-run it instead of reading a red build, so the team agreed to track flaky tests as issues and fix them. Could someone open the failed run's log, look for what differs between the runs (timing, ordering, shared state, the network), and assign themselves?

      <!-- eng-health:flaky-ci-evidence -->
      ### Evidence from CI

      1 flaky occurrence so far; the failed runs took 4 minutes of CI.

      | When (UTC) | PR or branch | Head SHA | Failed run | Passing run | Minutes of the failed runs |
      |---|---|---|---|---|---|
      | 2026-11-16 12:20 | [#2](https://github.com/acme/widgets/pull/2) | [\`ec26c3e\`](https://github.com/acme/widgets/commit/ec26c3e57ca3a959ca5aad62de7213c562f8c821) | [101](https://github.com/acme/widgets/runs/101) | [102](https://github.com/acme/widgets/runs/102) | 4 |

      <sub>Recorded by eng-health from check runs: each new occurrence adds a row and reopens this issue if it was closed · [settings](https://github.com/eng-health/eng-health#configuration) \`flaky.from_checks\`, \`flaky.ignore_checks\`, \`flaky.min_occurrences\`</sub>
      <!-- eng-health:flaky-ci {"check":"unit-tests","occurrences":[{"at":"2026-11-16T12:20:00Z","sha":"ec26c3e57ca3a959ca5aad62de7213c562f8c821","pr":2,"failed":101,"passed":102,"minutes":4}]} -->"
    `);
  });

  it("for a test: names the test and its file, so PR awareness finds the file", () => {
    const change = plan({ key: { check: "unit-tests", test: "cache › expires entries" }, path: "test/widgets/cache.test.ts" });
    const body = change.kind === "create" ? change.body : "";
    expect(change).toMatchObject({ title: "Flaky: cache › expires entries (unit-tests)" });
    expect(body.split("\n")[0]).toBe(
      "The test `cache › expires entries` in `test/widgets/cache.test.ts` failed in the check `unit-tests`, and then passed when the check ran again on the same commit: the code did not change, but the outcome did. eng-health records each time this happens below, with the minutes of CI the failed runs took.",
    );
    expect(extractTestReferences(`${change.kind === "create" ? change.title : ""}\n${body}`, DEFAULT_CONFIG.tests.tests).paths).toEqual(["test/widgets/cache.test.ts"]);
    expect(parseFlakyCiMarker(body)).toMatchObject({ check: "unit-tests", test: "cache › expires entries", path: "test/widgets/cache.test.ts" });
  });

  it("for a test named by path and line: `at path:line`", () => {
    const change = plan({ key: { check: "unit-tests", test: "test/a.test.ts:31" }, path: "test/a.test.ts" });
    expect(change.kind === "create" ? change.body : "").toMatch(/^The test at `test\/a\.test\.ts:31` failed in the check `unit-tests`,/);
  });

  it("shows a branch when no PR is known, and several failed attempts", () => {
    const change = plan({ record: occurrence({ pr: undefined, branch: "main", failures: 2 }) });
    expect(change.kind === "create" ? change.body : "").toContain("| `main` | [`ec26c3e`]");
    expect(change.kind === "create" ? change.body : "").toContain("[101](https://github.com/acme/widgets/runs/101) (2 failed attempts)");
  });
});

describe("later occurrences", () => {
  it("the same pair of runs again: nothing", () => {
    expect(plan({ existing: existing(plan()) })).toEqual({ kind: "none" });
  });

  it("a second occurrence adds one row, keeps the team's edits above the evidence, and leaves title and labels alone", () => {
    const first = existing(plan());
    const edited = first.body.replace("Could someone open", "We think it is the clock. Could someone open");
    const change = plan({ existing: { ...first, body: `${edited}` }, record: occurrence({ sha: "f".repeat(40), failed: 201, passed: 202, minutes: 3.5, at: "2026-11-17T09:00:00Z" }) });
    expect(change).toMatchObject({ kind: "update", number: 7, pending: false });
    expect(change.kind === "update" && (change.title ?? change.state ?? change.labels)).toBe(undefined);
    const body = change.kind === "update" ? change.body : "";
    expect(body).toContain("We think it is the clock.");
    expect(body).toContain("2 flaky occurrences so far; the failed runs took 7.5 minutes of CI.");
    expect(body.match(/^\| 2026-/gm)).toHaveLength(2);
    expect(body.split(FLAKY_CI_EVIDENCE_ANCHOR)).toHaveLength(2);
    expect(parseFlakyCiMarker(body)?.occurrences.map((recorded) => recorded.passed)).toEqual([102, 202]);
  });

  it("a closed issue whose flakiness came back is reopened", () => {
    const change = plan({ existing: existing(plan(), { state: "closed" }), record: occurrence({ failed: 301, passed: 302 }) });
    expect(change).toMatchObject({ kind: "update", state: "open" });
  });

  it("a body without the anchor (edited away) keeps its text and gets the evidence again at the end", () => {
    const first = existing(plan());
    const body = `Our own words.\n${renderFlakyCiMarker(first.evidence)}`;
    const change = plan({ existing: { ...first, body }, record: occurrence({ failed: 301, passed: 302 }) });
    expect(change.kind === "update" ? change.body : "").toMatch(/^Our own words\.\n\n<!-- eng-health:flaky-ci-evidence -->/);
  });
});

describe("flaky.min_occurrences", () => {
  const twice = { ...FLAKY, min_occurrences: 2 };

  it("below the count: a pending issue, without the label, closed at once, saying what it waits for", () => {
    const change = plan({ flaky: twice });
    expect(change).toMatchObject({ kind: "create", title: "Flaky: unit-tests", labels: [], close: true, pending: true });
    const body = change.kind === "create" ? change.body : "";
    expect(body.split("\n")[0]).toBe(
      "eng-health saw `unit-tests` fail and then pass on the same commit once. The team asked for a flaky-test issue once that happens twice (`flaky.min_occurrences`), so this issue stays closed, without the `flaky-test` label, until then.",
    );
    expect(parseFlakyCiMarker(body)?.pending).toBe(true);
  });

  it("reaching the count: the pending issue reopens with the label and the full text", () => {
    const pending = existing(plan({ flaky: twice }), { state: "closed", labels: [] });
    const change = plan({ flaky: twice, existing: pending, record: occurrence({ failed: 201, passed: 202 }) });
    expect(change).toMatchObject({ kind: "update", title: "Flaky: unit-tests", state: "open", labels: ["flaky-test"], pending: false });
    const body = change.kind === "update" ? change.body : "";
    expect(body).toMatch(/^The check `unit-tests` failed and then passed/);
    expect(parseFlakyCiMarker(body)?.pending).toBeUndefined();
    expect(parseFlakyCiMarker(body)?.occurrences).toHaveLength(2);
  });

  it("still below the count: the row is added and a pending issue left open is closed", () => {
    const thrice = { ...FLAKY, min_occurrences: 3 };
    const pending = existing(plan({ flaky: thrice }), { state: "open", labels: [] });
    const change = plan({ flaky: thrice, existing: pending, record: occurrence({ failed: 201, passed: 202 }) });
    expect(change).toMatchObject({ kind: "update", state: "closed", pending: true });
    expect(change.kind === "update" ? change.body : "").toContain("on the same commit twice.");
  });

  it("a pending issue the team labelled is tracked at once", () => {
    const thrice = { ...FLAKY, min_occurrences: 3 };
    const labelled = existing(plan({ flaky: thrice }), { state: "open", labels: ["flaky-test"] });
    expect(plan({ flaky: thrice, existing: labelled, record: occurrence({ failed: 201, passed: 202 }) })).toMatchObject({ kind: "update", pending: false });
  });
});

describe("the evidence marker", () => {
  it("round-trips, and drops what is not well-formed", () => {
    const evidence: FlakyCiEvidence = { check: "a --> b", test: "t", path: "test/a.test.ts", occurrences: [occurrence({ tests: ["t", "u"], failures: 3 })], earlier: { count: 2, minutes: 9 } };
    expect(parseFlakyCiMarker(`text\n${renderFlakyCiMarker(evidence)}`)).toEqual(evidence);
    const broken = '<!-- eng-health:flaky-ci {"check":"x","occurrences":[{"at":"nope","sha":"s","failed":1,"passed":2,"minutes":1},{"at":"2026-11-16T00:00:00Z","sha":"s","failed":1,"passed":2,"minutes":-1},{"at":"2026-11-16T00:00:00Z","sha":"s","failed":1,"passed":2,"minutes":1}]} -->';
    expect(parseFlakyCiMarker(broken)?.occurrences).toHaveLength(1);
    expect(parseFlakyCiMarker('<!-- eng-health:flaky-ci {"test":"x"} -->')).toBeNull();
    expect(parseFlakyCiMarker("no marker")).toBeNull();
  });

  it(`keeps the latest ${MAX_RECORDED_OCCURRENCES} occurrences and folds the rest into a count`, () => {
    let evidence: FlakyCiEvidence = { check: "unit-tests", occurrences: [] };
    for (let index = 0; index < MAX_RECORDED_OCCURRENCES + 3; index += 1) {
      const at = new Date(Date.parse("2026-01-01T00:00:00Z") + index * 3_600_000).toISOString();
      evidence = recordFlakyOccurrence(evidence, occurrence({ at, failed: 1000 + index, passed: 2000 + index, minutes: 2 })).evidence;
    }
    expect(evidence.occurrences).toHaveLength(MAX_RECORDED_OCCURRENCES);
    expect(evidence.earlier).toEqual({ count: 3, minutes: 6 });
    expect(evidence.occurrences[0]?.failed).toBe(1003);
    const body = renderFlakyCiBody({ evidence, repoUrl: REPO_URL, flaky: FLAKY });
    expect(body).toContain("103 flaky occurrences so far; the failed runs took 206 minutes of CI. The table shows the latest 50.");
    expect(body.match(/^\| 2026-/gm)).toHaveLength(50);
  });

  it("stays within GitHub's body limit: fewer rows, then the team's text is cut", () => {
    const evidence: FlakyCiEvidence = { check: "unit-tests", occurrences: [occurrence()] };
    const huge = `${"x".repeat(ISSUE_BODY_MAX_CHARS)}\n${FLAKY_CI_EVIDENCE_ANCHOR}`;
    const body = renderFlakyCiBody({ evidence, repoUrl: REPO_URL, flaky: FLAKY, previousBody: huge });
    expect(utf8Bytes(body)).toBeLessThanOrEqual(ISSUE_BODY_MAX_CHARS);
    expect(parseFlakyCiMarker(body)).toEqual(evidence);
  });
});
