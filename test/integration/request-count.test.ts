import { describe, expect, it } from "vitest";
import { mockPullRequestFlow } from "../helpers/mock-github.js";
import { examplePayload } from "../helpers/payloads.js";
import { createTestProbot, mockInstallationToken } from "../helpers/test-probot.js";

describe("the API calls of a pull_request event, counted on Probot's own client", () => {
  it("logs the 4 requests GitHub answered, not the installation-token exchange made during the event", async () => {
    const { probot, logs } = createTestProbot({ now: new Date("2019-05-15T17:20:33Z") });
    const token = mockInstallationToken();
    const { scope, record } = mockPullRequestFlow({ owner: "Codertocat", repo: "Hello-World", number: 2, config: "review:\n  level: off\n", files: [] });

    await probot.receive({ id: "d-count", name: "pull_request", payload: examplePayload("pull_request", "opened") } as never);

    token.done();
    scope.done();
    // The config, the files, the GraphQL lookup, the write.
    expect(record.calls).toBe(4);
    expect(logs.find((line) => line.msg === "eng-health: check run written")).toMatchObject({ deliveryId: "d-count", apiCalls: 4 });
  });
});
