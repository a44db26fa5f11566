/**
 * Serialises work per key: while one call for a key runs, the next call for
 * the same key waits; calls for other keys run freely. The flaky-CI pipeline
 * takes it per repository and check name, so the events of two runs arriving
 * together cannot both create an issue or overwrite each other's row.
 *
 * The interface is all the pipeline depends on, so a lock shared by replicas
 * (the job queue's, on Redis) can replace {@link createKeyedLock}, which only
 * covers this process.
 */
export interface KeyedLock {
  /**
   * Run `fn` once no earlier call with `key` is still running.
   *
   * @returns what `fn` returns; its error is thrown and the lock released either way
   */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * A {@link KeyedLock} for this process: one promise chain per key, dropped
 * when its last call finishes (no memory kept for idle keys).
 */
export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<void>>();
  return {
    async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      let release: () => void = () => {};
      const done = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = previous.then(() => done);
      tails.set(key, tail);
      await previous;
      try {
        return await fn();
      } finally {
        release();
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}
