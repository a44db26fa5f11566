import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "../src/cli/run-cli.js";
import { DEFAULT_CONFIG } from "../src/config/schema.js";
import { createClient, type Client } from "../src/github/create-client.js";
import { buildWeeklyReport } from "../src/pipelines/build-weekly-report.js";
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
 * from the markers the first run left behind). It prints API calls, wall
 * time and peak memory for each. Then `eng-health backtest` on the 5,000-PR
 * repository with a proposed config (`--backtest`), over the default 4 weeks
 * and over all 8, through the CLI (config read included). `--example` prints
 * the rendered 100-PR weekly report instead (the README's example).
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
/** The backtest's repository and its proposed config: longer descriptions, tests enforced. */
const BACKTEST_SIZE = 5000;
const BACKTEST_WEEKS = [4, 8] as const;
const PROPOSED_CONFIG = "reasoning:\n  min_words: 40\ntests:\n  level: failure\n";

type Run = "first" | "weekly";

/**
 * The client the CLI uses (`createClient`: retry, request counting), without
 * throttling: its one-second spacing of GraphQL queries and writes is for
 * GitHub's secondary rate limits, which the stand-in does not have, and would
 * measure the waiting instead of the report.
 */
function benchClient(apiUrl: string): Client {
  return createClient({ token: "bench", apiUrl, userAgent: "eng-health-bench", throttle: { enabled: false } });
}

/** What a runner reports back. */
interface RunResult {
  size: number;
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

/** `--serve`: the stand-in, until the orchestrator disconnects. */
async function serve(): Promise<void> {
  const server = await startSyntheticGitHub({ repositories: SIZES.map(syntheticRepository), latencyMs: LATENCY_MS });
  process.send?.({ apiUrl: server.apiUrl });
  process.on("message", (message: { requests?: boolean }) => {
    if (message.requests) process.send?.({ requests: server.requests.graphql + server.requests.rest });
  });
  process.on("disconnect", () => void server.close().then(() => process.exit(0)));
}

/** Wall time, CPU time and peak memory of one piece of work in this process. */
interface Measured<T> {
  value: T;
  wallMs: number;
  cpuMs: number;
  baselineRssBytes: number;
  peakRssBytes: number;
  peakHeapBytes: number;
}

async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 5);
  const baselineRssBytes = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, baselineRssBytes, peakRssBytes: process.resourceUsage().maxRSS * 1024, peakHeapBytes: peakHeap };
}

/** `--run SIZE RUN API_URL`: one report, measured; the first run then files the earlier weeks' reports. */
async function runOnce(size: number, run: Run, apiUrl: string): Promise<void> {
  const client = benchClient(apiUrl);
  const measured = await measure(() => buildWeeklyReport(client, { owner: OWNER, repo: repositoryName(size), week: WEEK, config: CONFIG }));
  const report = measured.value;

  if (run === "first") {
    // Leave the earlier weeks' reports behind, as the scheduled job would have.
    for (const week of report.trend.slice(0, -1)) {
      await client.request("POST /repos/{owner}/{repo}/issues", {
        owner: OWNER,
        repo: repositoryName(size),
        title: renderReportTitle(isoWeekWindow(week.week, CONFIG.report.timezone).monday),
        body: renderReportMarker(week),
        labels: [...CONFIG.report.labels],
      });
    }
  }
  const result: RunResult = {
    size,
    run,
    pullRequests: report.pullRequests,
    apiCalls: report.apiCalls,
    serverRequests: 0,
    wallMs: measured.wallMs,
    cpuMs: measured.cpuMs,
    baselineRssBytes: measured.baselineRssBytes,
    peakRssBytes: measured.peakRssBytes,
    peakHeapBytes: measured.peakHeapBytes,
    computedWeeks: report.computedWeeks.length,
  };
  process.send?.(result);
}

/** What a backtest runner reports back. */
interface BacktestResult extends Omit<Measured<unknown>, "value"> {
  weeks: number;
  /** Merged PRs read: judged plus left out (bots). */
  pullRequests: number;
  apiCalls: number;
  exitCode: number;
}

/**
 * `--backtest WEEKS API_URL`: `eng-health backtest bench/prs-5000 --weeks WEEKS
 * --config proposed.yml --json` through the CLI (its client without
 * throttling, as above), measured.
 */
async function runBacktestOnce(weeks: number, apiUrl: string): Promise<void> {
  const proposed = join(mkdtempSync(join(tmpdir(), "eng-health-bench-")), "proposed.yml");
  writeFileSync(proposed, PROPOSED_CONFIG);
  let stdout = "";
  const argv = ["backtest", `${OWNER}/${repositoryName(BACKTEST_SIZE)}`, "--weeks", String(weeks), "--config", proposed, "--json"];
  const measured = await measure(() =>
    runCli(argv, { GITHUB_TOKEN: "bench" }, { stdout: (text) => void (stdout += text), stderr: () => {} }, { now: NOW, createClient: () => benchClient(apiUrl) }),
  );
  const json = JSON.parse(stdout) as { prs: number; left_out: number; api_calls: number };
  const { value, ...figures } = measured;
  const result: BacktestResult = { ...figures, weeks, pullRequests: json.prs + json.left_out, apiCalls: json.api_calls, exitCode: value };
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

/** The default: serve, run every size twice, then the backtests, and print the tables. */
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
  console.log("| PRs in repository | run | PRs read | API calls | budget ceil(N/50)+10 | issue-metrics at 4-7 calls per PR | wall time | CPU | peak RSS (before) | peak heap |");
  console.log("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  const results: RunResult[] = [];
  const backtests: Array<BacktestResult & { serverRequests: number }> = [];
  try {
    for (const size of SIZES) {
      for (const run of ["first", "weekly"] as const) {
        const before = await serverRequests();
        const runner = fork(SCRIPT, ["--run", String(size), run, apiUrl], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
        const result = await message(runner, (value): value is RunResult => typeof (value as { wallMs?: unknown }).wallMs === "number");
        await new Promise((resolve) => runner.once("exit", resolve));
        // The first run also filed the earlier reports: count only the report's own requests.
        result.serverRequests = (await serverRequests()) - before - (run === "first" ? CONFIG.report.trend_weeks - 1 : 0);
        results.push(result);
        const budget = Math.ceil(result.pullRequests / 50) + 10;
        const label = run === "first" ? `first report (${result.computedWeeks} weeks computed)` : "weekly (trend from markers)";
        console.log(
          `| ${size.toLocaleString("en-US")} | ${label} | ${result.pullRequests.toLocaleString("en-US")} | ${result.apiCalls} | ${budget} | ${(result.pullRequests * 4).toLocaleString("en-US")}-${(result.pullRequests * 7).toLocaleString("en-US")} | ${(result.wallMs / 1000).toFixed(2)} s | ${(result.cpuMs / 1000).toFixed(2)} s | ${megabytes(result.peakRssBytes)} (${megabytes(result.baselineRssBytes)}) | ${megabytes(result.peakHeapBytes)} |`,
        );
      }
    }

    console.log(`\n| PRs in repository | run | merged PRs read | API calls | budget ceil(N/100)+5 | wall time | CPU | peak RSS (before) | peak heap |`);
    console.log("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
    for (const weeks of BACKTEST_WEEKS) {
      const before = await serverRequests();
      const runner = fork(SCRIPT, ["--backtest", String(weeks), apiUrl], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
      const result = await message(runner, (value): value is BacktestResult => typeof (value as { weeks?: unknown }).weeks === "number");
      await new Promise((resolve) => runner.once("exit", resolve));
      backtests.push({ ...result, serverRequests: (await serverRequests()) - before });
      console.log(
        `| ${BACKTEST_SIZE.toLocaleString("en-US")} | backtest, ${weeks} weeks, proposed config | ${result.pullRequests.toLocaleString("en-US")} | ${result.apiCalls} | ${Math.ceil(result.pullRequests / 100) + 5} | ${(result.wallMs / 1000).toFixed(2)} s | ${(result.cpuMs / 1000).toFixed(2)} s | ${megabytes(result.peakRssBytes)} (${megabytes(result.baselineRssBytes)}) | ${megabytes(result.peakHeapBytes)} |`,
      );
    }
  } finally {
    server.disconnect();
  }
  const mismatched = [
    ...results.filter((result) => result.serverRequests !== result.apiCalls).map((result) => `${result.size}/${result.run}`),
    ...backtests.filter((result) => result.serverRequests !== result.apiCalls).map((result) => `backtest/${result.weeks} weeks`),
  ];
  console.log(
    mismatched.length === 0
      ? "\nThe stand-in answered exactly the API calls each run counted."
      : `\nWarning: the stand-in's request count differs for ${mismatched.join(", ")}.`,
  );
  if (
    results.some((result) => result.apiCalls > Math.ceil(result.pullRequests / 50) + 10) ||
    backtests.some((result) => result.exitCode !== 0 || result.apiCalls > Math.ceil(result.pullRequests / 100) + 5)
  ) {
    console.error("A run went over its API call budget, or failed.");
    process.exitCode = 1;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

const [mode, ...args] = process.argv.slice(2);
if (mode === "--serve") await serve();
else if (mode === "--run") await runOnce(Number(args[0]), args[1] as Run, args[2] as string);
else if (mode === "--backtest") await runBacktestOnce(Number(args[0]), args[1] as string);
else if (mode === "--example") await printExample();
else await orchestrate();
