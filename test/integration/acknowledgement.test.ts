import { afterEach, describe, expect, it, vi } from "vitest";
import { startPullRequestStandIn } from "../../bench/pull-request-stand-in.js";
import { startAppServer } from "../helpers/app-server.js";
import { examplePayload } from "../helpers/payloads.js";
import { waitFor } from "../helpers/wait-for.js";

interface PrPayload {
  pull_request: { head: { sha: string } };
}

describe("acknowledgement (in-process queue)", () => {
  const before = new Set(process.listeners("SIGTERM"));
  afterEach(() => {
    for (const listener of process.listeners("SIGTERM")) if (!before.has(listener)) process.removeListener("SIGTERM", listener);
  });

  it("answers the webhook before the check run is written, and a SIGTERM after that still writes it", async () => {
    const standIn = await startPullRequestStandIn({ writeDelayMs: 2_000 });
    const exit = vi.fn();
    const server = await startAppServer({ host: standIn.host, settings: { handleSignals: true, shutdownTimeoutMs: 10_000 }, options: { exit } });
    try {
      const payload = examplePayload<PrPayload>("pull_request", "opened");
      const started = Date.now();
      const response = await server.deliver({ id: "ack-1", event: "pull_request", payload });
      const answeredAfter = Date.now() - started;
      expect(response.status).toBe(200);
      expect(answeredAfter).toBeLessThan(500);
      expect(standIn.runs).toEqual([]);

      // The write is still on its way (2 s): SIGTERM now drains the queue before exiting.
      await waitFor(() => standIn.requests.includes("POST /api/v3/repos/Codertocat/Hello-World/check-runs"));
      process.emit("SIGTERM");
      await waitFor(() => exit.mock.calls.length > 0, 8_000, "the shutdown to finish");
      expect(exit).toHaveBeenCalledWith(0);
      expect(standIn.runs).toMatchObject([{ headSha: payload.pull_request.head.sha, name: "Engineering practices" }]);
      const refused = await server.deliver({ id: "ack-after-sigterm", event: "pull_request", payload });
      expect(refused.status).toBe(503);
      expect(server.logs.some((line) => line.msg === "eng-health: every job finished; exiting")).toBe(true);
    } finally {
      await server.stop();
      await standIn.close();
    }
  });
});
