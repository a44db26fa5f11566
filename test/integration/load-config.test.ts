import { readFileSync } from "node:fs";
import { Octokit } from "@octokit/rest";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/schema.js";
import { countRequests, requestCount } from "../../src/github/count-requests.js";
import { loadConfig } from "../../src/github/load-config.js";
import type { OctokitLike } from "../../src/github/load-config.js";

const API = "https://api.github.com";
const REPO = { owner: "acme", repo: "app" };
const RAW = { "content-type": "text/plain; charset=utf-8" };
const filePath = (repo: string) => `/repos/acme/${repo}/contents/.github%2Feng-health.yml`;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/config/${name}.yml`, import.meta.url), "utf8");

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
// The real client must fit the adapter's structural type (checked by tsc).
const client = (): OctokitLike => new Octokit({ log: quiet });
/** A client whose requests are counted (`requestCount`), 404s included. */
function countedClient(): Octokit {
  const octokit = new Octokit({ log: quiet });
  countRequests(octokit);
  return octokit;
}

/** A nock scope that serves the file on the default branch: no `ref` query parameter, raw media type. */
function serve(scope: nock.Scope, repo: string, reply: { status: number; body?: string | object; headers?: Record<string, string> }) {
  return scope
    .get(filePath(repo))
    .query((query) => Object.keys(query).length === 0)
    .matchHeader("accept", "application/vnd.github.v3.raw")
    .reply(reply.status, reply.body ?? { message: "Not Found" }, reply.headers ?? RAW);
}

describe("loadConfig", () => {
  it("reads the repository's file from the default branch with one request", async () => {
    const scope = serve(nock(API), "app", { status: 200, body: fixture("basic") });

    const octokit = countedClient();
    const result = await loadConfig(octokit, REPO);

    expect(result.errors).toEqual([]);
    expect(result.sources).toEqual([".github/eng-health.yml"]);
    expect(requestCount(octokit)).toBe(1);
    expect(result.config.tests.min_changed_lines).toBe(10);
    expect(result.config.review.business_hours).toEqual({ timezone: "Europe/Berlin", start: "09:00", end: "18:00", days: ["mon", "tue", "wed", "thu", "fri"] });
    scope.done();
  });

  it("uses the defaults when neither the repository nor the owner's .github repository has a file (two requests)", async () => {
    const scope = nock(API);
    serve(scope, "app", { status: 404 });
    serve(scope, ".github", { status: 404 });

    const octokit = countedClient();
    const result = await loadConfig(octokit, REPO);

    expect(result).toEqual({ config: DEFAULT_CONFIG, errors: [], sources: [] });
    expect(requestCount(octokit)).toBe(2);
    scope.done();
  });

  it("uses the owner's .github repository when the repository has no file", async () => {
    const scope = nock(API);
    serve(scope, "app", { status: 404 });
    serve(scope, ".github", { status: 200, body: "reasoning:\n  min_words: 40\n" });

    const result = await loadConfig(client(), REPO);

    expect(result.errors).toEqual([]);
    expect(result.sources).toEqual(["acme/.github:.github/eng-health.yml"]);
    expect(result.config.reasoning.min_words).toBe(40);
    scope.done();
  });

  it("merges the org defaults under the repository's file through `_extends: .github`", async () => {
    const scope = nock(API);
    serve(scope, "app", { status: 200, body: "_extends: .github\ntests:\n  min_changed_lines: 3\n  source: [services/**]\n" });
    serve(scope, ".github", {
      status: 200,
      body: "reasoning:\n  min_words: 40\ntests:\n  level: failure\n  min_changed_lines: 10\n  source: [src/**, lib/**]\n",
    });

    const result = await loadConfig(client(), REPO);

    expect(result.errors).toEqual([]);
    expect(result.sources).toEqual([".github/eng-health.yml", "acme/.github:.github/eng-health.yml"]);
    expect(result.config.reasoning.min_words).toBe(40);
    expect(result.config.tests).toMatchObject({ level: "failure", min_changed_lines: 3, source: ["services/**"] });
    scope.done();
  });

  it("turns invalid YAML into an error with its line and uses the defaults", async () => {
    const scope = serve(nock(API), "app", { status: 200, body: fixture("malformed") });

    const result = await loadConfig(client(), REPO);

    expect(result.config).toEqual(DEFAULT_CONFIG);
    expect(result.sources).toEqual([]);
    expect(result.errors).toEqual([
      {
        path: ".github/eng-health.yml",
        url: "https://github.com/acme/app/blob/HEAD/.github/eng-health.yml",
        line: 2,
        keyPath: "",
        message: expect.stringMatching(/^This is not valid YAML \(.+\), so the whole file is ignored\. Could you check the indentation/),
        section: null,
      },
    ]);
    scope.done();
  });

  it("keeps the repository's settings when the file it extends is invalid YAML", async () => {
    const scope = nock(API);
    serve(scope, "app", { status: 200, body: "_extends: acme/shared:config/eng-health.yaml\nflaky:\n  max_open: 3\n" });
    scope
      .get("/repos/acme/shared/contents/config%2Feng-health.yaml")
      .query((query) => Object.keys(query).length === 0)
      .reply(200, "reasoning: [unclosed\n", RAW);

    const result = await loadConfig(client(), REPO);

    expect(result.config.flaky.max_open).toBe(3);
    expect(result.sources).toEqual([".github/eng-health.yml"]);
    expect(result.errors).toMatchObject([
      { path: "acme/shared:config/eng-health.yaml", url: "https://github.com/acme/shared/blob/HEAD/config/eng-health.yaml", line: 2, keyPath: "" },
    ]);
    scope.done();
  });

  it("reports a malformed `_extends` on its line and applies the rest of the file", async () => {
    const scope = serve(nock(API), "app", { status: 200, body: "flaky:\n  max_open: 3\n_extends: not/a/repo\n" });

    const result = await loadConfig(client(), REPO);

    expect(result.config.flaky.max_open).toBe(3);
    expect(result.errors).toEqual([
      expect.objectContaining({ path: ".github/eng-health.yml", line: 3, keyPath: "_extends", section: null }),
    ]);
    expect(result.errors[0]?.message).toContain("it is `\"not/a/repo\"`, so nothing is extended");
    scope.done();
  });

  it("stops an `_extends` loop with an error on the line that closes it", async () => {
    const scope = nock(API);
    serve(scope, "app", { status: 200, body: "_extends: shared\nflaky:\n  max_open: 3\n" });
    serve(scope, "shared", { status: 200, body: "reasoning:\n  min_words: 40\n_extends: app\n" });

    const result = await loadConfig(client(), REPO);

    expect(result.config.flaky.max_open).toBe(3);
    expect(result.config.reasoning.min_words).toBe(40);
    expect(result.errors).toEqual([
      {
        path: "acme/shared:.github/eng-health.yml",
        url: "https://github.com/acme/shared/blob/HEAD/.github/eng-health.yml",
        line: 3,
        keyPath: "_extends",
        message:
          "`_extends: app` leads back to `.github/eng-health.yml`, which is already part of this config, so the chain stops here. Could it extend a file that does not extend this one?",
        section: null,
      },
    ]);
    scope.done();
  });

  it("stops a file that extends itself after reading it twice", async () => {
    const scope = nock(API);
    serve(scope, "app", { status: 200, body: "flaky:\n  max_open: 3\n_extends: app\n" });
    serve(scope, "app", { status: 200, body: "flaky:\n  max_open: 3\n_extends: app\n" });

    const octokit = countedClient();
    const result = await loadConfig(octokit, REPO);

    expect(result.config.flaky.max_open).toBe(3);
    expect(result.sources).toEqual([".github/eng-health.yml"]);
    expect(requestCount(octokit)).toBe(2);
    expect(result.errors.map((error) => [error.path, error.line, error.keyPath])).toEqual([[".github/eng-health.yml", 3, "_extends"]]);
    scope.done();
  });

  it("reports a directory where the file should be", async () => {
    const scope = serve(nock(API), "app", {
      status: 200,
      body: [{ type: "file", name: "x.yml" }],
      headers: { "content-type": "application/json; charset=utf-8" },
    });

    const result = await loadConfig(client(), REPO);

    expect(result.config).toEqual(DEFAULT_CONFIG);
    expect(result.errors).toMatchObject([{ path: ".github/eng-health.yml", line: null, keyPath: "", message: expect.stringContaining("is a directory or a submodule") }]);
    scope.done();
  });

  it("survives the evil file: no tag runs, the alias bomb is refused, the defaults apply", async () => {
    const scope = serve(nock(API), "app", { status: 200, body: fixture("evil") });

    const result = await loadConfig(client(), REPO);

    expect(result.config).toEqual(DEFAULT_CONFIG);
    expect(result.errors.map((error) => [error.line, error.keyPath])).toEqual([
      [4, "checks.name"],
      [5, "reasoning"],
      [9, ""],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    scope.done();
  });

  it("reads content served with a binary media type the same way", async () => {
    const scope = serve(nock(API), "app", {
      status: 200,
      body: "reasoning:\n  min_words: 40\n",
      headers: { "content-type": "application/vnd.github.raw" },
    });

    const result = await loadConfig(client(), REPO);

    expect(result.errors).toEqual([]);
    expect(result.config.reasoning.min_words).toBe(40);
    scope.done();
  });

  it("rejects on a server error so the caller can retry", async () => {
    const scope = serve(nock(API), "app", { status: 500, body: { message: "Server Error" }, headers: { "content-type": "application/json; charset=utf-8" } });

    await expect(loadConfig(client(), REPO)).rejects.toMatchObject({ status: 500 });
    scope.done();
  });
});
