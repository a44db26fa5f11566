import { TtlCache } from "../cache/ttl-cache.js";

/** How long this process remembers a comment it posted: an hour. */
export const POSTED_COMMENT_MEMORY_MS = 60 * 60 * 1000;

/**
 * The record of one-time comments (`owner/repo#n` + marker) being decided on
 * or just posted. The hidden marker in GitHub is the record that counts; a
 * ledger covers what a lookup cannot: two deliveries deciding at the same
 * moment (GitHub sends `issues.opened` and `issues.labeled` together for an
 * issue created with a label), and a comment a lookup right after the post
 * does not see yet. {@link CommentLedger} serves one process; with
 * `REDIS_URL`, `queue/redis-ledger.ts` serves every replica.
 */
export interface OnceLedger {
  /** True when the comment `key` was posted recently. */
  hasPosted(key: string): boolean | Promise<boolean>;
  /** Start deciding on `key`; false when another delivery is deciding or it was just posted. */
  claim(key: string): boolean | Promise<boolean>;
  /** Stop deciding on `key`, remembering whether the comment was posted. */
  release(key: string, posted: boolean): void | Promise<void>;
}

/** {@link OnceLedger} in this process's memory (the default without Redis). */
export class CommentLedger implements OnceLedger {
  private readonly deciding = new Set<string>();
  private readonly posted: TtlCache<true>;

  /** @param memoryMs how long a posted comment is remembered, in milliseconds */
  constructor(memoryMs = POSTED_COMMENT_MEMORY_MS) {
    this.posted = new TtlCache(memoryMs, 10_000);
  }

  /** True when this process posted the comment `key` recently. */
  hasPosted(key: string): boolean {
    return this.posted.get(key) === true;
  }

  /** Start deciding on `key`; false when another delivery is deciding or it was just posted. */
  claim(key: string): boolean {
    if (this.deciding.has(key) || this.hasPosted(key)) return false;
    this.deciding.add(key);
    return true;
  }

  /** Stop deciding on `key`, remembering whether the comment was posted. */
  release(key: string, posted: boolean): void {
    this.deciding.delete(key);
    if (posted) this.posted.set(key, true);
  }
}

/** The ledger key of a marked comment on an issue or PR. */
export function commentKey(input: { owner: string; repo: string; number: number; marker: string }): string {
  return `${input.owner}/${input.repo}#${input.number}:${input.marker}`.toLowerCase();
}
