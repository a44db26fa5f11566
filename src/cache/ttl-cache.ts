/**
 * A small in-memory cache with a time-to-live per entry, for facts that change
 * rarely and are costly to fetch on every event (a repository's PR template,
 * its open flaky-test issues). Per process: a second replica keeps its own.
 *
 * Time comes from `now()` (milliseconds since the epoch) so tests can drive it.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  /**
   * @param ttlMs how long an entry stays fresh, in milliseconds
   * @param maxEntries entries kept at most; the oldest is dropped first
   * @param now clock in milliseconds (defaults to `Date.now`)
   */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The fresh value for `key`, or `undefined` when absent or expired. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Store `value` under `key` for the cache's TTL. */
  set(key: string, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
  }

  /** Forget `key` (e.g. an `issues` webhook changed the flaky-test list). */
  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Forget everything. */
  clear(): void {
    this.entries.clear();
  }
}
