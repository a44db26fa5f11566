import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { redisAnswersAt } from "../../src/queue/redis-connection.js";
import { freePort } from "./stand-in-github.js";

/** A Redis server started by a test (on a free port), to be stopped by it. */
export interface OwnRedis {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** True when `redis-server` is on the PATH. */
export function hasRedisServer(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

/**
 * Start a throwaway `redis-server` on a free port of 127.0.0.1 (no disk:
 * `--save "" --appendonly no`), and wait until it answers.
 *
 * @throws when `redis-server` is missing or does not answer within 5 s
 */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 5_000;
  while (!(await redisAnswersAt(url))) {
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`redis-server did not answer on port ${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  process.once("exit", () => child.kill("SIGKILL"));
  return { url, process: child, stop };
}

let found: Promise<string | null> | undefined;

/**
 * The Redis the tests run against: `REDIS_URL`, else `redis://127.0.0.1:6379`,
 * else one started with `redis-server` on a free port. Null when none can be
 * had; then the Redis tests are skipped with one line saying how to run them,
 * unless `REQUIRE_REDIS=1` (CI), which turns the skip into a failure.
 *
 * @throws when `REQUIRE_REDIS=1` and no Redis can be had
 */
export function redisForTests(): Promise<string | null> {
  found ??= (async () => {
    for (const url of [process.env.REDIS_URL, "redis://127.0.0.1:6379"]) {
      if (url && (await redisAnswersAt(url))) return url;
    }
    if (hasRedisServer()) return (await startOwnRedis()).url;
    if (process.env.REQUIRE_REDIS === "1") throw new Error("REQUIRE_REDIS=1 but no Redis answers and redis-server is not on the PATH");
    console.error("Redis tests skipped: no Redis at REDIS_URL or 127.0.0.1:6379 and no redis-server on the PATH; start one (redis-server --port 6379) to run them.");
    return null;
  })();
  return found;
}

/** A key prefix no other test run uses (parallel files, other engineers' runs on the same Redis). */
export function uniquePrefix(name: string): string {
  return `eng-health-test-${name}-${process.pid}-${randomUUID().slice(0, 8)}`;
}

/**
 * Delete every key under `prefix` (SCAN, never FLUSHALL: the Redis is shared).
 */
export async function deleteKeys(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  client.on("error", () => {});
  try {
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) await client.del(...keys);
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
}
