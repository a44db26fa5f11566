import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type Config } from "../../../src/config/schema.js";
import type { ChangedFile, FlakyIssue } from "../../../src/model/pull-request-facts.js";
import { evaluateRules } from "../../../src/rules/evaluate-rules.js";
import { flakyRule } from "../../../src/rules/flaky.js";
import { buildFacts } from "../../helpers/build-facts.js";

const NOW = "2026-11-16T12:00:00Z";

/** An open flaky issue labelled `daysAgo` days before NOW, assigned unless told otherwise. */
function issue(number: number, daysAgo: number, overrides: Partial<FlakyIssue> = {}): FlakyIssue {
  const at = new Date(Date.parse(NOW) - daysAgo * 86_400_000).toISOString();
  return {
    number,
    title: `Flaky test ${number}`,
    body: "",
    htmlUrl: `https://github.com/acme/widgets/issues/${number}`,
    createdAt: at,
    assignees: ["someone"],
    labels: ["flaky-test"],
    ...overrides,
  };
}

function file(filename: string, overrides: Partial<ChangedFile> = {}): ChangedFile {
  return { filename, status: "modified", additions: 4, deletions: 2, ...overrides };
}

function withFlaky(flaky: Partial<Config["flaky"]>): Config {
  return { ...DEFAULT_CONFIG, flaky: { ...DEFAULT_CONFIG.flaky, ...flaky } };
}

function evaluate(flakyIssues: FlakyIssue[], config: Config = DEFAULT_CONFIG, extra: Parameters<typeof buildFacts>[0] = {}) {
  return flakyRule.evaluate(buildFacts({ now: NOW, flakyIssues, ...extra }), config);
}

describe("flakyRule: identity", () => {
  it("is the flaky rule, at flaky.level, with no skip labels", () => {
    expect(flakyRule.id).toBe("flaky");
    expect(flakyRule.agreement).toBe("Flaky tests are owned");
    expect(flakyRule.level(withFlaky({ level: "warning" }))).toBe("warning");
    expect(flakyRule.level(DEFAULT_CONFIG)).toBe("notice");
    expect(flakyRule.skipLabels(DEFAULT_CONFIG)).toEqual([]);
  });

  it("reports at the configured level through evaluateRules", () => {
    const [result] = evaluateRules([flakyRule], buildFacts({ now: NOW, flakyIssues: [issue(1, 30)] }), withFlaky({ level: "warning" }));
    expect(result).toMatchObject({ id: "flaky", level: "warning", status: "fail" });
  });
});

describe("flakyRule: policy", () => {
  it.each<[string, FlakyIssue[], Partial<Config["flaky"]>, "pass" | "fail", string]>([
    ["no open flaky tests", [], {}, "pass", "No open flaky tests."],
    ["one young, assigned test", [issue(1, 3.5)], {}, "pass", "1 open flaky test, 3.5 days old (limit 14)."],
    [
      "ten tests, at the open limit",
      Array.from({ length: 10 }, (_, i) => issue(i + 1, 2)),
      {},
      "pass",
      "10 open flaky tests, oldest 2 days (limit 14).",
    ],
    [
      "eleven tests, over the open limit",
      Array.from({ length: 11 }, (_, i) => issue(i + 1, 2)),
      {},
      "fail",
      "11 open flaky tests (limit 10), oldest 2 days (limit 14).",
    ],
    ["a test exactly max_age_days old", [issue(1, 14), issue(2, 1)], {}, "pass", "2 open flaky tests, oldest 14 days (limit 14)."],
    ["a test just over max_age_days", [issue(1, 14.1), issue(2, 1)], {}, "fail", "2 open flaky tests, oldest 14.1 days (limit 14)."],
    ["an unassigned test with require_assignee", [issue(1, 1, { assignees: [] })], {}, "fail", "1 open flaky test, 1 day old (limit 14), 1 unassigned."],
    [
      "an unassigned test without require_assignee",
      [issue(1, 1, { assignees: [] })],
      { require_assignee: false },
      "pass",
      "1 open flaky test, 1 day old (limit 14).",
    ],
    ["a custom max_open", [issue(1, 1), issue(2, 1)], { max_open: 1 }, "fail", "2 open flaky tests (limit 1), oldest 1 day (limit 14)."],
    ["a custom max_age_days", [issue(1, 4)], { max_age_days: 3 }, "fail", "1 open flaky test, 4 days old (limit 3)."],
  ])("%s", (_case, issues, flaky, status, message) => {
    const result = evaluate(issues, withFlaky(flaky));
    expect(result.status).toBe(status);
    expect(result.message).toBe(message);
    expect(result.findings.length).toBe(status === "fail" ? 1 : 0);
  });

  it("phrases every exceeded limit as one team-level note that links the issues", () => {
    const issues = [
      ...Array.from({ length: 9 }, (_, i) => issue(400 + i, 2)),
      issue(380, 23, { assignees: [] }),
      issue(391, 16),
      issue(402, 5, { assignees: [] }),
    ];
    const result = evaluate(issues);
    expect(result.status).toBe("fail");
    expect(result.message).toBe("12 open flaky tests (limit 10), oldest 23 days (limit 14), 2 unassigned.");
    expect(result.findings).toEqual([
      {
        message:
          "This repository has 12 open flaky tests (the team's limit is 10). " +
          "#380 and #391 have been open longer than the team's limit of 14 days; the oldest, #380, for 23 days. " +
          "#380 and #402 have no one assigned. " +
          "Flaky tests that linger teach everyone to ignore a red build, so the team agreed to keep them few, owned and short-lived. " +
          "This is a note for the whole team, not about this PR. " +
          "Could someone pick up #380 this week?",
      },
    ]);
  });

  it.each<[string, FlakyIssue[], Partial<Config["flaky"]>, string, string]>([
    ["a single over-age, assigned issue", [issue(380, 23)], {}, "#380 has been open 23 days (the team's limit is 14 days).", "What would it take to close #380 this week?"],
    ["a single unassigned issue", [issue(402, 1, { assignees: [] })], {}, "#402 has no one assigned.", "Could someone pick up #402 this week?"],
    [
      "over the open limit only",
      [issue(1, 1), issue(2, 3)],
      { max_open: 1 },
      "This repository has 2 open flaky tests (the team's limit is 1).",
      "What would it take to close #2 this week?",
    ],
    [
      "an unassigned issue that is not over age, while another is",
      [issue(5, 20), issue(6, 2, { assignees: [] })],
      {},
      "#5 has been open 20 days (the team's limit is 14 days). #6 has no one assigned.",
      "What would it take to close #5 this week?",
    ],
  ])("writes the note for %s", (_case, issues, flaky, facts, ask) => {
    const [finding] = evaluate(issues, withFlaky(flaky)).findings;
    expect(finding?.message.startsWith(facts)).toBe(true);
    expect(finding?.message).toContain("not about this PR");
    expect(finding?.message.endsWith(ask)).toBe(true);
    expect(finding?.annotation).toBeUndefined();
  });

  it("never names the PR author", () => {
    const result = evaluate([issue(1, 30, { assignees: [] })], DEFAULT_CONFIG, { author: { login: "octocat", type: "User" } });
    expect(result.findings.map((finding) => finding.message).join(" ")).not.toMatch(/octocat|you /i);
  });

  it("reads facts.flakyIssues as given: renaming the label in the config changes nothing", () => {
    const issues = [issue(1, 30, { assignees: [] }), issue(2, 1)];
    const renamed = evaluate(issues, withFlaky({ label: "flaky" }));
    expect(renamed).toEqual(evaluate(issues));
    expect(renamed.status).toBe("fail");
  });

  it("ages from labeledAt when the label came later than the issue", () => {
    const relabelled = issue(1, 60, { labeledAt: "2026-11-13T12:00:00Z" });
    expect(evaluate([relabelled])).toMatchObject({ status: "pass", message: "1 open flaky test, 3 days old (limit 14)." });
  });
});

describe("flakyRule: PR awareness", () => {
  const cacheIssue = issue(12, 2, { title: "Flaky: test/widgets/cache.test.ts", body: 'cache › "expires entries"' });

  it("asks whether the PR fixes a flaky test it changes, with a notice annotation", () => {
    const result = evaluate([cacheIssue, issue(13, 1)], DEFAULT_CONFIG, {
      files: [file("src/widgets/cache.ts"), file("test/widgets/cache.test.ts")],
    });
    expect(result.status).toBe("pass");
    expect(result.message).toBe(
      "2 open flaky tests, oldest 2 days (limit 14). This PR changes a test that #12 reports as flaky.",
    );
    expect(result.findings).toEqual([
      {
        message:
          "This PR changes `test/widgets/cache.test.ts`, which #12 reports as flaky. Does this PR fix it? " +
          "If so, `Fixes #12` in the description closes the issue on merge.",
        annotation: {
          path: "test/widgets/cache.test.ts",
          startLine: 1,
          endLine: 1,
          level: "notice",
          title: "Known flaky test",
          message:
            '#12 reports this test as flaky. Does this PR fix it? If so, "Fixes #12" in the description closes the issue on merge.',
        },
      },
    ]);
  });

  it("finds nothing when the PR changes no test a flaky issue mentions", () => {
    const result = evaluate([cacheIssue], DEFAULT_CONFIG, { files: [file("test/widgets/store.test.ts"), file("src/widgets/cache.ts")] });
    expect(result).toEqual({ status: "pass", message: "1 open flaky test, 2 days old (limit 14).", findings: [] });
  });

  it.each(["Fixes #12", "closes #12", "This RESOLVES #12."])("thanks instead of asking when the body says %j", (body) => {
    const result = evaluate([cacheIssue], DEFAULT_CONFIG, { body, files: [file("test/widgets/cache.test.ts")] });
    expect(result.status).toBe("pass");
    expect(result.message).toBe("1 open flaky test, 2 days old (limit 14). This PR closes #12 on merge: thank you.");
    expect(result.findings).toEqual([
      {
        message:
          "Thanks for taking on a flaky test: this PR changes `test/widgets/cache.test.ts`, which #12 reports as flaky, " +
          "and its description closes the issue on merge.",
      },
    ]);
  });

  it("thanks for the closed issue and asks about the other when two issues mention the file", () => {
    const other = issue(15, 1, { title: "Cache flakes again", body: "https://github.com/acme/widgets/blob/main/test/widgets/cache.test.ts#L40" });
    const result = evaluate([cacheIssue, other], DEFAULT_CONFIG, { body: "Fixes #12", files: [file("test/widgets/cache.test.ts")] });
    expect(result.message).toBe(
      "2 open flaky tests, oldest 2 days (limit 14). This PR changes a test that #15 reports as flaky. This PR closes #12 on merge: thank you.",
    );
    expect(result.findings[0]?.message).toBe(
      "This PR changes `test/widgets/cache.test.ts`, which #12 and #15 report as flaky, and its description closes #12 on merge: thank you. " +
        "Does it also fix #15? If so, `Fixes #15` in the description closes the issue on merge.",
    );
    expect(result.findings[0]?.annotation?.message).toBe(
      '#15 reports this test as flaky. Does this PR fix it? If so, "Fixes #15" in the description closes the issue on merge.',
    );
  });

  it("does not annotate a deleted test file, which has no line 1", () => {
    const result = evaluate([cacheIssue], DEFAULT_CONFIG, { files: [file("test/widgets/cache.test.ts", { status: "removed" })] });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.annotation).toBeUndefined();
  });

  it("names the old path of a renamed flaky test", () => {
    const result = evaluate([cacheIssue], DEFAULT_CONFIG, {
      files: [file("test/cache/cache.test.ts", { status: "renamed", previousFilename: "test/widgets/cache.test.ts" })],
    });
    expect(result.findings[0]?.message).toMatch(/^This PR changes `test\/cache\/cache.test.ts` \(renamed from `test\/widgets\/cache.test.ts`\), which #12/);
    expect(result.findings[0]?.annotation?.path).toBe("test/cache/cache.test.ts");
  });

  it("keeps the policy failure and puts the PR's own finding first", () => {
    const stale = issue(12, 30, { title: "Flaky: test/widgets/cache.test.ts" });
    const result = evaluate([stale], DEFAULT_CONFIG, { files: [file("test/widgets/cache.test.ts")] });
    expect(result.status).toBe("fail");
    expect(result.findings).toHaveLength(2);
    expect(result.findings[0]?.message).toMatch(/^This PR changes `test\/widgets\/cache.test.ts`/);
    expect(result.findings[1]?.message).toMatch(/^#12 has been open 30 days/);
  });

  it("matches with the configured test globs", () => {
    const e2e = issue(7, 1, { title: "Flaky: e2e/login.cy.ts" });
    const files = [file("e2e/login.cy.ts")];
    expect(evaluate([e2e], DEFAULT_CONFIG, { files }).findings).toEqual([]);
    const config: Config = { ...DEFAULT_CONFIG, tests: { ...DEFAULT_CONFIG.tests, tests: ["e2e/**"] } };
    expect(evaluate([e2e], config, { files }).findings).toHaveLength(1);
  });
});
