import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { configSchema, DEFAULT_CONFIG } from "../src/config/schema.js";
import { createClient, type Client } from "../src/github/create-client.js";
import { buildRollupReport } from "../src/pipelines/build-rollup-report.js";
import { buildWeeklyReport, type WeeklyReport } from "../src/pipelines/build-weekly-report.js";
import { isoWeekWindow } from "../src/time/iso-week.js";
import { renderReportMarker } from "../src/report/report-marker.js";
import { renderReportTitle } from "../src/report/render-report.js";
import { startSyntheticGitHub } from "./synthetic-github.js";
import { buildSyntheticRepository, type SyntheticRepository } from "./synthetic-repository.js";

/**
 * `npm run bench:report`: the weekly report against a local stand-in GitHub.
 *
 * The orchestrator forks a stand-in server (`--serve`: synthetic repositories
 * of 100, 1,000 and 5,000 PRs spread over the 8 weeks up to the report's week,
 * 20 ms of latency per request), then one fresh runner process per
 * repository and run (`--run`), so each peak memory figure is that run's
 * alone: the first report (no earlier reports: the trend's 7 earlier weeks are
 * computed in the same pass) and a weekly report (the earlier weeks read
 * from the markers the first run left behind); then the same two runs of a
 * rollup over 20 repositories holding 5,000 pull requests between them
 * (issue 16). It prints API calls, wall time and peak memory for each. `--example` prints the rendered 100-PR
 * weekly report instead (the README's example).
 */

const SIZES = [100, 1000, 5000] as const;
const LATENCY_MS = 20;
const WEEK = "2026-W47";
const OWNER = "bench";
const CONFIG = DEFAULT_CONFIG;
const WINDOW = isoWeekWindow(WEEK, CONFIG.report.timezone);
/** The report runs on Monday at 09:00 after the week, like the scheduled job. */
const NOW = new Date(Date.parse(WINDOW.end) + 9 * 3_600_000);
const SCRIPT = fileURLToPath(import.meta.url);
/** The rollup row: one team issue over this many repositories ... */
const ROLLUP_REPOSITORIES = 20;
/** ... holding this many pull requests between them (issue 16). */
const ROLLUP_PULL_REQUESTS = 5000;
/** The rollup lives in the first of its repositories and lists them all. */
const ROLLUP_NAMES = Array.from({ length: ROLLUP_REPOSITORIES }, (_, index) => `team-${String(index + 1).padStart(2, "0")}`);
const ROLLUP_CONFIG = configSchema.parse({ rollup: { repos: ROLLUP_NAMES.map((name) => `${OWNER}/${name}`) } });

type Run = "first" | "weekly";

/** What a run reports on: one repository of SIZE pull requests, or the rollup. */
type Target = number | "rollup";

/**
 * The client the CLI uses (`createClient`: retry, request counting), without
 * throttling: its one-second spacing of GraphQL queries and writes is for
 * GitHub's secondary rate limits, which the stand-in does not have, and would
 * measure the waiting instead of the report.
 */
function benchClient(apiUrl: string): Client {
  const client = createClient({ token: "bench", apiUrl, userAgent: "eng-health-bench", throttle: { enabled: false } });
  // The rollup's config reads answer 404 (no file: the defaults); Octokit's request log would print each one.
  client.log.error = () => {};
  return client;
}

/** What a runner reports back. */
interface RunResult {
  target: Target;
  run: Run;
  pullRequests: number;
  apiCalls: number;
  serverRequests: number;
  wallMs: number;
  /** CPU time of the runner process during the report (user + system). */
  cpuMs: number;
  /** RSS before the report started (Node, the modules, the client). */
  baselineRssBytes: number;
  peakRssBytes: number;
  peakHeapBytes: number;
  computedWeeks: number;
  /** Repositories the report covers (1 for a repository's own report). */
  repositories: number;
}

function repositoryName(size: number): string {
  return `prs-${size}`;
}

function syntheticRepository(size: number): SyntheticRepository {
  return buildSyntheticRepository({
    owner: OWNER,
    repo: repositoryName(size),
    pullRequests: size,
    end: WINDOW.end,
    weeks: CONFIG.report.trend_weeks,
    now: NOW.toISOString(),
  });
}

/** The rollup's repositories: {@link ROLLUP_PULL_REQUESTS} pull requests spread evenly, each repository its own seed. */
function rollupRepositories(): SyntheticRepository[] {
  return ROLLUP_NAMES.map((repo, index) =>
    buildSyntheticRepository({
      owner: OWNER,
      repo,
      pullRequests: ROLLUP_PULL_REQUESTS / ROLLUP_REPOSITORIES,
      end: WINDOW.end,
      weeks: CONFIG.report.trend_weeks,
      now: NOW.toISOString(),
      seed: 100 + index,
    }),
  );
}

/** The report of a run: a repository's own, or the rollup's (which lives in its first repository), with the repositories it covers. */
async function buildReport(client: Client, target: Target): Promise<WeeklyReport & { covered: number }> {
  if (target === "rollup") {
    const rollup = await buildRollupReport(client, { owner: OWNER, repo: ROLLUP_NAMES[0] as string, week: WEEK, config: ROLLUP_CONFIG });
    return { ...rollup, covered: Object.keys(rollup.repositories).length };
  }
  return { ...(await buildWeeklyReport(client, { owner: OWNER, repo: repositoryName(target), week: WEEK, config: CONFIG })), covered: 1 };
}

/** `--serve`: the stand-in, until the orchestrator disconnects. */
async function serve(): Promise<void> {
  const server = await startSyntheticGitHub({ repositories: [...SIZES.map(syntheticRepository), ...rollupRepositories()], latencyMs: LATENCY_MS });
  process.send?.({ apiUrl: server.apiUrl });
  process.on("message", (message: { requests?: boolean }) => {
    if (message.requests) process.send?.({ requests: server.requests.graphql + server.requests.rest });
  });
  process.on("disconnect", () => void server.close().then(() => process.exit(0)));
}

/** `--run SIZE|rollup RUN API_URL`: one report, measured; the first run then files the earlier weeks' reports. */
async function runOnce(target: Target, run: Run, apiUrl: string): Promise<void> {
  const client = benchClient(apiUrl);
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 5);
  const baselineRss = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const report = await buildReport(client, target);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const peakRss = process.resourceUsage().maxRSS * 1024;

  if (run === "first") {
    // Leave the earlier weeks' reports behind, as the scheduled job would have.
    for (const week of report.trend.slice(0, -1)) {
      await client.request("POST /repos/{owner}/{repo}/issues", {
        owner: OWNER,
        repo: target === "rollup" ? (ROLLUP_NAMES[0] as string) : repositoryName(target),
        title: renderReportTitle(isoWeekWindow(week.week, CONFIG.report.timezone).monday),
        // A rollup's marker has its repositories' figures (not kept for earlier weeks here: the trend reads the team's).
        body: renderReportMarker(target === "rollup" ? { ...week, repositories: {} } : week),
        labels: [...CONFIG.report.labels],
      });
    }
  }
  const result: RunResult = {
    target,
    run,
    pullRequests: report.pullRequests,
    apiCalls: report.apiCalls,
    serverRequests: 0,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    baselineRssBytes: baselineRss,
    peakRssBytes: peakRss,
    peakHeapBytes: peakHeap,
    computedWeeks: report.computedWeeks.length,
    repositories: report.covered,
  };
  process.send?.(result);
}

/** `--example`: the 100-PR weekly report, rendered (no latency). */
async function printExample(): Promise<void> {
  const server = await startSyntheticGitHub({ repositories: [syntheticRepository(100)], latencyMs: 0 });
  try {
    const client = benchClient(server.apiUrl);
    const repo = repositoryName(100);
    const first = await buildWeeklyReport(client, { owner: OWNER, repo, week: WEEK, config: CONFIG });
    for (const week of first.trend.slice(0, -1)) {
      await client.request("POST /repos/{owner}/{repo}/issues", {
        owner: OWNER,
        repo,
        title: renderReportTitle(isoWeekWindow(week.week, CONFIG.report.timezone).monday),
        body: renderReportMarker(week),
        labels: [...CONFIG.report.labels],
      });
    }
    const weekly = await buildWeeklyReport(client, { owner: OWNER, repo, week: WEEK, config: CONFIG });
    process.stdout.write(`# ${weekly.title}\n\n${weekly.body}`);
  } finally {
    await server.close();
  }
}

function message<T>(child: ChildProcess, accept: (value: unknown) => value is T): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`child exited with ${code}`));
    const onMessage = (value: unknown) => {
      if (!accept(value)) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(value);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

/** The default: serve, run every size twice, print the table. */
async function orchestrate(): Promise<void> {
  const server = fork(SCRIPT, ["--serve"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const { apiUrl } = await message(server, (value): value is { apiUrl: string } => typeof (value as { apiUrl?: unknown }).apiUrl === "string");
  const serverRequests = async (): Promise<number> => {
    const reply = message(server, (value): value is { requests: number } => typeof (value as { requests?: unknown }).requests === "number");
    server.send({ requests: true });
    return (await reply).requests;
  };

  console.log(
    `eng-health weekly report benchmark: stand-in GitHub on 127.0.0.1 (${LATENCY_MS} ms per request), week ${WEEK} (UTC), trend of ${CONFIG.report.trend_weeks} weeks, Node ${process.version}\n`,
  );
  console.log("| PRs in repository | run | PRs read | API calls | budget ceil(N/50)+10(+R) | issue-metrics at 4-7 calls per PR | wall time | CPU | peak RSS (before) | peak heap |");
  console.log("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  const results: RunResult[] = [];
  try {
    for (const target of [...SIZES, "rollup"] as const) {
      for (const run of ["first", "weekly"] as const) {
        const before = await serverRequests();
        const runner = fork(SCRIPT, ["--run", String(target), run, apiUrl], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
        const result = await message(runner, (value): value is RunResult => typeof (value as { wallMs?: unknown }).wallMs === "number");
        await new Promise((resolve) => runner.once("exit", resolve));
        // The first run also filed the earlier reports: count only the report's own requests.
        result.serverRequests = (await serverRequests()) - before - (run === "first" ? CONFIG.report.trend_weeks - 1 : 0);
        results.push(result);
        const budget = budgetOf(result);
        const label = run === "first" ? `first report (${result.computedWeeks} weeks computed)` : "weekly (trend from markers)";
        const size =
          target === "rollup"
            ? `${ROLLUP_PULL_REQUESTS.toLocaleString("en-US")} over ${ROLLUP_REPOSITORIES} repositories (rollup)`
            : target.toLocaleString("en-US");
        console.log(
          `| ${size} | ${label} | ${result.pullRequests.toLocaleString("en-US")} | ${result.apiCalls} | ${budget} | ${(result.pullRequests * 4).toLocaleString("en-US")}-${(result.pullRequests * 7).toLocaleString("en-US")} | ${(result.wallMs / 1000).toFixed(2)} s | ${(result.cpuMs / 1000).toFixed(2)} s | ${megabytes(result.peakRssBytes)} (${megabytes(result.baselineRssBytes)}) | ${megabytes(result.peakHeapBytes)} |`,
        );
      }
    }
  } finally {
    server.disconnect();
  }
  const mismatched = results.filter((result) => result.serverRequests !== result.apiCalls);
  console.log(
    mismatched.length === 0
      ? "\nThe stand-in answered exactly the API calls each report counted."
      : `\nWarning: the stand-in's request count differs for ${mismatched.map((result) => `${result.target}/${result.run}`).join(", ")}.`,
  );
  if (results.some((result) => result.apiCalls > budgetOf(result))) {
    console.error("A run went over its API call budget.");
    process.exitCode = 1;
  }
}

/** The budget: ceil(N/50) + 10 for a repository's report, + R for a rollup of R repositories (a config read each). */
function budgetOf(result: RunResult): number {
  return Math.ceil(result.pullRequests / 50) + 10 + (result.target === "rollup" ? result.repositories : 0);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

const [mode, ...args] = process.argv.slice(2);
if (mode === "--serve") await serve();
else if (mode === "--run") await runOnce(args[0] === "rollup" ? "rollup" : Number(args[0]), args[1] as Run, args[2] as string);
else if (mode === "--example") await printExample();
else await orchestrate();
