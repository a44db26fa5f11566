import { fork } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "../src/cli/run-cli.js";
import type { Client } from "../src/github/create-client.js";
import { buildRollupReport } from "../src/pipelines/build-rollup-report.js";
import { buildWeeklyReport, type WeeklyReport } from "../src/pipelines/build-weekly-report.js";
import { isoWeekWindow } from "../src/time/iso-week.js";
import { renderReportMarker } from "../src/report/report-marker.js";
import { renderReportTitle } from "../src/report/render-report.js";
import {
  benchClient,
  CONFIG,
  LATENCY_MS,
  NOW,
  OWNER,
  repositoryName,
  ROLLUP_CONFIG,
  ROLLUP_NAMES,
  ROLLUP_PULL_REQUESTS,
  ROLLUP_REPOSITORIES,
  rollupRepositories,
  SIZES,
  syntheticRepository,
  WEEK,
} from "./bench-repositories.js";
import { measure, megabytes, message, type Measured } from "./measure-work.js";
import { startSyntheticGitHub } from "./synthetic-github.js";

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
 * (issue 16). It prints API calls, wall time and peak memory for each. Then
 * `eng-health backtest` on the 5,000-PR repository with a proposed config
 * (`--backtest`), over the default 4 weeks and over all 8, through the CLI
 * (config read included). `--example` prints the rendered 100-PR weekly
 * report instead (docs/weekly-report-example.md).
 */

const SCRIPT = fileURLToPath(import.meta.url);
/** The backtest's repository and its proposed config: longer descriptions, tests enforced. */
const BACKTEST_SIZE = 5000;
const BACKTEST_WEEKS = [4, 8] as const;
const PROPOSED_CONFIG = "reasoning:\n  min_words: 40\ntests:\n  level: failure\n";

type Run = "first" | "weekly";

/** What a run reports on: one repository of SIZE pull requests, or the rollup. */
type Target = number | "rollup";

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

/** What a backtest runner reports back. */
interface BacktestResult extends Omit<Measured<unknown>, "value"> {
  weeks: number;
  /** Merged PRs read: judged plus left out (bots). */
  pullRequests: number;
  apiCalls: number;
  exitCode: number;
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
  const measured = await measure(() => buildReport(client, target));
  const report = measured.value;

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
    wallMs: measured.wallMs,
    cpuMs: measured.cpuMs,
    baselineRssBytes: measured.baselineRssBytes,
    peakRssBytes: measured.peakRssBytes,
    peakHeapBytes: measured.peakHeapBytes,
    computedWeeks: report.computedWeeks.length,
    repositories: report.covered,
  };
  process.send?.(result);
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
  const { value, ...measures } = measured;
  const result: BacktestResult = { ...measures, weeks, pullRequests: json.prs + json.left_out, apiCalls: json.api_calls, exitCode: value };
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

/** The default: serve, run every size and the rollup twice, then the backtests, and print the tables. */
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
  const backtests: Array<BacktestResult & { serverRequests: number }> = [];
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
        const label = run === "first" ? `first report (${result.computedWeeks} weeks computed)` : "weekly (trend from markers)";
        const size =
          target === "rollup"
            ? `${ROLLUP_PULL_REQUESTS.toLocaleString("en-US")} over ${ROLLUP_REPOSITORIES} repositories (rollup)`
            : target.toLocaleString("en-US");
        console.log(
          `| ${size} | ${label} | ${result.pullRequests.toLocaleString("en-US")} | ${result.apiCalls} | ${budgetOf(result)} | ${(result.pullRequests * 4).toLocaleString("en-US")}-${(result.pullRequests * 7).toLocaleString("en-US")} | ${figures(result)} |`,
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
        `| ${BACKTEST_SIZE.toLocaleString("en-US")} | backtest, ${weeks} weeks, proposed config | ${result.pullRequests.toLocaleString("en-US")} | ${result.apiCalls} | ${backtestBudgetOf(result)} | ${figures(result)} |`,
      );
    }
  } finally {
    server.disconnect();
  }
  const mismatched = [
    ...results.filter((result) => result.serverRequests !== result.apiCalls).map((result) => `${result.target}/${result.run}`),
    ...backtests.filter((result) => result.serverRequests !== result.apiCalls).map((result) => `backtest/${result.weeks} weeks`),
  ];
  console.log(
    mismatched.length === 0
      ? "\nThe stand-in answered exactly the API calls each run counted."
      : `\nWarning: the stand-in's request count differs for ${mismatched.join(", ")}.`,
  );
  if (
    results.some((result) => result.apiCalls > budgetOf(result)) ||
    backtests.some((result) => result.exitCode !== 0 || result.apiCalls > backtestBudgetOf(result))
  ) {
    console.error("A run went over its API call budget, or failed.");
    process.exitCode = 1;
  }
}

/** The budget: ceil(N/50) + 10 for a repository's report, + R for a rollup of R repositories (a config read each). */
function budgetOf(result: RunResult): number {
  return Math.ceil(result.pullRequests / 50) + 10 + (result.target === "rollup" ? result.repositories : 0);
}

/** The backtest's budget (issue 13): ceil(N/100) + 5 for N merged PRs read. */
function backtestBudgetOf(result: BacktestResult): number {
  return Math.ceil(result.pullRequests / 100) + 5;
}

/** The table cells every row ends with: wall time, CPU, peak RSS (baseline) and peak heap. */
function figures(result: Omit<Measured<unknown>, "value">): string {
  return `${(result.wallMs / 1000).toFixed(2)} s | ${(result.cpuMs / 1000).toFixed(2)} s | ${megabytes(result.peakRssBytes)} (${megabytes(result.baselineRssBytes)}) | ${megabytes(result.peakHeapBytes)}`;
}

const [mode, ...args] = process.argv.slice(2);
if (mode === "--serve") await serve();
else if (mode === "--run") await runOnce(args[0] === "rollup" ? "rollup" : Number(args[0]), args[1] as Run, args[2] as string);
else if (mode === "--backtest") await runBacktestOnce(Number(args[0]), args[1] as string);
else if (mode === "--example") await printExample();
else await orchestrate();
