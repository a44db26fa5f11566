import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { KeyedLock } from "../publish/keyed-lock.js";

/** Deletes the key only when it still holds our token (a lock that expired and was taken by another replica stays theirs). */
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
/** Extends the key's expiry only when it still holds our token. */
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

/** Options of {@link RedisLock}; all times in milliseconds. */
export interface RedisLockOptions {
  /** Key prefix, e.g. `eng-health` (keys are `<prefix>:lock:<key>`). */
  prefix: string;
  /** How long a lock lives unless renewed (a killed holder frees it after this). Default 30,000. */
  ttlMs?: number;
  /** How long `withLock` waits for a held key before giving up (the job is then retried). Default 300,000. */
  waitMs?: number;
  /** Pause between attempts to take a held key, plus up to as much jitter. Default 50. */
  pollMs?: number;
}

/**
 * {@link KeyedLock} shared by every replica through Redis: `SET key token NX
 * PX ttl` takes it, a timer renews it every third of its life while the work
 * runs, and a compare-and-delete script frees it. A holder that dies frees it
 * when the TTL runs out. Waiters poll (`pollMs` plus jitter), so there is no
 * strict arrival order across replicas; on one replica the queue's order holds
 * for jobs that start together.
 */
export class RedisLock implements KeyedLock {
  private readonly ttlMs: number;
  private readonly waitMs: number;
  private readonly pollMs: number;

  /** @param redis a fail-fast connection (`connectRedis(url, "fail-fast")`) */
  constructor(
    private readonly redis: Redis,
    private readonly options: RedisLockOptions,
  ) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.waitMs = options.waitMs ?? 300_000;
    this.pollMs = options.pollMs ?? 50;
  }

  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const token = randomUUID();
    const redisKey = this.keyOf(key);
    const deadline = Date.now() + this.waitMs;
    while (!(await this.take(redisKey, token))) {
      if (Date.now() > deadline) throw new Error(`eng-health: the lock ${key} was held for more than ${this.waitMs} ms; the job will be retried`);
      await new Promise((resolve) => setTimeout(resolve, this.pollMs + Math.random() * this.pollMs));
    }
    return this.holding(redisKey, token, work);
  }

  async tryLock<T>(key: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    const token = randomUUID();
    const redisKey = this.keyOf(key);
    if (!(await this.take(redisKey, token))) return { ran: false };
    return { ran: true, value: await this.holding(redisKey, token, work) };
  }

  private keyOf(key: string): string {
    return `${this.options.prefix}:lock:${key}`;
  }

  private async take(redisKey: string, token: string): Promise<boolean> {
    return (await this.redis.set(redisKey, token, "PX", this.ttlMs, "NX")) === "OK";
  }

  private async holding<T>(redisKey: string, token: string, work: () => Promise<T>): Promise<T> {
    const renew = setInterval(() => {
      this.redis.eval(RENEW, 1, redisKey, token, String(this.ttlMs)).catch(() => {
        // Redis unreachable for a moment: the next renewal tries again; the TTL covers the gap.
      });
    }, Math.max(10, Math.floor(this.ttlMs / 3)));
    renew.unref();
    try {
      return await work();
    } finally {
      clearInterval(renew);
      await this.redis.eval(RELEASE, 1, redisKey, token).catch(() => {
        // Unreachable: the key expires by itself after its TTL.
      });
    }
  }
}
