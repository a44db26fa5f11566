import { monitorEventLoopDelay } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { mockPullRequestFlow } from "../helpers/mock-github.js";
import { examplePayload } from "../helpers/payloads.js";
import { createTestProbot, mockInstallationToken } from "../helpers/test-probot.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";
const CATASTROPHIC_GLOB = "**/**/**/**/**/**/**/**/*a*a*a*a*a*a*a*a*a*a*b";

/**
 * The longest the event loop was held while a PR event ran through the app
 * (`monitorEventLoopDelay`'s largest delay, in milliseconds). These inputs
 * held the process for 10.7 s to 101 s before; the bound asserted is 1 s, so
 * that such a freeze fails the test while a busy machine (cold modules, other
 * processes on the same cores) cannot. The figures against the ~100 ms target
 * come from `npm run bench:hostile`, not from a timed test.
 */
const MAX_HELD_MS = 1_000;

interface PrPayload {
  pull_request: { head: { sha: string }; number: number };
}

type RunBody = { conclusion: string; output: { summary: string } };

async function receiveMeasured(
  probot: ReturnType<typeof createTestProbot>["probot"],
  payload: PrPayload,
  id: string,
): Promise<{ heldMs: number; elapsedMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const started = performance.now();
  await probot.receive({ id, name: "pull_request", payload } as never);
  const elapsedMs = performance.now() - started;
  histogram.disable();
  return { heldMs: histogram.max / 1e6, elapsedMs };
}

function proposedConfigFlow(proposed: string, files: unknown[] = []) {
  const payload = examplePayload<PrPayload>("pull_request", "opened");
  mockInstallationToken();
  const flow = mockPullRequestFlow({
    owner: OWNER,
    repo: REPO,
    number: 2,
    config: null,
    files: [{ filename: ".github/eng-health.yml", status: "modified", additions: 1, deletions: 0, patch: "@@ -1 +1 @@\n+a\n" }, ...files],
  });
  flow.scope
    .get(`/repos/${OWNER}/${REPO}/contents/${encodeURIComponent(".github/eng-health.yml")}`)
    .query({ ref: payload.pull_request.head.sha })
    .reply(200, proposed, { "content-type": "text/plain; charset=utf-8" });
  return { payload, ...flow };
}

describe("hostile config files hold the process for a moment at most", () => {
  it("a PR proposing a 20,000-key config is reported within 1 s, the limit named, the file never parsed", async () => {
    const { probot } = createTestProbot();
    const proposed = ["tests:", ...Array.from({ length: 20_000 }, (_, index) => `  k${index}: 1`)].join("\n");
    const { payload, scope, record } = proposedConfigFlow(proposed);

    const { heldMs, elapsedMs } = await receiveMeasured(probot, payload, "d-20000-keys");

    scope.done();
    const run = record.writes[0]?.body as RunBody;
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toContain("more than the 64 KB eng-health reads, so the whole file is ignored without being read");
    expect(elapsedMs).toBeLessThan(1000);
    expect(heldMs).toBeLessThan(MAX_HELD_MS);
  });

  it("a PR proposing a config at the limit (1,000 keys, each unknown) is validated with every problem located", async () => {
    const { probot } = createTestProbot();
    const proposed = ["tests:", ...Array.from({ length: 999 }, (_, index) => `  unknown_${index}: 1`)].join("\n");
    const { payload, scope, record } = proposedConfigFlow(proposed);

    const { heldMs } = await receiveMeasured(probot, payload, "d-1000-keys");

    scope.done();
    const run = record.writes[0]?.body as RunBody;
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toContain("`tests.unknown_0` is not a known key.");
    expect(run.output.summary).toContain("…and 979 more (see the annotations).");
    expect(heldMs).toBeLessThan(MAX_HELD_MS);
  });

  it("the glob that stalled the process for 101 s is refused at config time; the PR adding src/aaaa…a.ts is checked with the default globs", async () => {
    const { probot } = createTestProbot();
    const payload = examplePayload<PrPayload>("pull_request", "opened");
    mockInstallationToken();
    const { scope, record } = mockPullRequestFlow({
      owner: OWNER,
      repo: REPO,
      number: 2,
      config: `tests:\n  source:\n    - "${CATASTROPHIC_GLOB}"\n`,
      files: [{ filename: `src/${"a".repeat(40)}.ts`, status: "added", additions: 30, deletions: 0, patch: "@@ -0,0 +1 @@\n+a\n" }],
    });

    const { heldMs } = await receiveMeasured(probot, payload, "d-glob");

    scope.done();
    const run = record.writes[0]?.body as RunBody;
    expect(run.conclusion).toBe("action_required");
    expect(run.output.summary).toContain(
      `line 3](https://github.com/${OWNER}/${REPO}/blob/HEAD/.github/eng-health.yml#L3): \`tests.source[0]\` must have at most 8 wildcards`,
    );
    expect(run.output.summary).toContain(`\`src/${"a".repeat(40)}.ts\``);
    expect(heldMs).toBeLessThan(MAX_HELD_MS);
  });

  it("100 changed files with 1,000-character names against globs at the wildcard limit", async () => {
    const { probot } = createTestProbot();
    const payload = examplePayload<PrPayload>("pull_request", "opened");
    mockInstallationToken();
    const files = Array.from({ length: 100 }, (_, index) => ({
      filename: `${`${"a".repeat(20)}/`.repeat(48)}${"a".repeat(index % 50)}.ts`,
      status: "added",
      additions: 1,
      deletions: 0,
      patch: "@@ -0,0 +1 @@\n+a\n",
    }));
    const { scope, record } = mockPullRequestFlow({
      owner: OWNER,
      repo: REPO,
      number: 2,
      config: 'tests:\n  source: ["**/*a*/**/*a*a*b", "**/a/**/a/**/a*b"]\n  tests: ["**/*a*a*a*a*a*a*b"]\nsize:\n  ignore: ["*a*/**/*a*/**/*a*b"]\n',
      files,
    });

    const { heldMs } = await receiveMeasured(probot, payload, "d-long-paths");

    scope.done();
    expect((record.writes[0]?.body as RunBody).conclusion).toBe("neutral");
    expect(heldMs).toBeLessThan(MAX_HELD_MS);
  });
});
