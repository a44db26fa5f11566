import { Octokit } from "@octokit/rest";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { countRequests, requestCount } from "../../src/github/count-requests.js";
import { findOwnerRepositories } from "../../src/github/find-owner-repositories.js";

const API = "https://api.github.com";
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

describe("findOwnerRepositories (owner/* outside an installation)", () => {
  it("pages through the owner's repositories, leaving out archived ones and other owners'", async () => {
    const bodies: Array<{ variables: Record<string, unknown> }> = [];
    const node = (name: string, isArchived = false, owner = "acme") => ({ name, isArchived, owner: { login: owner } });
    const scope = nock(API)
      .post("/graphql", (body: { variables: Record<string, unknown> }) => {
        bodies.push(body);
        return true;
      })
      .reply(200, { data: { repositoryOwner: { repositories: { pageInfo: { hasNextPage: true, endCursor: "c1" }, nodes: [node("api"), node("legacy", true)] } } } })
      .post("/graphql")
      .reply(200, { data: { repositoryOwner: { repositories: { pageInfo: { hasNextPage: false, endCursor: "c2" }, nodes: [node("widgets"), node("fork", false, "someone")] } } } });
    const octokit = new Octokit({ log: quiet });
    countRequests(octokit);

    const found = await findOwnerRepositories(octokit, "acme");

    scope.done();
    expect(found).toEqual([
      { owner: "acme", repo: "api" },
      { owner: "acme", repo: "widgets" },
    ]);
    expect(bodies[0]?.variables).toEqual({ owner: "acme", after: null });
    expect(requestCount(octokit)).toBe(2);
  });

  it("finds none for an owner that does not exist", async () => {
    const scope = nock(API).post("/graphql").reply(200, { data: { repositoryOwner: null } });
    expect(await findOwnerRepositories(new Octokit({ log: quiet }), "nobody")).toEqual([]);
    scope.done();
  });
});
