import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { POSTED_COMMENT_MEMORY_MS, type OnceLedger } from "../publish/comment-ledger.js";

/** Frees the deciding key only when it still holds our token. */
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/** How long one replica may decide on a comment before another may try: a minute. */
export const DECIDING_TTL_MS = 60_000;

/**
 * {@link OnceLedger} shared by every replica through Redis: claiming a
 * comment is `SET <prefix>:once:deciding:<key> token NX PX 60000` (refused
 * while another replica decides, or when `<prefix>:once:posted:<key>` says it
 * was just posted); releasing after a post remembers it for an hour. So the
 * flaky checklist or the review nudge sent to two replicas at once is posted
 * once; the hidden marker in GitHub stays the record that counts after that.
 */
export class RedisLedger implements OnceLedger {
  private readonly tokens = new Map<string, string>();

  /**
   * @param redis a fail-fast connection
   * @param options `prefix` of the keys; `postedMemoryMs` (default an hour)
   */
  constructor(
    private readonly redis: Redis,
    private readonly options: { prefix: string; postedMemoryMs?: number },
  ) {}

  async hasPosted(key: string): Promise<boolean> {
    return (await this.redis.exists(this.postedKey(key))) === 1;
  }

  async claim(key: string): Promise<boolean> {
    if (await this.hasPosted(key)) return false;
    const token = randomUUID();
    const taken = (await this.redis.set(this.decidingKey(key), token, "PX", DECIDING_TTL_MS, "NX")) === "OK";
    if (taken) this.tokens.set(key, token);
    return taken;
  }

  async release(key: string, posted: boolean): Promise<void> {
    if (posted) await this.redis.set(this.postedKey(key), "1", "PX", this.options.postedMemoryMs ?? POSTED_COMMENT_MEMORY_MS);
    const token = this.tokens.get(key);
    this.tokens.delete(key);
    if (token !== undefined) await this.redis.eval(RELEASE, 1, this.decidingKey(key), token);
  }

  private postedKey(key: string): string {
    return `${this.options.prefix}:once:posted:${key}`;
  }

  private decidingKey(key: string): string {
    return `${this.options.prefix}:once:deciding:${key}`;
  }
}
