import type { Log } from "../model/log.js";
import type { InFlight } from "./in-flight.js";

/**
 * On SIGTERM (what Docker and Kubernetes send; `probot run` traps only
 * SIGINT), stop the scheduled jobs, wait for in-flight deliveries to finish
 * (up to `timeoutMs`), then exit 0. A second SIGTERM exits at once.
 *
 * @param input `stop`: stops scheduled jobs; `exit`: injectable for tests
 */
export function installShutdown(input: {
  inFlight: InFlight;
  timeoutMs: number;
  log: Log;
  stop: () => void;
  exit?: (code: number) => void;
}): () => Promise<void> {
  const exit = input.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = async (): Promise<void> => {
    if (stopping) {
      exit(1);
      return;
    }
    stopping = true;
    input.stop();
    input.log.info({ inFlight: input.inFlight.size }, "eng-health: SIGTERM received, finishing in-flight deliveries");
    const drained = await input.inFlight.drain(input.timeoutMs);
    input.log.info({ drained }, drained ? "eng-health: all deliveries finished; exiting" : "eng-health: shutdown timeout; exiting");
    exit(0);
  };
  process.on("SIGTERM", onSignal);
  return onSignal;
}
