import { describe, expect, it } from "vitest";
import { mergedPullRequestNode, mockMergedSearch, mockPullRequestFlow, words, type GraphqlBody } from "../helpers/mock-github.js";
import { examplePayload } from "../helpers/payloads.js";
import { createTestProbot, mockInstallationToken } from "../helpers/test-probot.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";
/** Tuesday of 2026-W48: the last 4 complete weeks are 2026-W44 to 2026-W47 (UTC). */
const NOW = new Date("2026-11-24T10:00:00Z");
const MERGED_SEARCH = `repo:${OWNER}/${REPO} is:pr is:merged merged:2026-10-26T00:00:00Z..2026-11-22T23:59:59Z created:<2026-11-23T00:00:00Z sort:created-asc`;
const CONFIG_FILE = `/repos/${OWNER}/${REPO}/contents/${encodeURIComponent(".github/eng-health.yml")}`;
const CURRENT = "reasoning:\n  min_words: 20\n";

interface PrPayload {
  pull_request: { head: { sha: string }; number: number };
}

interface RunBody {
  conclusion: string;
  output: { title: string; summary: string };
}

const url = (number: number) => `https://github.com/${OWNER}/${REPO}/pull/${number}`;
/** Four PRs merged in the period: two with 25 words of reasoning, one without a test, one by a bot. */
const NODES = [
  mergedPullRequestNode(11, { url: url(11), body: words(25), title: "Round invoice totals once" }),
  mergedPullRequestNode(12, { url: url(12), body: words(25) }),
  mergedPullRequestNode(13, { url: url(13), files: { pageInfo: { hasNextPage: false }, nodes: [{ path: "src/billing/export.ts", additions: 40, deletions: 0, changeType: "ADDED" }] } }),
  mergedPullRequestNode(14, { url: url(14), author: { login: "renovate", __typename: "Bot" }, body: "" }),
];

/** A `pull_request.opened` that changes `.github/eng-health.yml` to `proposed`, against the current config. */
function configChange(proposed: string) {
  const { probot } = createTestProbot({ now: NOW });
  const payload = examplePayload<PrPayload>("pull_request", "opened");
  mockInstallationToken();
  const flow = mockPullRequestFlow({
    owner: OWNER,
    repo: REPO,
    number: 2,
    config: CURRENT,
    files: [{ filename: ".github/eng-health.yml", status: "modified", additions: 2, deletions: 1, patch: "@@ -1,2 +1,3 @@\n reasoning:\n-  min_words: 20\n+  min_words: 40\n" }],
  });
  flow.scope.get(CONFIG_FILE).query({ ref: payload.pull_request.head.sha }).reply(200, proposed, { "content-type": "text/plain; charset=utf-8" });
  return { probot, payload, ...flow };
}

describe("a PR that changes .github/eng-health.yml: what this change would have done", () => {
  it("adds the backtest of its config over the last 4 weeks to the check run, with exact counts and links", async () => {
    const { probot, payload, scope, record } = configChange("reasoning:\n  min_words: 40\ntests:\n  level: failure\n");
    const bodies: GraphqlBody[] = [];
    mockMergedSearch(scope, NODES, bodies);

    await probot.receive({ id: "d-impact", name: "pull_request", payload } as never);

    scope.done();
    // The 5 requests of a config-changing PR (config, files, GraphQL lookup, the PR's config, the write) and one search page.
    expect(record.calls).toBe(6);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.variables).toEqual({ owner: OWNER, repo: REPO, q0: MERGED_SEARCH, c0: null });
    const run = record.writes[0]?.body as unknown as RunBody;
    const summary = run.output.summary;
    expect(summary).toContain("✅ This PR's `.github/eng-health.yml` is valid.");
    const section = summary.slice(summary.indexOf("### What this change would have done"));
    const [intro, sentence, table, examples] = section.split("\n\n");
    expect(intro).toBe(
      "### What this change would have done\nThe 3 pull requests merged in the last 4 weeks, 2026-10-26 to 2026-11-22 (2026-W44 to 2026-W47, UTC), judged with the current config and with this PR's:",
    );
    expect(sentence).toBe("With this PR's config, 2 pull requests would newly fail an agreement; 1 check run would newly conclude `failure`.");
    // The rows of the agreements this test was written for (a rule registered later adds its own row).
    for (const row of [
      "| Agreement | Current config: pass · fail · skip | This PR's config: pass · fail · skip | Newly failing | No longer failing |",
      "| Documented reasoning | 3 · 0 · 0 (`warning`) | 1 · 2 · 0 (`warning`) | 2 | 0 |",
      "| Tests accompany code | 2 · 1 · 0 (`warning`) | 2 · 1 · 0 (`failure`) | 0 | 0 |",
      "| Review turnaround | 3 · 0 · 0 (`notice`) | 3 · 0 · 0 (`notice`) | 0 | 0 |",
      "| Check run conclusion: success · neutral · failure | 2 · 1 · 0 | 0 · 2 · 1 | 1 | 0 |",
    ]) {
      expect(table?.split("\n")).toContain(row);
    }
    expect(examples).toBe(["**Documented reasoning** would newly fail on 2 pull requests:", `- [#12](${url(12)}) Change 12`, `- [#11](${url(11)}) Round invoice totals once`].join("\n"));
    expect(section).toContain(`The check run would newly conclude \`failure\` on 1 pull request:\n- [#13](${url(13)}) Change 13`);
    expect(section).toContain("1 more pull request by bots or by `review.ignore_authors` was left out");
    // This PR itself is judged with the current config as usual (its short description is a warning), results in the marker.
    expect(run.conclusion).toBe("neutral");
    expect(summary).toMatch(/\n<!-- eng-health:results \{.*"proposedConfig":true\} -->$/);
  });

  it("says so and makes no collection request when the settings in effect do not change", async () => {
    const { probot, payload, scope, record } = configChange("# Tidied up, same settings\nreasoning:\n  min_words: 20\ntests:\n  min_changed_lines: 5\n");

    await probot.receive({ id: "d-same", name: "pull_request", payload } as never);

    scope.done();
    expect(record.calls).toBe(5);
    expect(record.graphql).toHaveLength(1);
    const summary = (record.writes[0]?.body as unknown as RunBody).output.summary;
    expect(summary).toContain(
      "### What this change would have done\nNothing: this PR's config has the same settings in effect as the current one (comments, formatting and values equal to their defaults change nothing), so every recent pull request would have been judged as it was.",
    );
  });

  it("still writes the check run when the collection fails, saying the impact could not be worked out", async () => {
    const { probot, payload, scope, record } = configChange("reasoning:\n  min_words: 40\n");
    scope.post("/graphql").reply(502, { message: "Server Error" });

    await probot.receive({ id: "d-502", name: "pull_request", payload } as never);

    scope.done();
    const run = record.writes[0]?.body as unknown as RunBody;
    expect(run.conclusion).toBe("neutral");
    expect(run.output.summary).toContain("| Documented reasoning |");
    expect(run.output.summary).toContain(
      "### What this change would have done\nThis could not be worked out this time: GitHub answered HTTP 502 while the merged pull requests were read. It is tried again on the PR's next push, or with \"Re-run checks\".",
    );
  });

  it("shows no impact for a broken proposed config, only its problems", async () => {
    const { probot, payload, scope, record } = configChange("reasoning:\n  min_words: forty\n");

    await probot.receive({ id: "d-broken", name: "pull_request", payload } as never);

    scope.done();
    expect(record.calls).toBe(5);
    const run = record.writes[0]?.body as unknown as RunBody;
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).not.toContain("What this change would have done");
  });
});
