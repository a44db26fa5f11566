import { spawn, spawnSync } from "node:child_process";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { pino } from "pino";
import { run, type Probot } from "probot";
import { AppOctokit } from "../src/github/app-octokit.js";
import { createApp, type AppRuntime } from "../src/index.js";
import { createServices } from "../src/pipelines/services.js";
import { redisAnswersAt } from "../src/queue/redis-connection.js";
import { readSettings } from "../src/server/settings.js";
import { startPullRequestStandIn } from "./pull-request-stand-in.js";
import type { SendOrder } from "./send-deliveries.js";

// `npm run bench:webhooks`: the real server (Probot's run, throttling and retries on) against a
// local stand-in for GitHub with 20 ms of latency per request. Each scenario runs in a fresh
// process (its peak RSS is its own), and the deliveries come from another process
// (send-deliveries.ts), so the figures are the server's alone; this parent prints the table.
// Memory growth: after 5,000 cheap deliveries and the queue drained, then after 10,000 more, each
// read after a full garbage collection (--expose-gc): the heap in use shows a leak; RSS also moves
// with what the allocator keeps from the busiest moment.

const SECRET = "bench-secret";
const CONCURRENCY = 20;
const LATENCY_MS = 20;
/**
 * Memory is read after this many cheap deliveries (warm: JIT, pools, caches and the allocator's
 * high-water mark reached) and again after 10,000 more.
 */
const WARM_AFTER = 5_000;
type Mode = "bare" | "in-process" | "redis";
interface Scenario { name: string; mode: Mode; deliveries: number; installations: number; cheap?: boolean }

const SCENARIOS: Scenario[] = [
  { name: "bare Probot, 100 PR events", mode: "bare", deliveries: 100, installations: 1 },
  { name: "in-process, 100 PR events, 1 installation", mode: "in-process", deliveries: 100, installations: 1 },
  { name: "Redis, 100 PR events, 1 installation", mode: "redis", deliveries: 100, installations: 1 },
  { name: "in-process, 300 PR events, 3 installations", mode: "in-process", deliveries: 300, installations: 3 },
  { name: "Redis, 300 PR events, 3 installations", mode: "redis", deliveries: 300, installations: 3 },
  { name: "bare Probot, 10,000 cheap deliveries", mode: "bare", deliveries: WARM_AFTER + 10_000, installations: 1, cheap: true },
  { name: "in-process, 10,000 cheap deliveries", mode: "in-process", deliveries: WARM_AFTER + 10_000, installations: 1, cheap: true },
  { name: "Redis, 10,000 cheap deliveries", mode: "redis", deliveries: WARM_AFTER + 10_000, installations: 1, cheap: true },
];

interface Result {
  name: string;
  ackP50: number;
  ackP99: number;
  perSecond: number;
  allRunsSeconds: number | null;
  peakRssMb: number;
  rssGrowthMb: number | null;
  heapGrowthMb: number | null;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

async function runScenario(scenario: Scenario): Promise<Result> {
  const standIn = await startPullRequestStandIn({ latencyMs: LATENCY_MS });
  const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  const prefix = `eng-health-bench-${randomUUID().slice(0, 8)}`;
  let runtime: AppRuntime | undefined;
  const appFn =
    scenario.mode === "bare"
      ? (app: Probot) => void app.on(["pull_request.opened", "issues.unlabeled"], async () => {})
      : createApp(
          { ...readSettings(scenario.mode === "redis" ? { REDIS_URL: redisUrl, REDIS_PREFIX: prefix } : {}), scheduler: false, handleSignals: false },
          createServices(),
          { onStart: (started) => (runtime = started) },
        );
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const server = await run(appFn, {
    env: { APP_ID: "1", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET, PORT: "0", HOST: "127.0.0.1", GHE_HOST: standIn.host, GHE_PROTOCOL: "http" },
    log: pino({ level: "silent" }),
    // What `npm start` runs with (writes spaced per installation, GraphQL not queued behind them); the bare app keeps Probot's own.
    ...(scenario.mode === "bare" ? {} : { Octokit: AppOctokit }),
  });
  const order: SendOrder = {
    url: `http://127.0.0.1:${server.port}/api/github/webhooks`,
    secret: SECRET,
    event: scenario.cheap ? "issues" : "pull_request",
    deliveries: scenario.deliveries,
    installations: scenario.installations,
    concurrency: CONCURRENCY,
    warmAfter: scenario.cheap ? WARM_AFTER : 0,
  };
  const gc = (globalThis as { gc?: () => void }).gc;
  const memoryNow = () => {
    gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    return { rss, heapUsed };
  };
  const drained = async () => {
    if (!runtime) return;
    for (;;) {
      const counts = await runtime.queue.counts();
      if (counts.waiting + counts.active + counts.delayed === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  let atWarm = { rss: 0, heapUsed: 0 };
  let started = Date.now();
  const sender = spawn(process.execPath, [fileURLToPath(new URL("./send-deliveries.js", import.meta.url)), JSON.stringify(order)], { stdio: ["pipe", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => sender.on("exit", resolve));
  let sent: { acks: number[]; seconds: number } | undefined;
  for await (const line of createInterface({ input: sender.stdout })) {
    const message = JSON.parse(line) as { sending?: true; warm?: true; acks?: number[]; seconds?: number };
    if (message.sending) started = Date.now();
    if (message.warm) {
      await drained();
      atWarm = memoryNow();
      sender.stdin.write("go\n");
    }
    if (message.acks) sent = { acks: message.acks, seconds: message.seconds ?? 0 };
  }
  if ((await exited) !== 0 || !sent) throw new Error("the sender process failed");
  let allRunsSeconds: number | null = null;
  if (!scenario.cheap && scenario.mode !== "bare") {
    while (standIn.runs.length < scenario.deliveries) await new Promise((resolve) => setTimeout(resolve, 100));
    allRunsSeconds = (Date.now() - started) / 1000;
  }
  let growth: { rssMb: number; heapMb: number } | null = null;
  if (scenario.cheap) {
    await drained();
    const atEnd = memoryNow();
    growth = { rssMb: (atEnd.rss - atWarm.rss) / 2 ** 20, heapMb: (atEnd.heapUsed - atWarm.heapUsed) / 2 ** 20 };
  }
  await server.stop();
  await runtime?.stop(5_000);
  await standIn.close();
  if (scenario.mode === "redis") {
    const client = new Redis(redisUrl);
    const keys = await client.keys(`${prefix}:*`);
    if (keys.length > 0) await client.del(...keys);
    client.disconnect();
  }
  const acks = sent.acks.sort((a, b) => a - b);
  return {
    name: scenario.name,
    ackP50: quantile(acks, 0.5),
    ackP99: quantile(acks, 0.99),
    perSecond: scenario.deliveries / sent.seconds,
    allRunsSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    rssGrowthMb: growth?.rssMb ?? null,
    heapGrowthMb: growth?.heapMb ?? null,
  };
}

const fmt = (value: number | null, digits = 0) => (value === null ? "–" : value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }));

const scenarioArg = process.argv[2];
if (scenarioArg !== undefined) {
  const scenario = SCENARIOS.find((candidate) => candidate.name === scenarioArg);
  if (!scenario) throw new Error(`unknown scenario ${scenarioArg}`);
  console.log(JSON.stringify(await runScenario(scenario)));
  process.exit(0);
} else {
  const withRedis = await redisAnswersAt(process.env.REDIS_URL || "redis://127.0.0.1:6379");
  if (!withRedis) console.error("No Redis at REDIS_URL or 127.0.0.1:6379: the Redis rows are left out.");
  console.log(`Node ${process.version}, ${CONCURRENCY} concurrent senders, stand-in latency ${LATENCY_MS} ms per request\n`);
  console.log("| scenario | ack p50 | ack p99 | deliveries/s | every check run after | peak RSS | growth after warm-up: RSS / heap |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const scenario of SCENARIOS) {
    if (scenario.mode === "redis" && !withRedis) continue;
    const child = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), scenario.name], { encoding: "utf8", env: process.env, maxBuffer: 16 * 2 ** 20 });
    const line = child.stdout.trim().split("\n").at(-1) ?? "";
    if (child.status !== 0 || !line.startsWith("{")) {
      console.log(`| ${scenario.name} | failed: ${child.stderr.trim().split("\n").at(-1) ?? ""} |||||`);
      continue;
    }
    const result = JSON.parse(line) as Result;
    console.log(
      `| ${result.name} | ${fmt(result.ackP50, 1)} ms | ${fmt(result.ackP99, 1)} ms | ${fmt(result.perSecond)} | ${result.allRunsSeconds === null ? "–" : `${fmt(result.allRunsSeconds, 1)} s`} | ${fmt(result.peakRssMb)} MB | ${result.rssGrowthMb === null ? "–" : `${fmt(result.rssGrowthMb, 1)} MB / ${fmt(result.heapGrowthMb, 1)} MB`} |`,
    );
  }
}
