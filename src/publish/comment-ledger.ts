import { TtlCache } from "../cache/ttl-cache.js";

/** How long this process remembers a comment it posted: an hour. */
export const POSTED_COMMENT_MEMORY_MS = 60 * 60 * 1000;

/**
 * Which one-time comments (`owner/repo#n` + marker) this process is posting
 * or has just posted. The hidden marker in GitHub is the record that counts;
 * the ledger covers what a lookup cannot: two deliveries deciding at the same
 * moment (GitHub sends `issues.opened` and `issues.labeled` together for an
 * issue created with a label), and a comment a lookup right after the post
 * does not see yet.
 */
export class CommentLedger {
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
