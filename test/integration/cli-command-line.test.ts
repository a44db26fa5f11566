import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import nock from "nock";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CliClientLogs } from "../../src/cli/create-cli-client.js";
import { runCli } from "../../src/cli/run-cli.js";
import { createClient } from "../../src/github/create-client.js";
import { pullRequestStateResponse } from "../helpers/mock-github.js";
import { examplePayload } from "../helpers/payloads.js";
import { freePort } from "../helpers/stand-in-github.js";
import { API, mockConfigFile } from "../helpers/test-probot.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";
const NOW = new Date("2026-11-16T12:00:00Z");

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (text: string) => out.push(text), stderr: (text: string) => err.push(text) }, out, err };
}

/** The requests of `check` on PR 2 of Codertocat/Hello-World, with no config anywhere (two 404s), on `origin`. */
function mockCheck(origin = API, prefix = "") {
  const pr = examplePayload<{ pull_request: Record<string, unknown> }>("pull_request", "opened").pull_request;
  const scope = nock(origin).get(`${prefix}/repos/${OWNER}/${REPO}/pulls/2`).reply(200, pr);
  if (prefix === "") mockConfigFile(scope, OWNER, REPO, null);
  else scope.get(`${prefix}/repos/${OWNER}/${REPO}/contents/.github%2Feng-health.yml`).reply(200, "", { "content-type": "text/plain; charset=utf-8" });
  return scope
    .get(`${prefix}/repos/${OWNER}/${REPO}/pulls/2/files`)
    .query({ per_page: "100", page: "1" })
    .reply(200, [])
    .post(prefix === "" ? "/graphql" : "/api/graphql")
    .reply(200, pullRequestStateResponse({ pullRequest: { isDraft: false, timelineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] }, reviewRequests: { nodes: [] } } }));
}

/** The CLI's client with retry waits of 1 ms instead of 1, 4 and 9 s (the retries still happen). */
function fastClient(env: NodeJS.ProcessEnv, logs: CliClientLogs) {
  return createClient({
    token: env.GITHUB_TOKEN ?? "",
    ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
    userAgent: "eng-health-cli",
    retry: { baseDelayMs: 1 },
    ...(logs.octokit ? { octokitLog: logs.octokit } : {}),
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("eng-health usage", () => {
  it("with no arguments prints the usage on stderr and exits 2", async () => {
    const { io, out, err } = capture();
    expect(await runCli([], {}, io)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join("")).toMatch(/^Usage:\n {2}eng-health check OWNER\/REPO#N/);
  });

  it.each([["--help"], ["-h"], ["help"]])("%s prints the usage on stdout and exits 0", async (flag) => {
    const { io, out, err } = capture();
    expect(await runCli([flag], {}, io)).toBe(0);
    expect(err).toEqual([]);
    expect(out.join("")).toContain("eng-health report OWNER/REPO");
  });

  it("--version prints the version in package.json", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    const { io, out } = capture();
    expect(await runCli(["--version"], {}, io)).toBe(0);
    expect(out).toEqual([`${version}\n`]);
  });

  it.each([
    [["check"], /check needs OWNER\/REPO#N or a pull request URL/],
    [["check", "https://github.com/acme/widgets/issues/7"], /check needs OWNER\/REPO#N or a pull request URL/],
    [["check", "acme/widgets#7", "acme/widgets#8"], /unexpected argument "acme\/widgets#8"/],
    [["report", "acme/widgets/extra"], /report needs OWNER\/REPO/],
    [["--json"], /a command is needed/],
  ])("%j exits 2 with a one-line reason and the usage", async (argv, reason) => {
    const { io, err } = capture();
    expect(await runCli(argv, { GITHUB_TOKEN: "t" }, io)).toBe(2);
    const [first, second] = err.join("").split("\n");
    expect(first).toMatch(reason);
    expect(second).toBe("Usage:");
  });

  it("refuses a GITHUB_API_URL that is not a URL before any request", async () => {
    const { io, err } = capture();
    expect(await runCli(["check", "acme/widgets#7"], { GITHUB_TOKEN: "t", GITHUB_API_URL: "http://127.0.0.1:99999/api/v3" }, io)).toBe(2);
    expect(err.join("").split("\n")[0]).toBe('eng-health: GITHUB_API_URL must be an http(s) URL such as https://ghe.example.com/api/v3; it is "http://127.0.0.1:99999/api/v3"');
  });
});

describe("eng-health check OWNER/REPO#N or a pull request URL", () => {
  it("takes a pasted github.com pull request URL, options first or last", async () => {
    for (const argv of [
      ["check", `https://github.com/${OWNER}/${REPO}/pull/2`, "--json"],
      ["check", "--json", `https://github.com/${OWNER}/${REPO}/pull/2/files`],
    ]) {
      const scope = mockCheck();
      const { io, out } = capture();
      expect(await runCli(argv, { GITHUB_TOKEN: "t" }, io, { now: NOW })).toBe(0);
      scope.done();
      expect(JSON.parse(out.join("")).conclusion).toBe("neutral");
    }
  });

  it("takes a GitHub Enterprise Server URL with GITHUB_API_URL, and without it says which variable to set", async () => {
    const scope = mockCheck("https://ghe.example.com", "/api/v3");
    const { io } = capture();
    const env = { GITHUB_TOKEN: "t", GITHUB_API_URL: "https://ghe.example.com/api/v3" };
    expect(await runCli(["check", `https://ghe.example.com/${OWNER}/${REPO}/pull/2`, "--json"], env, io, { now: NOW })).toBe(0);
    scope.done();

    const refused = capture();
    expect(await runCli(["check", `https://ghe.example.com/${OWNER}/${REPO}/pull/2`], { GITHUB_TOKEN: "t" }, refused.io)).toBe(2);
    expect(refused.err.join("").split("\n")[0]).toBe(
      "eng-health: the pull request is on ghe.example.com, but GITHUB_API_URL is not set (so https://api.github.com would be asked); for GitHub Enterprise Server set GITHUB_API_URL=https://ghe.example.com/api/v3",
    );
  });
});

describe("eng-health's stderr", () => {
  it("carries none of Octokit's request log (the config's 404s) without --verbose, and all of it with --verbose", async () => {
    const console404 = [vi.spyOn(console, "error"), vi.spyOn(console, "warn"), vi.spyOn(console, "info"), vi.spyOn(console, "debug")];
    const quiet = capture();
    const scope = mockCheck();
    expect(await runCli(["check", `${OWNER}/${REPO}#2`], { GITHUB_TOKEN: "t" }, quiet.io, { now: NOW })).toBe(0);
    scope.done();
    expect(quiet.err).toEqual([]);
    for (const spy of console404) expect(spy).not.toHaveBeenCalled();

    const verbose = capture();
    const again = mockCheck();
    expect(await runCli(["check", `${OWNER}/${REPO}#2`, "--verbose"], { GITHUB_TOKEN: "t" }, verbose.io, { now: NOW })).toBe(0);
    again.done();
    const lines = verbose.err.join("").trim().split("\n").map((line) => line.replace(/ with id .* in \d+ms$/, ""));
    expect(lines).toEqual([
      `eng-health: GET /repos/${OWNER}/${REPO}/pulls/2 - 200`,
      `eng-health: GET /repos/${OWNER}/${REPO}/contents/.github%2Feng-health.yml - 404`,
      `eng-health: GET /repos/${OWNER}/.github/contents/.github%2Feng-health.yml - 404`,
      expect.stringMatching(/^eng-health: (GET \/repos\/Codertocat\/Hello-World\/pulls\/2\/files\?per_page=100&page=1|POST \/graphql) - 200$/),
      expect.stringMatching(/^eng-health: (GET \/repos\/Codertocat\/Hello-World\/pulls\/2\/files\?per_page=100&page=1|POST \/graphql) - 200$/),
    ]);
    for (const spy of console404) expect(spy).not.toHaveBeenCalled();
  });
});

describe("eng-health when no HTTP answer comes back", () => {
  it("names the URL tried and GITHUB_API_URL for a refused connection, after the retries, never as HTTP 500", async () => {
    const port = await freePort();
    const apiUrl = `http://127.0.0.1:${port}/api/v3`;
    const { io, out, err } = capture();
    expect(await runCli(["check", "acme/widgets#7"], { GITHUB_TOKEN: "t", GITHUB_API_URL: apiUrl }, io, { createClient: fastClient })).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      `eng-health: could not connect to ${apiUrl}/repos/acme/widgets/pulls/7 (connect ECONNREFUSED 127.0.0.1:${port}); no HTTP answer was received. GITHUB_API_URL is "${apiUrl}": is that the API's address, and can this machine reach it?\n`,
    ]);
  });

  it("says so for a port fetch refuses to use, too", async () => {
    const { io, err } = capture();
    expect(await runCli(["report", "acme/widgets"], { GITHUB_TOKEN: "t", GITHUB_API_URL: "http://127.0.0.1:1/api/v3" }, io, { createClient: fastClient })).toBe(1);
    expect(err.join("")).not.toContain("HTTP 500");
    expect(err.join("")).toContain(
      "eng-health: could not connect to http://127.0.0.1:1/api/v3/repos/acme/widgets/contents/.github%2Feng-health.yml (bad port); no HTTP answer was received. GITHUB_API_URL is \"http://127.0.0.1:1/api/v3\"",
    );
  });

  it("still reports an HTTP 500 that GitHub answered as one", async () => {
    const server = createServer((_req, res) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "Server Error" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const { io, err } = capture();
      const env = { GITHUB_TOKEN: "t", GITHUB_API_URL: `http://127.0.0.1:${port}/api/v3` };
      expect(await runCli(["check", "acme/widgets#7"], env, io, { createClient: fastClient })).toBe(1);
      expect(err).toEqual(["eng-health: could not read from GitHub (HTTP 500): Server Error\n"]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
