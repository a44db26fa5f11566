import { describe, expect, it } from "vitest";
import { startPullRequestStandIn } from "../../bench/pull-request-stand-in.js";
import { startAppServer } from "../helpers/app-server.js";
import { examplePayload } from "../helpers/payloads.js";
import { waitFor } from "../helpers/wait-for.js";

interface PrPayload {
  action: string;
  pull_request: { head: { sha: string } };
}

describe("one writer per pull request, on one process (issue 10, item 2)", () => {
  it("opened, labeled and review_requested at once, and one delivery sent twice, leave one check run", async () => {
    const standIn = await startPullRequestStandIn({ latencyMs: 20 });
    const server = await startAppServer({ host: standIn.host });
    try {
      const deliveries = ["opened", "labeled", "review_requested"].map((action) => {
        const payload = examplePayload<PrPayload>("pull_request", "opened");
        payload.action = action;
        return { id: `burst-${action}`, event: "pull_request", payload };
      });
      const answers = await Promise.all([...deliveries, deliveries[0]!].map((delivery) => server.deliver(delivery)));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
      await waitFor(() => server.logs.filter((line) => line.msg === "eng-health: check run written").length === 3, 10_000, "three checks");
      expect(standIn.runs).toHaveLength(1);
      expect(standIn.runs[0]).toMatchObject({ writes: 3, name: "Engineering practices" });
      expect(server.logs.filter((line) => line.msg === "eng-health: delivery already queued; not added again")).toHaveLength(1);
    } finally {
      await server.stop();
      await standIn.close();
    }
  });
});
