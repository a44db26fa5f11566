import { describe, expect, it } from "vitest";
import { readActionContext } from "../../../src/action/read-action-context.js";

describe("readActionContext", () => {
  it("reads the runner's variables, with GitHub.com's URLs by default", () => {
    expect(readActionContext({ GITHUB_EVENT_NAME: "pull_request", GITHUB_REPOSITORY: "acme/widgets", GITHUB_EVENT_PATH: "/tmp/event.json" })).toEqual({
      eventName: "pull_request",
      eventPath: "/tmp/event.json",
      owner: "acme",
      repo: "widgets",
      apiUrl: "https://api.github.com",
      graphqlUrl: null,
      serverUrl: "https://github.com",
    });
  });

  it("honours GitHub Enterprise Server's URLs, without trailing slashes", () => {
    const context = readActionContext({
      GITHUB_EVENT_NAME: "schedule",
      GITHUB_REPOSITORY: "acme/widgets",
      GITHUB_API_URL: "https://ghe.example/api/v3/",
      GITHUB_GRAPHQL_URL: "https://ghe.example/api/graphql",
      GITHUB_SERVER_URL: "https://ghe.example/",
    });
    expect(context).toMatchObject({ apiUrl: "https://ghe.example/api/v3", graphqlUrl: "https://ghe.example/api/graphql", serverUrl: "https://ghe.example", eventPath: null });
  });

  it.each([
    [{ GITHUB_REPOSITORY: "acme/widgets" }, "GITHUB_EVENT_NAME is not set"],
    [{ GITHUB_EVENT_NAME: "push" }, 'GITHUB_REPOSITORY is ""; it must be owner/repo'],
    [{ GITHUB_EVENT_NAME: "push", GITHUB_REPOSITORY: "acme/widgets/extra" }, 'GITHUB_REPOSITORY is "acme/widgets/extra"; it must be owner/repo'],
  ])("%j is refused", (env, message) => {
    expect(() => readActionContext(env)).toThrow(message);
  });
});
