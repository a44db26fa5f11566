import { retry } from "@octokit/plugin-retry";
import { Octokit } from "@octokit/rest";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { countRequests, requestCount, requestMeter } from "../../../src/github/count-requests.js";
import { httpStatus } from "../../../src/github/http-status.js";

const API = "https://api.github.com";
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** The status a request failed with, or "ok". */
async function statusOf(request: Promise<unknown>): Promise<number | "ok"> {
  try {
    await request;
    return "ok";
  } catch (error) {
    return httpStatus(error) ?? -1;
  }
}

describe("countRequests", () => {
  it("counts REST, GraphQL, a 404 and a 304, and not the installation-token exchange", async () => {
    const octokit = new Octokit({ auth: "t", log: quiet });
    countRequests(octokit);
    const scope = nock(API)
      .get("/repos/acme/widgets")
      .reply(200, { name: "widgets" })
      .post("/graphql")
      .reply(200, { data: { viewer: { login: "octocat" } } })
      .get("/repos/acme/widgets/contents/missing.yml")
      .reply(404, { message: "Not Found" })
      .get("/repos/acme/widgets/contents/config.yml")
      .matchHeader("if-none-match", '"abc"')
      .reply(304)
      .post("/app/installations/7/access_tokens")
      .reply(201, { token: "installation-token", expires_at: "2099-01-01T00:00:00Z" });

    await octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "widgets" });
    await octokit.graphql("query { viewer { login } }");
    expect(await statusOf(octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner: "acme", repo: "widgets", path: "missing.yml" }))).toBe(404);
    expect(
      await statusOf(
        octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner: "acme", repo: "widgets", path: "config.yml", headers: { "if-none-match": '"abc"' } }),
      ),
    ).toBe(304);
    await octokit.request("POST /app/installations/{installation_id}/access_tokens", { installation_id: 7 });

    scope.done();
    expect(requestCount(octokit)).toBe(4);
  });

  it("counts once per request when applied twice to the same instance, and leaves the client's defaults alone", async () => {
    const octokit = new Octokit({ log: quiet });
    countRequests(octokit);
    countRequests(octokit);
    const scope = nock(API).get("/rate_limit").times(3).reply(200, {});

    for (let index = 0; index < 3; index += 1) await octokit.request("GET /rate_limit");

    scope.done();
    expect(requestCount(octokit)).toBe(3);
    expect(octokit.request.endpoint.DEFAULTS.request?.fetch).toBeUndefined();
  });

  it("works as a plugin composed into the class", async () => {
    const Counted = Octokit.plugin(countRequests);
    const octokit = new Counted({ log: quiet });
    const scope = nock(API).get("/rate_limit").reply(200, {});

    await octokit.request("GET /rate_limit");

    scope.done();
    expect(requestCount(octokit)).toBe(1);
  });

  it("counts every attempt of a retried request on an instance that had the retry plugin first (as Probot's has)", async () => {
    const octokit = new (Octokit.plugin(retry))({ log: quiet, retry: { retryAfterBaseValue: 1 } });
    countRequests(octokit);
    const scope = nock(API).get("/rate_limit").reply(502, { message: "Bad Gateway" }).get("/rate_limit").reply(200, {});

    await octokit.request("GET /rate_limit");

    scope.done();
    expect(requestCount(octokit)).toBe(2);
  });

  it("counts from the moment a meter is made, and refuses to count a client it was never applied to", async () => {
    const octokit = new Octokit({ log: quiet });
    countRequests(octokit);
    const scope = nock(API).get("/rate_limit").times(3).reply(200, {});
    await octokit.request("GET /rate_limit");

    const calls = requestMeter(octokit);
    await octokit.request("GET /rate_limit");
    await octokit.request("GET /rate_limit");

    scope.done();
    expect(calls()).toBe(2);
    expect(requestCount(octokit)).toBe(3);
    expect(() => requestCount(new Octokit({ log: quiet }))).toThrow(/countRequests was not applied/);
  });
});
