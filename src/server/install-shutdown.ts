import type { Log } from "../model/log.js";
import type { DeliveryQueue } from "../queue/delivery-queue.js";

/** The hint logged with each delivery a shutdown could not finish without Redis. */
export const REDELIVER_HINT = "redeliver it from the GitHub App's settings (Advanced, Recent deliveries)";

/**
 * Stop on SIGTERM (what Docker and Kubernetes send; `probot run` traps only
 * SIGINT) without losing work silently:
 *
 * 1. stop the scheduled jobs and stop taking deliveries (`/readyz` answers
 *    503, new deliveries 503);
 * 2. finish the queued and running jobs for up to `timeoutMs`
 *    (`SHUTDOWN_TIMEOUT_MS`);
 * 3. log one line per delivery not finished: without Redis it is lost with
 *    the process, so the line says how to redeliver it; with Redis it stays
 *    queued and another replica, or the next start, runs it;
 * 4. close the connections and exit 0. A second SIGTERM exits 1 at once.
 *
 * @param input the queue; `stop` stops the schedulers; `disconnect` closes
 *   Redis; `exit` is injectable for tests
 * @returns the signal handler (tests call it directly)
 */
export function installShutdown(input: {
  queue: DeliveryQueue;
  timeoutMs: number;
  log: Log;
  stop: () => Promise<void>;
  disconnect?: () => Promise<void>;
  exit?: (code: number) => void;
  /** Listen for SIGTERM (default true; tests call the handler instead). */
  listen?: boolean;
}): () => Promise<void> {
  const exit = input.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = async (): Promise<void> => {
    if (stopping) {
      exit(1);
      return;
    }
    stopping = true;
    const counts = await input.queue.counts().catch(() => null);
    input.log.info({ queued: counts?.waiting, running: counts?.active }, "eng-health: SIGTERM received; taking no new deliveries, finishing queued jobs");
    await input.stop().catch((error: unknown) => input.log.warn({ err: error }, "eng-health: a scheduler did not stop cleanly"));
    const { unfinished } = await input.queue.close(input.timeoutMs);
    for (const deliveryId of unfinished) {
      if (input.queue.backend === "redis") {
        input.log.warn({ deliveryId }, "eng-health: delivery not finished before shutdown; it stays queued in Redis for the next process");
      } else {
        input.log.error({ deliveryId }, `eng-health: delivery not finished before shutdown and lost with this process; ${REDELIVER_HINT}`);
      }
    }
    await input.disconnect?.().catch(() => {});
    input.log.info({ unfinished: unfinished.length }, unfinished.length === 0 ? "eng-health: every job finished; exiting" : "eng-health: shutdown timeout; exiting");
    exit(0);
  };
  if (input.listen !== false) process.on("SIGTERM", onSignal);
  return onSignal;
}
