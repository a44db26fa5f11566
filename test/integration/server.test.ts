import { createHmac } from "node:crypto";
import { pino } from "pino";
import { run } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices } from "../../src/pipelines/services.js";
import { createApp } from "../../src/index.js";
import { readSettings } from "../../src/server/settings.js";
import { examplePayload } from "../helpers/payloads.js";
import { freePort, startStandInGitHub } from "../helpers/stand-in-github.js";
import { testPrivateKey } from "../helpers/test-key.js";
import { waitFor } from "../helpers/wait-for.js";

const SECRET = "a-real-secret";
const payload = examplePayload<{ pull_request: { head: { sha: string } } }>("pull_request", "opened");
const body = JSON.stringify(payload);

function sign(text: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(text).digest("hex")}`;
}

describe("the real server (Probot's run) with a local stand-in for the GitHub API", () => {
  let standIn: Awaited<ReturnType<typeof startStandInGitHub>>;
  let server: Awaited<ReturnType<typeof run>>;
  let url: string;

  beforeAll(async () => {
    standIn = await startStandInGitHub([
      ({ method, path }) => (method === "POST" && path === "/api/v3/app/installations/1/access_tokens"
        ? [201, { token: "stand-in-token", expires_at: "2099-01-01T00:00:00Z" }]
        : undefined),
      ({ method, path }) => (method === "GET" && path.startsWith("/api/v3/repos/Codertocat/Hello-World/pulls/2/files")
        ? [200, [{ filename: "docs/guide.md", status: "modified", additions: 3, deletions: 1, patch: "@@ -1 +1 @@\n-a\n+b\n" }]]
        : undefined),
      ({ method, path }) => (method === "POST" && path === "/api/graphql"
        ? [200, { data: { repository: { object: { checkSuites: { nodes: [] } }, issues: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } } } }]
        : undefined),
      ({ method, path }) => (method === "POST" && path === "/api/v3/repos/Codertocat/Hello-World/check-runs" ? [201, { id: 1 }] : undefined),
    ]);
    const port = await freePort();
    url = `http://127.0.0.1:${port}/api/github/webhooks`;
    server = await run(createApp({ ...readSettings({}), scheduler: false, handleSignals: false }, createServices()), {
      env: {
        APP_ID: "123",
        PRIVATE_KEY: testPrivateKey(),
        WEBHOOK_SECRET: SECRET,
        PORT: String(port),
        HOST: "127.0.0.1",
        GHE_HOST: standIn.host,
        GHE_PROTOCOL: "http",
        LOG_LEVEL: "silent",
      },
      log: pino({ level: "silent" }),
    });
  });

  afterAll(async () => {
    await server?.stop();
    await standIn?.close();
  });

  it("refuses a delivery with a wrong signature and calls no API", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "pull_request",
        "x-github-delivery": "bad-signature",
        "x-hub-signature-256": sign(body, "not-the-secret"),
      },
      body,
    });
    expect(response.status).toBe(400);
    expect(standIn.requests).toEqual([]);
  });

  it("verifies a signed delivery and posts the check run to the API", async () => {
    const started = Date.now();
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "pull_request",
        "x-github-delivery": "signed-1",
        "x-hub-signature-256": sign(body, SECRET),
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(9_000);
    // Acknowledged once queued: the check run follows from the queue.
    await waitFor(() => standIn.requests.some((request) => request.path.endsWith("/check-runs")));
    const calls = standIn.requests.map((request) => `${request.method} ${request.path.split("?")[0]}`);
    expect(calls).toEqual([
      "POST /api/v3/app/installations/1/access_tokens",
      "GET /api/v3/repos/Codertocat/Hello-World/contents/.github%2Feng-health.yml",
      "GET /api/v3/repos/Codertocat/.github/contents/.github%2Feng-health.yml",
      expect.stringMatching(/^(GET \/api\/v3\/repos\/Codertocat\/Hello-World\/pulls\/2\/files|POST \/api\/graphql)$/),
      expect.stringMatching(/^(GET \/api\/v3\/repos\/Codertocat\/Hello-World\/pulls\/2\/files|POST \/api\/graphql)$/),
      "POST /api/v3/repos/Codertocat/Hello-World/check-runs",
    ]);
    const run = standIn.requests.at(-1)?.body as { name: string; head_sha: string; conclusion: string };
    expect(run).toMatchObject({ name: "Engineering practices", head_sha: payload.pull_request.head.sha, status: "completed" });
  });
});
