import { describe, expect, it } from "vitest";
import { detectFlakyOccurrence } from "../../../src/flaky/detect-flaky-occurrence.js";
import type { CheckRunFact } from "../../../src/model/flaky-ci.js";

const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const ACTIONS = 15368;
const OWN = { appId: 123, name: "Engineering practices" };

/** Run `id` of `unit-tests` on SHA, by GitHub Actions, completed at minute `id` after 12:00 after running `minutes`. */
function run(id: number, conclusion: string | null, overrides: Partial<CheckRunFact> = {}): CheckRunFact {
  const completed = new Date(Date.parse("2026-11-16T12:00:00Z") + id * 60_000 * 10);
  const started = new Date(completed.getTime() - 4 * 60_000);
  return {
    id,
    name: "unit-tests",
    headSha: SHA,
    status: conclusion === null ? "in_progress" : "completed",
    conclusion,
    startedAt: started.toISOString(),
    completedAt: conclusion === null ? null : completed.toISOString(),
    appId: ACTIONS,
    ...overrides,
  };
}

const detect = (passed: CheckRunFact, runs: CheckRunFact[]) => detectFlakyOccurrence(passed, [...runs, passed], OWN);

describe("detectFlakyOccurrence", () => {
  it("fail then pass on the same commit: one occurrence, with the failed run's minutes", () => {
    const occurrence = detect(run(2, "success"), [run(1, "failure")]);
    expect(occurrence).toEqual({
      check: "unit-tests",
      headSha: SHA,
      failedRuns: [run(1, "failure")],
      passed: run(2, "success"),
      minutes: 4,
    });
  });

  it("a timed-out run counts as a failure", () => {
    expect(detect(run(2, "success"), [run(1, "timed_out")])?.failedRuns.map((failed) => failed.id)).toEqual([1]);
  });

  it.each([
    ["pass only", run(2, "success"), [run(1, "success")]],
    ["a first run that passes", run(1, "success"), []],
    ["fail only (the failing run's own event)", run(1, "failure"), []],
    ["fail then fail", run(2, "failure"), [run(1, "failure")]],
    ["fail then neutral", run(2, "neutral"), [run(1, "failure")]],
    ["fail then skipped", run(2, "skipped"), [run(1, "failure")]],
    ["fail then cancelled", run(2, "cancelled"), [run(1, "failure")]],
    ["cancelled then pass", run(2, "success"), [run(1, "cancelled")]],
    ["a failure on a different commit", run(2, "success"), [run(1, "failure", { headSha: "0".repeat(40) })]],
    ["a failure of another check", run(2, "success"), [run(1, "failure", { name: "lint" })]],
    ["a failure by another app with the same check name", run(2, "success"), [run(1, "failure", { appId: 42 })]],
    ["a failure that completed after the pass", run(1, "success"), [run(2, "failure")]],
    ["a run still in progress", run(2, "success"), [run(1, null)]],
  ])("%s: none", (_case, passed, runs) => {
    expect(detect(passed, runs)).toBeNull();
  });

  it("eng-health's own runs are never occurrences: by app id, and by check name", () => {
    expect(detect(run(2, "success", { appId: OWN.appId }), [run(1, "failure", { appId: OWN.appId })])).toBeNull();
    const byName = { name: OWN.name };
    expect(detect(run(2, "success", byName), [run(1, "failure", byName)])).toBeNull();
    expect(detectFlakyOccurrence(run(2, "success", byName), [run(1, "failure", byName)], { name: OWN.name })).toBeNull();
  });

  it("fail, fail, pass: one occurrence with both failed runs and their minutes summed", () => {
    const occurrence = detect(run(3, "success"), [run(1, "failure"), run(2, "timed_out")]);
    expect(occurrence?.failedRuns.map((failed) => failed.id)).toEqual([1, 2]);
    expect(occurrence?.minutes).toBe(8);
  });

  it("fail, pass, fail, pass: each pass finds only the failures since the last pass", () => {
    const runs = [run(1, "failure"), run(2, "success"), run(3, "failure"), run(4, "success")];
    expect(detectFlakyOccurrence(run(2, "success"), runs, OWN)?.failedRuns.map((failed) => failed.id)).toEqual([1]);
    expect(detectFlakyOccurrence(run(4, "success"), runs, OWN)?.failedRuns.map((failed) => failed.id)).toEqual([3]);
  });

  it("pass, fail, pass: the second pass finds the failure in between", () => {
    const runs = [run(1, "success"), run(2, "failure"), run(3, "success")];
    expect(detectFlakyOccurrence(run(1, "success"), runs, OWN)).toBeNull();
    expect(detectFlakyOccurrence(run(3, "success"), runs, OWN)?.failedRuns.map((failed) => failed.id)).toEqual([2]);
  });

  it("orders by completion time, then by id when times are equal or missing", () => {
    const sameTime = { completedAt: "2026-11-16T12:30:00Z" };
    expect(detect(run(9, "success", sameTime), [run(8, "failure", sameTime)])?.failedRuns.map((failed) => failed.id)).toEqual([8]);
    expect(detect(run(8, "success", sameTime), [run(9, "failure", sameTime)])).toBeNull();
  });

  it("a failed run without start or completion time costs 0 minutes", () => {
    expect(detect(run(2, "success"), [run(1, "failure", { startedAt: null })])?.minutes).toBe(0);
  });

  it("rounds the minutes to one decimal", () => {
    const failed = run(1, "failure", { startedAt: "2026-11-16T12:00:00Z", completedAt: "2026-11-16T12:03:20Z" });
    expect(detect(run(2, "success"), [failed])?.minutes).toBe(3.3);
  });
});
