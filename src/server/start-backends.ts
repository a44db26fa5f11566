import type { Redis } from "ioredis";
import type { OnceLedger } from "../publish/comment-ledger.js";
import type { KeyedLock } from "../publish/keyed-lock.js";
import type { DeliveryQueue, JobRetryPolicy } from "../queue/delivery-queue.js";
import { InProcessQueue } from "../queue/in-process-queue.js";
import type { JobObserver } from "../queue/job-observer.js";
import type { Settings } from "./settings.js";

/** The Redis side of the backends, when `REDIS_URL` is set. */
export interface RedisBackends {
  /** Fail-fast connection: jobs stored, locks, the ledger, readiness. */
  connection: Redis;
  /** Blocking connection for BullMQ workers. */
  workerConnection: Redis;
  prefix: string;
  locks: KeyedLock;
  comments: OnceLedger;
}

/** The queue, and with `REDIS_URL` the shared locks and ledger. */
export interface Backends {
  queue: DeliveryQueue;
  redis: RedisBackends | undefined;
  /** Close the Redis connections (after the queue). */
  disconnect(): Promise<void>;
}

/** Test and benchmark knobs of {@link startBackends}. */
export interface BackendOptions {
  observer: JobObserver;
  retry?: JobRetryPolicy;
  /** A queue made by the caller (tests await its idleness). */
  queue?: DeliveryQueue;
  /** BullMQ claim lifetime and stalled-check interval, in ms (tests shorten them to see a takeover quickly). */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/**
 * Choose the backends at start-up: without `REDIS_URL`, the in-process queue
 * (nothing else to run; the handlers keep their in-process locks and
 * ledger); with it, BullMQ on Redis and the Redis lock and ledger, shared by
 * every replica with the same `REDIS_PREFIX`.
 *
 * BullMQ and ioredis are loaded only with `REDIS_URL` (BullMQ takes most of
 * a second to import, which a process without Redis never pays).
 *
 * @param settings `redisUrl`, `redisPrefix`, `queueConcurrency`
 */
export async function startBackends(settings: Pick<Settings, "redisUrl" | "redisPrefix" | "queueConcurrency">, options: BackendOptions): Promise<Backends> {
  const retry = options.retry ? { retry: options.retry } : {};
  if (settings.redisUrl === undefined) {
    const queue = options.queue ?? new InProcessQueue({ concurrency: settings.queueConcurrency, observer: options.observer, ...retry });
    return { queue, redis: undefined, disconnect: async () => {} };
  }
  const [{ BullmqQueue }, { connectRedis }, { RedisLedger }, { RedisLock }] = await Promise.all([
    import("../queue/bullmq-queue.js"),
    import("../queue/redis-connection.js"),
    import("../queue/redis-ledger.js"),
    import("../queue/redis-lock.js"),
  ]);
  const connection = connectRedis(settings.redisUrl, "fail-fast");
  const workerConnection = connectRedis(settings.redisUrl, "blocking");
  // ioredis reports a lost connection as an `error` event; readiness (`/readyz`) and the failed commands tell it instead.
  connection.on("error", () => {});
  workerConnection.on("error", () => {});
  const prefix = settings.redisPrefix;
  const queue =
    options.queue ??
    new BullmqQueue({
      connection,
      workerConnection,
      prefix,
      concurrency: settings.queueConcurrency,
      observer: options.observer,
      ...retry,
      ...(options.lockDurationMs !== undefined ? { lockDurationMs: options.lockDurationMs } : {}),
      ...(options.stalledIntervalMs !== undefined ? { stalledIntervalMs: options.stalledIntervalMs } : {}),
    });
  return {
    queue,
    redis: { connection, workerConnection, prefix, locks: new RedisLock(connection, { prefix }), comments: new RedisLedger(connection, { prefix }) },
    disconnect: async () => {
      connection.disconnect();
      workerConnection.disconnect();
    },
  };
}
