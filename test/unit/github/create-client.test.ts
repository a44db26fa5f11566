import nock from "nock";
import { describe, expect, it } from "vitest";
import { createCliClient } from "../../../src/cli/create-cli-client.js";
import { UsageError } from "../../../src/cli/parse-args.js";
import { requestCount } from "../../../src/github/count-requests.js";
import { createClient } from "../../../src/github/create-client.js";
import { graphqlUrlFor } from "../../../src/github/graphql-url-for.js";

const API = "https://api.github.com";

/** The CLI's client (see createCliClient), with waits of milliseconds instead of seconds. */
function fastCliClient(log?: (message: string) => void) {
  return createClient({ token: "t", userAgent: "eng-health-cli", retry: { baseDelayMs: 1 }, throttle: { baseDelayMs: 1 }, ...(log ? { log } : {}) });
}

describe("createClient", () => {
  it("retries a 502 on GET with the retry plugin and counts both attempts", async () => {
    const client = fastCliClient();
    const scope = nock(API)
      .get("/repos/acme/widgets/pulls/7")
      .reply(502, { message: "Bad Gateway" })
      .get("/repos/acme/widgets/pulls/7")
      .reply(200, { number: 7 });

    const response = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { owner: "acme", repo: "widgets", pull_number: 7 });

    scope.done();
    expect(response.data.number).toBe(7);
    expect(requestCount(client)).toBe(2);
  });

  it("does not retry a host name that does not exist, but retries a reset connection", async () => {
    /** fetch as Node's fails: a TypeError whose cause is the system error. */
    const failingFetch = (code: string, message: string) => {
      const fetch = async (): Promise<Response> => {
        fetch.calls += 1;
        throw new TypeError("fetch failed", { cause: Object.assign(new Error(message), { code }) });
      };
      fetch.calls = 0;
      return fetch;
    };
    const unknownHost = failingFetch("ENOTFOUND", "getaddrinfo ENOTFOUND ghe.example");
    const reset = failingFetch("ECONNRESET", "read ECONNRESET");

    await expect(fastCliClient().request("GET /repos/acme/widgets", { request: { fetch: unknownHost } })).rejects.toMatchObject({
      status: 500,
      message: "getaddrinfo ENOTFOUND ghe.example",
    });
    await expect(fastCliClient().request("GET /repos/acme/widgets", { request: { fetch: reset } })).rejects.toMatchObject({ status: 500 });

    expect(unknownHost.calls).toBe(1);
    expect(reset.calls).toBe(4);
  });

  it("waits out a secondary rate limit and tries again, saying so through log", async () => {
    const messages: string[] = [];
    const client = fastCliClient((message) => messages.push(message));
    const scope = nock(API)
      .get("/repos/acme/widgets")
      .reply(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "2" })
      .get("/repos/acme/widgets")
      .reply(200, { name: "widgets" });

    await client.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "widgets" });

    scope.done();
    expect(requestCount(client)).toBe(2);
    expect(messages).toEqual(["GitHub's secondary rate limit was hit on GET /repos/{owner}/{repo}; retrying in 2 s"]);
  });

  it("sends GraphQL to the derived endpoint of GitHub Enterprise Server, or to GITHUB_GRAPHQL_URL", async () => {
    expect(graphqlUrlFor("https://ghe.example.com/api/v3/")).toBe("https://ghe.example.com/api/graphql");
    expect(graphqlUrlFor("https://api.github.com")).toBe("https://api.github.com/graphql");
    const scope = nock("https://ghe.example.com")
      .post("/api/graphql")
      .reply(200, { data: { viewer: { login: "a" } } })
      .post("/custom/graphql")
      .reply(200, { data: { viewer: { login: "b" } } });

    const derived = createCliClient({ GITHUB_TOKEN: "t", GITHUB_API_URL: "https://ghe.example.com/api/v3" });
    const configured = createCliClient({ GITHUB_TOKEN: "t", GITHUB_API_URL: "https://ghe.example.com/api/v3", GITHUB_GRAPHQL_URL: "https://ghe.example.com/custom/graphql" });

    expect(await derived.graphql("query { viewer { login } }")).toEqual({ viewer: { login: "a" } });
    expect(await configured.graphql("query { viewer { login } }")).toEqual({ viewer: { login: "b" } });
    scope.done();
    expect(requestCount(derived)).toBe(1);
  });

  it("refuses to build the CLI's client without GITHUB_TOKEN", () => {
    expect(() => createCliClient({})).toThrow(UsageError);
  });
});
