/**
 * Counts deliveries being handled, so a shutdown can wait for them.
 */
export class InFlight {
  private count = 0;
  private waiters: Array<() => void> = [];

  /** Run `work`, counting it as in flight until it settles. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.count += 1;
    try {
      return await work();
    } finally {
      this.count -= 1;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** Deliveries in flight now. */
  get size(): number {
    return this.count;
  }

  /**
   * Resolve when nothing is in flight, or after `timeoutMs` milliseconds.
   *
   * @returns true when drained, false on timeout
   */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
