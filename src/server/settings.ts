/** Process settings read from the environment once, at start. */
export interface Settings {
  /** `NODE_ENV=production`. */
  production: boolean;
  /** `APP_ID` as a number, when set. */
  appId: number | undefined;
  /** `WEBHOOK_SECRET`, or undefined when unset or empty. */
  webhookSecret: string | undefined;
  /** False with `DISABLE_SCHEDULER=true` (workers that must not schedule). */
  scheduler: boolean;
  /** Cron expression of the review sweep (`SWEEP_CRON`), default hourly at minute 7. */
  sweepCron: string;
  /** Cron expression of the report tick (`REPORT_CRON`), default every 15 minutes. */
  reportCron: string;
  /** Install SIGTERM handling (off in tests, which load the app many times). */
  handleSignals: boolean;
  /** Milliseconds SIGTERM waits for queued and running jobs (`SHUTDOWN_TIMEOUT_MS`), default 25,000. */
  shutdownTimeoutMs: number;
  /** `REDIS_URL`: jobs, locks and schedules on Redis (BullMQ), shared by every replica; undefined: all in this process. */
  redisUrl: string | undefined;
  /** `REDIS_PREFIX` (default `eng-health`): the prefix of every key, so deployments can share one Redis. */
  redisPrefix: string;
  /** `QUEUE_CONCURRENCY` (default 10): jobs one process runs at once. */
  queueConcurrency: number;
}

/** Thrown by {@link readSettings} for a variable that cannot be used; the message names it and the fix. */
export class SettingsError extends Error {
  override name = "SettingsError";
}

/**
 * Read {@link Settings} from environment variables.
 *
 * @param env usually `process.env`
 * @throws SettingsError when `SWEEP_CRON` or `REPORT_CRON` is not a 5- or 6-field cron expression
 */
export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const timeout = Number(env.SHUTDOWN_TIMEOUT_MS);
  const concurrency = Number(env.QUEUE_CONCURRENCY);
  return {
    production: env.NODE_ENV === "production",
    appId: /^\d+$/.test(env.APP_ID ?? "") ? Number(env.APP_ID) : undefined,
    webhookSecret: env.WEBHOOK_SECRET ? env.WEBHOOK_SECRET : undefined,
    scheduler: env.DISABLE_SCHEDULER !== "true" && env.NODE_ENV !== "test",
    sweepCron: cronOf(env, "SWEEP_CRON", "7 * * * *"),
    reportCron: cronOf(env, "REPORT_CRON", "*/15 * * * *"),
    handleSignals: env.NODE_ENV !== "test",
    shutdownTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 25_000,
    redisUrl: env.REDIS_URL ? env.REDIS_URL : undefined,
    redisPrefix: env.REDIS_PREFIX || "eng-health",
    queueConcurrency: Number.isInteger(concurrency) && concurrency > 0 ? concurrency : 10,
  };
}

/**
 * A cron expression from `name`, or `fallback` when unset: five fields
 * (minute first), or six with seconds first, as croner and BullMQ read them.
 */
function cronOf(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = (env[name] ?? "").trim();
  if (value === "") return fallback;
  const fields = value.split(/\s+/).length;
  if (fields !== 5 && fields !== 6) {
    throw new SettingsError(
      `eng-health: ${name} is "${value}", which has ${fields} fields; a cron expression has 5 (minute hour day month weekday) or 6 (seconds first), e.g. "${fallback}".`,
    );
  }
  return value;
}
