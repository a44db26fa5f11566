import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { redisAnswersAt } from "../../src/queue/redis-connection.js";
import { RedisLedger } from "../../src/queue/redis-ledger.js";
import { RedisLock } from "../../src/queue/redis-lock.js";
import { deleteKeys, redisForTests, uniquePrefix } from "../helpers/redis.js";

const redisUrl = await redisForTests();

describe.skipIf(redisUrl === null)("RedisLock and RedisLedger (real Redis)", () => {
  const url = redisUrl ?? "";
  const prefix = uniquePrefix("lock");
  const clients = [new Redis(url), new Redis(url)] as const;

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await deleteKeys(url, prefix);
  });

  it("redisAnswersAt: true for the running Redis, false for a port where none listens, within its timeout", async () => {
    expect(await redisAnswersAt(url)).toBe(true);
    const started = Date.now();
    expect(await redisAnswersAt("redis://127.0.0.1:1", 500)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("two replicas' locks on one key run one after the other", async () => {
    const [one, two] = clients.map((client) => new RedisLock(client, { prefix, pollMs: 5 })) as [RedisLock, RedisLock];
    let inside = 0;
    let most = 0;
    const work = async () => {
      inside += 1;
      most = Math.max(most, inside);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inside -= 1;
    };
    await Promise.all([one.withLock("pr:a/b#1", work), two.withLock("pr:a/b#1", work), one.withLock("pr:a/b#1", work)]);
    expect(most).toBe(1);
    expect(await clients[0].exists(`${prefix}:lock:pr:a/b#1`)).toBe(0);
  });

  it("tryLock skips while another replica holds the key; a holder that died frees it after its TTL", async () => {
    const [one, two] = clients.map((client) => new RedisLock(client, { prefix, ttlMs: 200 })) as [RedisLock, RedisLock];
    let release: () => void = () => {};
    const held = one.withLock("report:a/b", () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await two.tryLock("report:a/b", async () => "ran")).toEqual({ ran: false });
    release();
    await held;
    expect(await two.tryLock("report:a/b", async () => "ran")).toEqual({ ran: true, value: "ran" });
    // A key left by a killed replica (never released) expires.
    await clients[0].set(`${prefix}:lock:report:c/d`, "dead", "PX", 100);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await two.tryLock("report:c/d", async () => "ran")).toEqual({ ran: true, value: "ran" });
  });

  it("the ledger lets one replica decide on a comment and remembers it was posted", async () => {
    const [one, two] = clients.map((client) => new RedisLedger(client, { prefix })) as [RedisLedger, RedisLedger];
    expect(await one.claim("a/b#7:<!-- m -->")).toBe(true);
    expect(await two.claim("a/b#7:<!-- m -->")).toBe(false);
    await one.release("a/b#7:<!-- m -->", true);
    expect(await two.hasPosted("a/b#7:<!-- m -->")).toBe(true);
    expect(await two.claim("a/b#7:<!-- m -->")).toBe(false);
    expect(await two.claim("a/b#8:<!-- m -->")).toBe(true);
    await two.release("a/b#8:<!-- m -->", false);
    expect(await one.claim("a/b#8:<!-- m -->")).toBe(true);
  });
});
