/**
 * One writer at a time per key: a pull request's check run (`pr:owner/repo#7`),
 * a repository's weekly report. The in-process lock below serves one process;
 * with `REDIS_URL` the same interface is served by a Redis lock shared by
 * every replica (`queue/redis-lock.ts`).
 */
export interface KeyedLock {
  /**
   * Run `work` while holding `key`, after waiting for whoever holds it
   * (events for one PR are processed one after another, in arrival order on
   * one process).
   *
   * @returns what `work` returns
   * @throws what `work` throws (the key is released either way); a Redis lock
   *   also throws when the key cannot be had within its wait limit
   */
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
  /**
   * Run `work` holding `key` only when nobody holds it now: for work that a
   * second runner should skip rather than repeat (a report another replica is
   * publishing).
   *
   * @returns `{ ran: false }` at once when the key is held
   */
  tryLock<T>(key: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
}

/**
 * {@link KeyedLock} for one process: per key, a chain of promises, so work
 * for the same key runs in the order it asked and other keys never wait.
 * Keys are dropped when their chain ends (no growth).
 */
export class InProcessLock implements KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release: () => void = () => {};
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  async tryLock<T>(key: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    if (this.tails.has(key)) return { ran: false };
    return { ran: true, value: await this.withLock(key, work) };
  }

  /** Keys held or waited for now (tests). */
  get size(): number {
    return this.tails.size;
  }
}

/** The lock key of a pull request's check run: one writer per PR. */
export function pullRequestLockKey(input: { owner: string; repo: string; number: number }): string {
  return `pr:${input.owner}/${input.repo}#${input.number}`.toLowerCase();
}
