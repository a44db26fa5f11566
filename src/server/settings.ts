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
  /** Milliseconds a delivery may take before it is acknowledged and finished in the background (`ACK_BUDGET_MS`), default 5,000. */
  ackBudgetMs: number;
  /** Milliseconds to wait for in-flight deliveries on SIGTERM (`SHUTDOWN_TIMEOUT_MS`), default 25,000. */
  shutdownTimeoutMs: number;
}

/**
 * Read {@link Settings} from environment variables.
 *
 * @param env usually `process.env`
 */
export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const timeout = Number(env.SHUTDOWN_TIMEOUT_MS);
  const ackBudget = Number(env.ACK_BUDGET_MS);
  return {
    production: env.NODE_ENV === "production",
    appId: /^\d+$/.test(env.APP_ID ?? "") ? Number(env.APP_ID) : undefined,
    webhookSecret: env.WEBHOOK_SECRET ? env.WEBHOOK_SECRET : undefined,
    scheduler: env.DISABLE_SCHEDULER !== "true" && env.NODE_ENV !== "test",
    sweepCron: env.SWEEP_CRON || "7 * * * *",
    reportCron: env.REPORT_CRON || "*/15 * * * *",
    handleSignals: env.NODE_ENV !== "test",
    ackBudgetMs: Number.isFinite(ackBudget) && ackBudget > 0 ? ackBudget : 5_000,
    shutdownTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 25_000,
  };
}
