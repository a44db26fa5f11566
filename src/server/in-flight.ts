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

  /**
   * Run `work` as in flight, but return after at most `budgetMs` milliseconds
   * so the webhook is acknowledged well inside GitHub's 10-second limit
   * (GitHub docs, "Best practices for using webhooks": respond within 10
   * seconds). Work that takes longer goes on in the background, still
   * counted (SIGTERM waits for it); its error, if any, goes to `onLateError`.
   *
   * @throws what `work` throws, when it fails within the budget
   */
  async respondWithin(work: () => Promise<unknown>, budgetMs: number, onLateError: (error: unknown) => void): Promise<void> {
    const running = this.track(work);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), budgetMs);
      timer.unref();
    });
    try {
      const outcome = await Promise.race([running.then(() => "done" as const), late]);
      if (outcome === "late") running.catch(onLateError);
    } finally {
      clearTimeout(timer);
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
