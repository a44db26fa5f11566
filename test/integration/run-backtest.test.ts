import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSyntheticGitHub, type SyntheticGitHub } from "../../bench/synthetic-github.js";
import { buildSyntheticRepository, type SyntheticRepository } from "../../bench/synthetic-repository.js";
import { backtestPeriod } from "../../src/backtest/backtest-period.js";
import { evaluateBacktest } from "../../src/backtest/evaluate-backtest.js";
import { renderBacktestJson } from "../../src/backtest/render-backtest-json.js";
import { runCli } from "../../src/cli/run-cli.js";
import { configSchema, DEFAULT_CONFIG } from "../../src/config/schema.js";
import { createClient } from "../../src/github/create-client.js";
import { mergedPullRequestNode, mockMergedSearch, words, type GraphqlBody } from "../helpers/mock-github.js";
import { API, mockConfigFile } from "../helpers/test-probot.js";

/** Tuesday of 2026-W48: the default period is 2026-W44 to 2026-W47 (UTC). */
const NOW = new Date("2026-11-24T10:00:00Z");
const ENV = { GITHUB_TOKEN: "test-token" };
const MERGED_SEARCH = "repo:acme/widgets is:pr is:merged merged:2026-10-26T00:00:00Z..2026-11-22T23:59:59Z created:<2026-11-23T00:00:00Z sort:created-asc";
const dir = mkdtempSync(join(tmpdir(), "eng-health-backtest-"));

function configFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function capture() {
  const out = { stdout: "", stderr: "" };
  return { out, io: { stdout: (text: string) => void (out.stdout += text), stderr: (text: string) => void (out.stderr += text) } };
}

/** Five merged PRs: two with 25 words, one without a test, one reviewed only after its merge, one by a bot. */
const NODES = [
  mergedPullRequestNode(11, { body: words(25) }),
  mergedPullRequestNode(12, { body: words(25), title: "Export invoices as CSV" }),
  mergedPullRequestNode(13, { files: { pageInfo: { hasNextPage: false }, nodes: [{ path: "src/billing/export.ts", additions: 40, deletions: 0, changeType: "ADDED" }] } }),
  mergedPullRequestNode(14, {
    mergedAt: "2026-11-16T11:00:00Z",
    timelineItems: { nodes: [{ __typename: "PullRequestReview", submittedAt: "2026-11-18T10:00:00Z", state: "APPROVED", author: { login: "grace", __typename: "User" } }] },
  }),
  mergedPullRequestNode(15, { author: { login: "dependabot", __typename: "Bot" }, body: "Bumps a dependency." }),
];

describe("eng-health backtest", () => {
  it("--config --json: exact counts per rule under both configs, the newly failing PRs, and api_calls within ceil(N/100) + 5", async () => {
    const bodies: GraphqlBody[] = [];
    const scope = mockMergedSearch(mockConfigFile(nock(API), "acme", "widgets", "review:\n  first_review_within: 24h\n"), NODES, bodies);
    const proposed = configFile("stricter.yml", "# the team's proposal\nreasoning:\n  min_words: 40\ntests:\n  level: failure\nreview:\n  first_review_within: 24h\n");
    const { out, io } = capture();

    const code = await runCli(["backtest", "acme/widgets", "--config", proposed, "--json"], ENV, io, { now: NOW });

    scope.done();
    expect(code).toBe(0);
    const { rules, ...json } = JSON.parse(out.stdout) as { rules: Array<{ id: string }>; api_calls: number };
    // The rows of the agreements this test was written for (a rule registered later adds its own row).
    expect(rules.filter((rule) => ["reasoning", "tests", "review"].includes(rule.id))).toEqual([
      { id: "reasoning", current: { pass: 4, fail: 0, skip: 0, level: "warning" }, proposed: { pass: 2, fail: 2, skip: 0, level: "warning" }, newly_failing: [12, 11], newly_passing: [] },
      { id: "tests", current: { pass: 3, fail: 1, skip: 0, level: "warning" }, proposed: { pass: 3, fail: 1, skip: 0, level: "failure" }, newly_failing: [], newly_passing: [] },
      { id: "review", current: { pass: 3, fail: 0, skip: 1, level: "notice" }, proposed: { pass: 3, fail: 0, skip: 1, level: "notice" }, newly_failing: [], newly_passing: [] },
    ]);
    expect(json).toEqual({
      period: { from: "2026-10-26T00:00:00Z", to: "2026-11-23T00:00:00Z" },
      prs: 4,
      left_out: 1,
      conclusions: { current: { success: 3, neutral: 1, failure: 0 }, proposed: { success: 1, neutral: 2, failure: 1 }, newly_failing: [13], newly_passing: [] },
      not_backtested: [
        { id: "disabled-tests", reason: "it reads each PR's diff, which would cost a request per PR" },
        { id: "flaky", reason: "it is a repository-level policy, not a judgement of each PR" },
      ],
      api_calls: 2,
    });
    expect(json.api_calls).toBeLessThanOrEqual(Math.ceil(5 / 100) + 5);
    // One search page for the whole period, the PR template riding along.
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.variables).toEqual({ owner: "acme", repo: "widgets", q0: MERGED_SEARCH, c0: null });
    expect(bodies[0]?.query).toContain("repository(owner: $owner, name: $repo)");
    expect(out.stderr).toBe("eng-health: collecting acme/widgets 2026-W44..2026-W47: 5 pull requests so far (1 API call)\n");
  });

  it("prints the period, the table and the examples as markdown", async () => {
    const scope = mockMergedSearch(mockConfigFile(nock(API), "acme", "widgets", null), NODES, []);
    const proposed = configFile("words.yml", "reasoning:\n  min_words: 40\n");
    const { out, io } = capture();

    expect(await runCli(["backtest", "acme/widgets", "--config", proposed], ENV, io, { now: NOW })).toBe(0);

    scope.done();
    const lines = out.stdout.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "# Backtest of acme/widgets",
      "",
      `The 4 pull requests merged from 2026-10-26 to 2026-11-22 (2026-W44 to 2026-W47, UTC), judged with the current config and \`${proposed}\` (3 API calls).`,
    ]);
    expect(out.stdout).toContain("| Documented reasoning | 4 · 0 · 0 (`warning`) | 2 · 2 · 0 (`warning`) | 2 | 0 |");
    expect(out.stdout).toContain(
      "**Documented reasoning** would newly fail on 2 pull requests:\n- [#12](https://github.com/acme/widgets/pull/12) Export invoices as CSV\n- [#11](https://github.com/acme/widgets/pull/11) Change 11",
    );
  });

  it("without --config shows the current config alone (proposed: null)", async () => {
    const scope = mockMergedSearch(mockConfigFile(nock(API), "acme", "widgets", "reasoning:\n  min_words: 40\n"), NODES, []);
    const { out, io } = capture();

    expect(await runCli(["backtest", "acme/widgets", "--weeks", "4", "--json"], ENV, io, { now: NOW })).toBe(0);

    scope.done();
    const json = JSON.parse(out.stdout);
    expect(json.rules[0]).toEqual({ id: "reasoning", current: { pass: 2, fail: 2, skip: 0, level: "warning" }, proposed: null, newly_failing: [], newly_passing: [] });
    expect(json.conclusions.proposed).toBeNull();
  });

  it("--config with an invalid file exits 2 naming the file, line and key, before any request", async () => {
    const broken = configFile("broken.yml", "reasoning:\n  min_wrods: 40\ntests:\n  min_changed_lines: five\n");
    const { out, io } = capture();

    // No request is mocked: any request would fail and exit 1.
    const code = await runCli(["backtest", "acme/widgets", "--config", broken], ENV, io, { now: NOW });

    expect(code).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toBe(
      [
        `eng-health: config error: ${broken}, line 2: reasoning.min_wrods is not a known key. Did you mean min_words?`,
        `eng-health: config error: ${broken}, line 4: tests.min_changed_lines must be a whole number; it is "five".`,
        `eng-health: ${broken} has 2 problems; nothing was collected`,
        "",
      ].join("\n"),
    );
  });

  it("follows the proposed file's _extends on the default branch", async () => {
    const bodies: GraphqlBody[] = [];
    const scope = mockConfigFile(nock(API), "acme", "widgets", "reasoning:\n  min_words: 40\n")
      .get(`/repos/acme/.github/contents/${encodeURIComponent(".github/eng-health.yml")}`)
      .reply(200, "reasoning:\n  min_words: 40\n", { "content-type": "text/plain; charset=utf-8" });
    mockMergedSearch(scope, NODES, bodies);
    const proposed = configFile("extends.yml", "_extends: .github\ntests:\n  level: failure\n");
    const { out, io } = capture();

    expect(await runCli(["backtest", "acme/widgets", "--config", proposed, "--json"], ENV, io, { now: NOW })).toBe(0);

    scope.done();
    const json = JSON.parse(out.stdout);
    // The organisation's min_words applies to the proposed config as it would once merged: reasoning is unchanged.
    expect(json.rules[0]).toMatchObject({ id: "reasoning", current: { pass: 2, fail: 2 }, proposed: { pass: 2, fail: 2 }, newly_failing: [] });
    expect(json.conclusions.newly_failing).toEqual([13]);
    expect(json.api_calls).toBe(3);
  });

  it("takes its options anywhere on the command line, and --verbose, as the other commands do", async () => {
    const scope = mockMergedSearch(mockConfigFile(nock(API), "acme", "widgets", "reasoning:\n  min_words: 40\n"), NODES, []);
    const { out, io } = capture();

    expect(await runCli(["--json", "backtest", "--weeks", "4", "acme/widgets", "--verbose"], ENV, io, { now: NOW })).toBe(0);

    scope.done();
    const json = JSON.parse(out.stdout);
    expect(json.period).toEqual({ from: "2026-10-26T00:00:00Z", to: "2026-11-23T00:00:00Z" });
    expect(json.rules[0]).toEqual({ id: "reasoning", current: { pass: 2, fail: 2, skip: 0, level: "warning" }, proposed: null, newly_failing: [], newly_passing: [] });
    // --verbose: Octokit's request log reaches stderr (the config read and the search).
    expect(out.stderr).toMatch(/GET \/repos\/acme\/widgets\/contents\/\.github%2Feng-health\.yml - 200/);
    expect(out.stderr).toMatch(/POST \/graphql - 200/);
  });

  it("a proposed review.require_owner: true reads the teams each review was made for, and judges the first review by CODEOWNERS", async () => {
    const bodies: GraphqlBody[] = [];
    const review = (onBehalfOf: string[]) => ({
      nodes: [
        {
          __typename: "PullRequestReview",
          submittedAt: "2026-11-16T10:00:00Z",
          state: "APPROVED",
          author: { login: "grace", __typename: "User" },
          onBehalfOf: { nodes: onBehalfOf.map((combinedSlug) => ({ combinedSlug })) },
        },
      ],
    });
    const nodes = [mergedPullRequestNode(11, { timelineItems: review([]) }), mergedPullRequestNode(12, { timelineItems: review(["acme/billing"]) })];
    const scope = mockMergedSearch(mockConfigFile(nock(API), "acme", "widgets", "review:\n  first_review_within: 24h\n"), nodes, bodies, {
      codeowners0: { text: "src/billing/ @acme/billing\n", isTruncated: false },
    });
    const proposed = configFile("owners.yml", "review:\n  first_review_within: 24h\n  require_owner: true\n");
    const { out, io } = capture();

    expect(await runCli(["backtest", "acme/widgets", "--config", proposed, "--json"], ENV, io, { now: NOW })).toBe(0);

    scope.done();
    // The current config does not require an owner: the collection asks for the teams because the proposed one does.
    expect(bodies[0]?.query).toContain("onBehalfOf(first: 10) { nodes { combinedSlug } }");
    const json = JSON.parse(out.stdout) as { rules: Array<{ id: string }> };
    // #12's review was made for @acme/billing, which owns its files; #11's was not, so no owner reviewed it before the merge.
    expect(json.rules.find((rule) => rule.id === "review")).toEqual({
      id: "review",
      current: { pass: 2, fail: 0, skip: 0, level: "notice" },
      proposed: { pass: 1, fail: 0, skip: 1, level: "notice" },
      newly_failing: [],
      newly_passing: [],
    });
  });

  it.each([
    [["check", "acme/widgets#7", "--weeks", "4"], /check takes only --json and --verbose/],
    [["backtest", "acme/widgets", "--publish"], /backtest takes only --weeks, --since, --config, --json and --verbose; not "--publish"/],
    [["backtest", "acme/widgets", "--weeks", "four"], /--weeks must be a whole number such as 4; it is "four"/],
    [["backtest", "acme/widgets", "--since", "26-10-2026"], /--since must be a date such as 2026-10-26; it is "26-10-2026"/],
    [["backtest", "acme/widgets", "--week", "2026-W47"], /backtest takes only --weeks, --since, --config, --json and --verbose; not "--week"/],
    [["backtest", "acme/widgets", "--config"], /--config needs a value such as proposed.yml/],
    [["report", "acme/widgets", "--config", "x.yml"], /unknown option "--config"/],
    [["backtest", "acme"], /backtest needs OWNER\/REPO, e.g. acme\/widgets; got "acme"/],
    [["backtest", "acme/widgets", "--config", join(dir, "missing.yml")], /--config .*missing\.yml cannot be read \(ENOENT\)/],
  ])("%j exits 2 with a usage error", async (argv, reason) => {
    const { out, io } = capture();
    expect(await runCli(argv, ENV, io, { now: NOW })).toBe(2);
    expect(out.stderr.split("\n")[0]).toMatch(reason);
  });

  it("a period that has not ended exits 2 once the config has named the time zone", async () => {
    const scope = mockConfigFile(nock(API), "acme", "widgets", null);
    const { out, io } = capture();
    expect(await runCli(["backtest", "acme/widgets", "--since", "2026-11-23"], ENV, io, { now: NOW })).toBe(2);
    scope.done();
    expect(out.stderr.split("\n")[0]).toBe("eng-health: 2026-11-23 falls in 2026-W48, which has not ended yet in UTC; the last complete week is 2026-W47");
  });
});

describe("eng-health backtest against the local stand-in GitHub (bench data)", () => {
  const N = 1500;
  const END = "2026-11-23T00:00:00Z";
  let repository: SyntheticRepository;
  let server: SyntheticGitHub;

  beforeAll(async () => {
    repository = buildSyntheticRepository({ owner: "bench", repo: "prs-1500", pullRequests: N, end: END, weeks: 8, now: "2026-11-23T09:00:00Z" });
    server = await startSyntheticGitHub({ repositories: [repository], latencyMs: 0 });
  });

  afterAll(async () => {
    await server?.close();
  });

  it("reads every merged PR past the search's 1,000-result cap within ceil(N/100) + 5 calls, with the counts of the whole repository", async () => {
    const proposedText = "reasoning:\n  min_words: 40\ntests:\n  level: failure\n";
    const proposed = configFile("bench.yml", proposedText);
    const { out, io } = capture();
    const createCliClient = () => createClient({ token: "stand-in", apiUrl: server.apiUrl, userAgent: "eng-health-cli", throttle: { enabled: false } });

    const code = await runCli(["backtest", "bench/prs-1500", "--weeks", "8", "--config", proposed, "--json"], ENV, io, {
      now: new Date("2026-11-24T10:00:00Z"),
      createClient: createCliClient,
    });

    expect(code).toBe(0);
    const json = JSON.parse(out.stdout);
    const merged = repository.pullRequests.filter((pr) => pr.mergedAt !== null && pr.mergedAt < END);
    expect(merged.length).toBeGreaterThan(1000);
    expect(json.prs + json.left_out).toBe(merged.length);
    expect(json.api_calls).toBeLessThanOrEqual(Math.ceil(merged.length / 100) + 5);
    expect(json.api_calls).toBe(server.requests.graphql + server.requests.rest);
    // The same figures as the comparison over the whole repository, without any search in between.
    const period = backtestPeriod({ now: "2026-11-24T10:00:00Z", timezone: "UTC", weeks: 8 });
    const direct = evaluateBacktest({
      facts: { owner: "bench", repo: "prs-1500", template: repository.template, pullRequests: repository.pullRequests },
      period,
      current: DEFAULT_CONFIG,
      proposed: configSchema.parse({ reasoning: { min_words: 40 }, tests: { level: "failure" } }),
    });
    expect(json).toEqual(renderBacktestJson(direct, json.api_calls));
    expect(json.conclusions.newly_failing.length).toBeGreaterThan(0);
  });
});
