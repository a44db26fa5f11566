import { Redis } from "ioredis";

/**
 * An ioredis connection to `REDIS_URL` (`redis://[:password@]host:port[/db]`,
 * or `rediss://` for TLS).
 *
 * - `blocking`: for BullMQ workers, which wait on Redis for jobs: commands are
 *   retried for as long as the connection takes to come back
 *   (`maxRetriesPerRequest: null`, which BullMQ requires of a worker's connection).
 * - `fail-fast`: for what answers a webhook (storing a job, a lock, a
 *   readiness check): while Redis is unreachable a command fails at once
 *   instead of queueing, so the delivery is answered 503 and GitHub shows it
 *   failed, rather than timing out.
 *
 * @param url the Redis URL
 * @param mode `blocking` or `fail-fast`
 */
export function connectRedis(url: string, mode: "blocking" | "fail-fast"): Redis {
  return new Redis(url, {
    // `lazyConnect` off: connect now so the first delivery finds the connection ready.
    maxRetriesPerRequest: mode === "blocking" ? null : 1,
    enableOfflineQueue: mode === "blocking",
    connectTimeout: 5_000,
    // Reconnect forever, backing off to 2 s: Redis restarting must not end the process.
    retryStrategy: (times) => Math.min(times * 100, 2_000),
  });
}

/**
 * True when Redis answers `PING` within `timeoutMs` milliseconds.
 *
 * @param redis any connection
 */
export async function redisAnswers(redis: Redis, timeoutMs = 1_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([redis.ping().then((reply) => reply === "PONG", () => false), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * True when a Redis server at `url` accepts a connection and answers `PING`,
 * each within `timeoutMs` milliseconds; the connection is closed after. For a
 * one-time probe (is there a Redis to use?), not for a running service.
 *
 * @param url the Redis URL (`redis://[:password@]host:port[/db]` or `rediss://`)
 * @param timeoutMs the longest wait for the connection, then for the answer, in milliseconds
 * @returns false, never an error, when Redis cannot be reached or does not answer
 */
export async function redisAnswersAt(url: string, timeoutMs = 1_000): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: timeoutMs, retryStrategy: () => null, enableOfflineQueue: false });
  client.on("error", () => {});
  try {
    await client.connect();
    return await redisAnswers(client, timeoutMs);
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
