import fc from "fast-check";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { QUEUED_EVENTS } from "../../src/pipelines/delivery-handlers.js";
import { withUsableInstallation } from "../../src/server/webhook-guard.js";
import { examplePayload } from "../helpers/payloads.js";
import { API, createTestProbot } from "../helpers/test-probot.js";

/** A GitHub that answers everything: no config, no files, no runs yet; every write succeeds. Counts completed check runs. */
function permissiveGitHub(): { runs: () => number } {
  let runs = 0;
  const scope = nock(API).persist();
  scope.post(/\/app\/installations\/\d+\/access_tokens/).reply(201, { token: "t", expires_at: "2099-01-01T00:00:00Z" });
  scope.get(/\/contents\//).reply(404, { message: "Not Found" });
  scope.get(/\/pulls\/\d+\/files/).reply(200, []);
  scope.get(/\/check-runs/).reply(200, { total_count: 0, check_runs: [] });
  scope.get(/.*/).reply(200, []);
  scope.post("/graphql").reply(200, { data: { repository: { object: { checkSuites: { nodes: [] } }, issues: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } }, search: { issueCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } } });
  scope.post(/\/check-runs$/).reply(201, (_uri, body) => {
    if ((body as { status?: string }).status === "completed") runs += 1;
    return { id: 1 };
  });
  scope.patch(/\/check-runs\/\d+$/).reply(200, (_uri, body) => {
    if ((body as { status?: string }).status === "completed") runs += 1;
    return { id: 1 };
  });
  scope.post(/.*/).reply(201, { id: 1, number: 1 });
  scope.patch(/.*/).reply(200, {});
  return { runs: () => runs };
}

/** Every subscribed event with its real example payloads (`@octokit/webhooks-examples`). */
const EXAMPLES = [...new Set(QUEUED_EVENTS)].flatMap((name) => {
  const [event, action] = name.split(".") as [string, string | undefined];
  try {
    return [{ event, action, payload: examplePayload<Record<string, unknown>>(event, action) }];
  } catch {
    return [];
  }
});

/** Replace the value at a random path with a random JSON value, or delete it. */
function mutate(value: unknown, path: readonly number[], replacement: unknown): unknown {
  if (typeof value !== "object" || value === null || path.length === 0) return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[(path[0] as number) % keys.length] as string;
  const copy: Record<string, unknown> = Array.isArray(value) ? ({ ...value } as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
  if (path.length === 1 && replacement === undefined) delete copy[key];
  else copy[key] = mutate(copy[key], path.slice(1), replacement);
  return Array.isArray(value) ? Object.values(copy) : copy;
}

describe("fuzz: webhook payloads", () => {
  it("has real examples for the subscribed events", () => {
    expect(EXAMPLES.map((example) => example.event)).toEqual(expect.arrayContaining(["pull_request", "pull_request_review", "issues", "check_run"]));
  });

  it("every real pull_request payload ends with exactly one completed check run", async () => {
    for (const example of EXAMPLES.filter((candidate) => candidate.event === "pull_request")) {
      const { probot } = createTestProbot();
      const github = permissiveGitHub();
      await probot.receive({ id: `real-${example.action}`, name: example.event, payload: example.payload } as never);
      expect(github.runs()).toBe(1);
      nock.cleanAll();
    }
  });

  it("mutated payloads of every subscribed event: no throw escapes a handler, and a PR event writes at most one completed run", async () => {
    const replacement = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string({ maxLength: 50 }), fc.integer(), fc.boolean(), fc.constant({}), fc.constant([]));
    await fc.assert(
      fc.asyncProperty(fc.nat(EXAMPLES.length - 1), fc.array(fc.nat(40), { minLength: 1, maxLength: 4 }), replacement, async (index, path, value) => {
        const example = EXAMPLES[index] as (typeof EXAMPLES)[number];
        const { probot, logs } = createTestProbot();
        const github = permissiveGitHub();
        try {
          // As the server's webhook guard passes a delivery on (an installation without an id removed).
          await probot.receive({ id: "fuzz", name: example.event, payload: withUsableInstallation(mutate(example.payload, path, value)) } as never);
          expect(github.runs()).toBeLessThanOrEqual(1);
          expect(logs.filter((line) => line.level >= 60)).toEqual([]);
        } finally {
          nock.cleanAll();
        }
      }),
      { numRuns: 60 },
    );
  });
});
