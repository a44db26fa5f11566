import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { startSyntheticGitHub, type SyntheticGitHub } from "../../bench/synthetic-github.js";
import { buildSyntheticRepository, type SyntheticRepository } from "../../bench/synthetic-repository.js";
import { createClient } from "../../src/github/create-client.js";
import type { Log } from "../../src/model/log.js";
import { checkPullRequest } from "../../src/pipelines/check-pull-request.js";
import { createServices } from "../../src/pipelines/services.js";
import { isoWeekWindow, lastCompleteIsoWeek } from "../../src/time/iso-week.js";
import { examplePayload } from "../helpers/payloads.js";
import { checkOutAction, REPO_ROOT, runActionBundle } from "../helpers/run-action-bundle.js";
import { startStandInGitHub, type StandInRequest } from "../helpers/stand-in-github.js";

// These tests run the committed dist/action.js as the runner would (`node dist/action.js` in a
// checkout without node_modules); CI's stale-bundle check keeps it in step with src/.

const OWNER = "Codertocat";
const REPO = "Hello-World";
const SERVER_URL = "https://github.example";
/** A team that asks for tests at `failure` level, with the review clock off so nothing depends on the time of the run. */
const CONFIG = "tests:\n  level: failure\nreview:\n  level: off\n";
/** Twelve source files changed without a test: twelve `failure` annotations, two more than GitHub shows per step. */
const FILES = Array.from({ length: 12 }, (_, index) => ({
  filename: `src/widgets/part-${String(index + 1).padStart(2, "0")}.ts`,
  status: "added",
  additions: 20,
  deletions: 0,
  patch: `@@ -0,0 +1,20 @@\n${Array.from({ length: 20 }, (_, line) => `+export const line${line} = ${line};`).join("\n")}`,
}));

const event = examplePayload<{ pull_request: { number: number; head: { sha: string }; changed_files?: number } }>("pull_request", "opened");
event.pull_request.changed_files = FILES.length;
const HEAD_SHA = event.pull_request.head.sha;

/** A stand-in that keeps the check runs written to it, answering the lookup with the newest. */
async function startPullRequestStandIn(options: { refuseCreate?: boolean } = {}) {
  const runs: number[] = [];
  const standIn = await startStandInGitHub([
    ({ method, path }) => (method === "GET" && path === `/api/v3/repos/${OWNER}/${REPO}/contents/.github%2Feng-health.yml` ? [200, CONFIG] : undefined),
    ({ method, path }) => (method === "GET" && path.startsWith(`/api/v3/repos/${OWNER}/${REPO}/pulls/2/files?`) ? [200, FILES] : undefined),
    ({ method, path }) =>
      method === "POST" && path === "/api/graphql"
        ? [200, {
            data: {
              repository: {
                object: { checkSuites: { nodes: runs.length > 0 ? [{ checkRuns: { nodes: [{ databaseId: runs.at(-1) }] } }] : [] } },
                issues: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
              },
            },
          }]
        : undefined,
    ({ method, path }) => {
      if (method !== "POST" || path !== `/api/v3/repos/${OWNER}/${REPO}/check-runs`) return undefined;
      if (options.refuseCreate) return [403, { message: "Resource not accessible by integration" }];
      runs.push(7001 + runs.length);
      return [201, { id: runs.at(-1) }];
    },
    ({ method, path }) => (method === "PATCH" && path === `/api/v3/repos/${OWNER}/${REPO}/check-runs/7001` ? [200, { id: 7001 }] : undefined),
  ]);
  return { ...standIn, runs };
}

function calls(requests: readonly StandInRequest[]): string[] {
  return requests.map((request) => `${request.method} ${request.path.split("?")[0]}`);
}

function pullRequestEnv(host: string, eventName = "pull_request"): Record<string, string> {
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: `http://${host}/api/v3`,
    GITHUB_GRAPHQL_URL: `http://${host}/api/graphql`,
    GITHUB_SERVER_URL: SERVER_URL,
    "INPUT_GITHUB-TOKEN": "ghs_stand-in",
    INPUT_COMMAND: "auto",
    INPUT_WEEK: "",
    INPUT_PUBLISH: "true",
  };
}

const silent: Log = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };

let checkout: ReturnType<typeof checkOutAction>;
beforeAll(() => {
  checkout = checkOutAction();
});
afterAll(() => checkout?.remove());

describe("the GitHub Action bundle on a pull request", () => {
  it("creates one completed check run, the same as the app's, then updates it on a second run", async () => {
    const standIn = await startPullRequestStandIn();
    const app = await startPullRequestStandIn();
    try {
      const first = await runActionBundle(checkout.dir, pullRequestEnv(standIn.host), event);
      expect(first.stderr).toBe("");
      expect(first.code).toBe(0); // a red check run needs no red job beside it
      const expectedReads = [
        `GET /api/v3/repos/${OWNER}/${REPO}/contents/.github%2Feng-health.yml`,
        `GET /api/v3/repos/${OWNER}/${REPO}/pulls/2/files`,
        "POST /api/graphql",
      ];
      expect(calls(standIn.requests).slice(0, 3).sort()).toEqual([...expectedReads].sort());
      expect(calls(standIn.requests).slice(3)).toEqual([`POST /api/v3/repos/${OWNER}/${REPO}/check-runs`]);
      const created = standIn.requests[3]?.body as { name: string; head_sha: string; status: string; conclusion: string; output: { title: string; summary: string; annotations: unknown[] } };
      expect(created).toMatchObject({ name: "Engineering practices", head_sha: HEAD_SHA, status: "completed", conclusion: "failure" });
      expect(created.output.annotations).toHaveLength(12);
      expect(first.output).toBe("conclusion=failure\n");
      expect(first.summary).toContain(`## Engineering practices: ${created.output.title}`);
      expect(first.summary).toContain(`**Conclusion:** \`failure\` · [the check run](${SERVER_URL}/${OWNER}/${REPO}/runs/7001)`);
      expect(first.summary).toContain("| | Agreement | Result |");
      expect(first.summary).not.toContain("<!-- eng-health:");
      expect(first.stdout).toContain(`created the check run "Engineering practices": ${created.output.title}`);

      // The app's pipeline on the same PR and config writes exactly the same run.
      const client = createClient({ token: "t", apiUrl: `http://${app.host}/api/v3`, userAgent: "test", retry: { enabled: false }, throttle: { enabled: false } });
      await checkPullRequest(client, { owner: OWNER, repo: REPO, pr: event.pull_request as never, action: "opened", deliveryId: "d-1" }, { services: createServices(), log: silent });
      expect(app.requests.at(-1)?.path).toBe(`/api/v3/repos/${OWNER}/${REPO}/check-runs`);
      expect(created).toEqual(app.requests.at(-1)?.body);

      // Running the job again (a re-run, a second event on the same head SHA) updates the same run.
      const second = await runActionBundle(checkout.dir, pullRequestEnv(standIn.host), event);
      expect(second.code).toBe(0);
      expect(calls(standIn.requests).slice(7)).toEqual([`PATCH /api/v3/repos/${OWNER}/${REPO}/check-runs/7001`]);
      expect(standIn.runs).toEqual([7001]);
      const { head_sha: _headSha, ...updated } = created;
      expect(standIn.requests.at(-1)?.body).toEqual(updated);
      expect(second.stdout).toContain(`updated the check run "Engineering practices"`);
      expect(second.output).toBe("conclusion=failure\n");
    } finally {
      await standIn.close();
      await app.close();
    }
  });

  it("falls back to workflow commands, the job summary and exit code 1 when the token cannot write checks (a fork)", async () => {
    const standIn = await startPullRequestStandIn({ refuseCreate: true });
    try {
      const run = await runActionBundle(checkout.dir, pullRequestEnv(standIn.host), event);
      expect(run.code).toBe(1);
      expect(calls(standIn.requests).filter((call) => !call.startsWith("GET") && call !== "POST /api/graphql")).toEqual([
        `POST /api/v3/repos/${OWNER}/${REPO}/check-runs`,
      ]);
      const lines = run.stdout.split("\n");
      expect(lines).toContainEqual(expect.stringMatching(/^::warning::eng-health: The check run could not be written: this workflow's token cannot write checks \(HTTP 403\)/));
      const errors = lines.filter((line) => line.startsWith("::error file="));
      expect(errors).toHaveLength(10);
      expect(errors[0]).toMatch(/^::error file=src\/widgets\/part-01\.ts,line=1,title=[^:]+::.+/);
      expect(run.summary).toContain("**Conclusion:** `failure`, carried by this job's result");
      expect(run.summary).toContain("GitHub shows 10 annotations of each kind per step; 2 more findings are listed here:");
      expect(run.summary).toContain("- ❌ `src/widgets/part-11.ts` line 1:");
      expect(run.summary).toContain("- ❌ `src/widgets/part-12.ts` line 1:");
      expect(run.output).toBe("conclusion=failure\n");
    } finally {
      await standIn.close();
    }
  });
});

describe("the GitHub Action bundle on a schedule", () => {
  let server: SyntheticGitHub;
  let repository: SyntheticRepository;
  const now = new Date();
  const week = lastCompleteIsoWeek(now.toISOString(), "UTC");

  beforeAll(async () => {
    repository = buildSyntheticRepository({ owner: "bench", repo: "prs-30", pullRequests: 30, end: isoWeekWindow(week, "UTC").end, weeks: 8, now: now.toISOString() });
    server = await startSyntheticGitHub({ repositories: [repository], latencyMs: 0 });
  });
  afterAll(async () => server?.close());

  it("publishes the week's report once over two runs and writes report-url both times", async () => {
    const env = {
      ...pullRequestEnv(server.apiUrl.replace(/^http:\/\//, "").replace(/\/api\/v3$/, ""), "schedule"),
      GITHUB_REPOSITORY: "bench/prs-30",
    };
    const first = await runActionBundle(checkout.dir, env, { schedule: "0 9 * * 1" });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const reports = repository.issues.filter((issue) => issue.body.includes(`"week":"${week}"`));
    expect(reports).toHaveLength(1);
    const url = reports[0]?.htmlUrl ?? "";
    expect(first.output).toBe(`report-url=${url}\n`);
    expect(first.summary).toContain(`> The team-health report for ${week} was created: [#${reports[0]?.number}](${url}).`);
    expect(first.summary).toContain(`# Team health: week of ${isoWeekWindow(week, "UTC").monday}`);
    expect(first.summary).not.toContain("<!-- eng-health:");

    const before = { ...server.requests };
    const second = await runActionBundle(checkout.dir, env, { schedule: "0 9 * * 1" });
    expect(second.code).toBe(0);
    expect(repository.issues.filter((issue) => issue.body.includes(`"week":"${week}"`))).toHaveLength(1);
    expect(second.output).toBe(`report-url=${url}\n`);
    expect(second.summary).toContain(`is already published as [#${reports[0]?.number}](${url}), so it was left as it is.`);
    // The config (the repository's file, then the organisation's .github) and one listing: nothing built, nothing written.
    expect({ rest: server.requests.rest - before.rest, graphql: server.requests.graphql - before.graphql }).toEqual({ rest: 3, graphql: 0 });
  });
});

describe("the committed bundle and action.yml", () => {
  const bundle = readFileSync(join(REPO_ROOT, "dist", "action.js"), "utf8");

  it("is one self-contained ES module without Probot, machine paths or timestamps", () => {
    // CommonJS dependencies bundled into an ES module call require for Node's built-ins.
    expect(bundle.startsWith("import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);\n")).toBe(true);
    expect(bundle).not.toMatch(/^\/\/ node_modules\/probot\//m);
    expect(bundle).toMatch(/^\/\/ src\/action\.ts$/m); // paths relative to the repository, so any clone builds the same bytes
    expect(bundle).not.toContain(REPO_ROOT);
    expect(bundle).not.toMatch(/^import .* from "(?!node:)[^"]*";$/m); // nothing left to install
  });

  it("declares a node24 JavaScript action running dist/action.js, with the inputs, outputs and branding the README documents", () => {
    const action = parseYaml(readFileSync(join(REPO_ROOT, "action.yml"), "utf8")) as {
      name: string;
      description: string;
      branding: { icon: string; color: string };
      inputs: Record<string, { default?: string; required?: boolean }>;
      outputs: Record<string, { description: string }>;
      runs: { using: string; main: string };
    };
    expect(action.runs).toEqual({ using: "node24", main: "dist/action.js" });
    expect(Object.keys(action.inputs)).toEqual(["github-token", "command", "week", "publish"]);
    expect(action.inputs["github-token"]?.default).toBe("${{ github.token }}");
    expect(action.inputs.command?.default).toBe("auto");
    expect(action.inputs.publish?.default).toBe("true");
    expect(Object.keys(action.outputs)).toEqual(["conclusion", "report-url"]);
    // GitHub Marketplace shows at most 125 characters of the description.
    expect(action.description.length).toBeLessThanOrEqual(125);
    expect(action.branding).toEqual({ icon: "activity", color: "green" });
  });
});
