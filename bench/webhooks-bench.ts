import { spawnSync } from "node:child_process";
import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { pino } from "pino";
import { run, type Probot } from "probot";
import { AppOctokit } from "../src/github/app-octokit.js";
import { createApp, type AppRuntime } from "../src/index.js";
import { createServices } from "../src/pipelines/services.js";
import { readSettings } from "../src/server/settings.js";
import { startPullRequestStandIn } from "./pull-request-stand-in.js";

// `npm run bench:webhooks`: the real server (Probot's run, throttling and retries on) against a
// local stand-in for GitHub with 20 ms of latency per request. Each scenario runs in a fresh
// process (its peak RSS is its own); this parent prints the table.

const SECRET = "bench-secret";
const CONCURRENCY = 20;
const LATENCY_MS = 20;
type Mode = "bare" | "in-process" | "redis";
interface Scenario { name: string; mode: Mode; deliveries: number; installations: number; cheap?: boolean }

const SCENARIOS: Scenario[] = [
  { name: "bare Probot, 100 PR events", mode: "bare", deliveries: 100, installations: 1 },
  { name: "in-process, 100 PR events, 1 installation", mode: "in-process", deliveries: 100, installations: 1 },
  { name: "Redis, 100 PR events, 1 installation", mode: "redis", deliveries: 100, installations: 1 },
  { name: "in-process, 300 PR events, 3 installations", mode: "in-process", deliveries: 300, installations: 3 },
  { name: "Redis, 300 PR events, 3 installations", mode: "redis", deliveries: 300, installations: 3 },
  { name: "bare Probot, 10,000 cheap deliveries", mode: "bare", deliveries: 10_000, installations: 1, cheap: true },
  { name: "in-process, 10,000 cheap deliveries", mode: "in-process", deliveries: 10_000, installations: 1, cheap: true },
  { name: "Redis, 10,000 cheap deliveries", mode: "redis", deliveries: 10_000, installations: 1, cheap: true },
];

interface Result {
  name: string;
  ackP50: number;
  ackP99: number;
  perSecond: number;
  allRunsSeconds: number | null;
  peakRssMb: number;
  rssGrowthMb: number | null;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

function examplePayload(event: string, action: string): Record<string, unknown> {
  const groups = createRequire(import.meta.url)("@octokit/webhooks-examples") as Array<{ name: string; examples: Array<Record<string, unknown>> }>;
  const example = groups.find((group) => group.name === event)?.examples.find((candidate) => candidate.action === action);
  if (!example) throw new Error(`no example ${event}.${action}`);
  return structuredClone(example);
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
  const url = `http://127.0.0.1:${server.port}/api/github/webhooks`;
  const base = scenario.cheap ? examplePayload("issues", "unlabeled") : examplePayload("pull_request", "opened");
  const bodies = Array.from({ length: scenario.deliveries }, (_, index) => {
    const payload = structuredClone(base) as { installation?: { id: number }; pull_request?: { number: number; head: { sha: string } } };
    payload.installation = { id: (index % scenario.installations) + 1 };
    if (payload.pull_request) {
      payload.pull_request.number = index + 1;
      payload.pull_request.head.sha = (index + 1).toString(16).padStart(40, "0");
    }
    return JSON.stringify(payload);
  });
  const event = scenario.cheap ? "issues" : "pull_request";
  const acks: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  let rssAtWarm = 0;
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const index = next++;
      const body = bodies[index] ?? "";
      const sent = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-github-event": event, "x-github-delivery": `bench-${index}-${randomUUID()}`, "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}` },
        body,
      });
      await response.arrayBuffer();
      acks.push(performance.now() - sent);
      if (index === 1_000 && scenario.cheap) {
        gc?.();
        rssAtWarm = process.memoryUsage().rss;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const acceptedSeconds = (Date.now() - started) / 1000;
  let allRunsSeconds: number | null = null;
  if (!scenario.cheap && scenario.mode !== "bare") {
    while (standIn.runs.length < scenario.deliveries) await new Promise((resolve) => setTimeout(resolve, 100));
    allRunsSeconds = (Date.now() - started) / 1000;
  }
  let rssGrowthMb: number | null = null;
  if (scenario.cheap) {
    if (runtime) while ((await runtime.queue.counts()).waiting + (await runtime.queue.counts()).active > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    gc?.();
    rssGrowthMb = (process.memoryUsage().rss - rssAtWarm) / 2 ** 20;
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
  acks.sort((a, b) => a - b);
  return {
    name: scenario.name,
    ackP50: quantile(acks, 0.5),
    ackP99: quantile(acks, 0.99),
    perSecond: scenario.deliveries / acceptedSeconds,
    allRunsSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    rssGrowthMb,
  };
}

async function redisAnswers(): Promise<boolean> {
  const client = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

const fmt = (value: number | null, digits = 0) => (value === null ? "–" : value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }));

const scenarioArg = process.argv[2];
if (scenarioArg !== undefined) {
  const scenario = SCENARIOS.find((candidate) => candidate.name === scenarioArg);
  if (!scenario) throw new Error(`unknown scenario ${scenarioArg}`);
  console.log(JSON.stringify(await runScenario(scenario)));
  process.exit(0);
} else {
  const withRedis = await redisAnswers();
  if (!withRedis) console.error("No Redis at REDIS_URL or 127.0.0.1:6379: the Redis rows are left out.");
  console.log(`Node ${process.version}, ${CONCURRENCY} concurrent senders, stand-in latency ${LATENCY_MS} ms per request\n`);
  console.log("| scenario | ack p50 | ack p99 | deliveries/s | every check run after | peak RSS | RSS growth |");
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
      `| ${result.name} | ${fmt(result.ackP50, 1)} ms | ${fmt(result.ackP99, 1)} ms | ${fmt(result.perSecond)} | ${result.allRunsSeconds === null ? "–" : `${fmt(result.allRunsSeconds, 1)} s`} | ${fmt(result.peakRssMb)} MB | ${result.rssGrowthMb === null ? "–" : `${fmt(result.rssGrowthMb, 1)} MB`} |`,
    );
  }
}
