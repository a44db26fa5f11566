import type { ApplicationFunction, ApplicationFunctionOptions, Probot } from "probot";
import { observeRequests } from "./github/observe-requests.js";
import { QUEUED_EVENTS } from "./pipelines/delivery-handlers.js";
import { createServices, type Services } from "./pipelines/services.js";
import type { DeliveryQueue } from "./queue/delivery-queue.js";
import { runDelivery } from "./queue/run-delivery.js";
import { acknowledgeDelivery } from "./server/acknowledge-delivery.js";
import { AppMetrics } from "./server/app-metrics.js";
import { assertWebhookSecret } from "./server/assert-webhook-secret.js";
import { healthRoutes } from "./server/health-routes.js";
import { installShutdown } from "./server/install-shutdown.js";
import { allObservers, logJobs } from "./server/log-jobs.js";
import { readSettings, type Settings } from "./server/settings.js";
import { startBackends, type BackendOptions } from "./server/start-backends.js";
import { startSchedulers } from "./schedule/start-schedulers.js";

/** What {@link AppOptions.onStart} is given: the queue, and a way to stop this instance's jobs and connections. */
export interface AppRuntime {
  queue: DeliveryQueue;
  /** Stop the schedulers, close the queue (waiting up to `timeoutMs` for running jobs) and Redis. */
  stop(timeoutMs?: number): Promise<{ unfinished: string[] }>;
}

/** Test and benchmark knobs of {@link createApp}. */
export type AppOptions = Partial<BackendOptions> & {
  /** Replaces `process.exit` after SIGTERM. */
  exit?: (code: number) => void;
  /** Told the runtime once the app is loaded (tests and the benchmark stop instances with it). */
  onStart?: (runtime: AppRuntime) => void;
};

/**
 * Build the Probot app function: wires events to the queue, the queue to the
 * handlers, and the operations routes; nothing else.
 *
 * Every handled event is acknowledged once its job is stored
 * (`acknowledgeDelivery`) and run from the queue (`runDelivery`): in this
 * process without `REDIS_URL`, on BullMQ with it.
 *
 * @param settings process settings (see `readSettings`)
 * @param services shared caches and clock; tests pass their own (with Redis,
 *   the locks and the comment ledger are replaced by Redis ones)
 * @param options test knobs: a queue of their own, retry policy, BullMQ timings, and `exit` for SIGTERM
 * @throws at load time when `NODE_ENV=production` and `WEBHOOK_SECRET` is missing
 */
export function createApp(settings: Settings, services: Services = createServices(), options: AppOptions = {}): ApplicationFunction {
  return async (app: Probot, appOptions?: ApplicationFunctionOptions) => {
    assertWebhookSecret(settings);
    const { exit, onStart, ...backendOptions } = options;
    const metrics = new AppMetrics(async () => (await started).queue.counts());
    const started = startBackends(settings, { ...backendOptions, observer: allObservers(metrics.jobObserver(), logJobs(app.log)) });

    // Subscribed before anything is awaited: `probot.receive()` may come before the backends are up.
    const acknowledge = acknowledgeDelivery({ queue: () => started.then((backends) => backends.queue), metrics });
    // Probot types `on` with its own union of event names; QUEUED_EVENTS lists names of that union.
    app.on(QUEUED_EVENTS as never, acknowledge);
    app.on("installation", async (context) => {
      context.log.info(
        { deliveryId: context.id, action: context.payload.action, installation: context.payload.installation.id },
        "eng-health: installation event",
      );
    });
    try {
      appOptions?.addHandler(healthRoutes({ metrics, ready: async () => (await started).queue.ready() }));
    } catch {
      // `probot.receive()` in tests loads the app without an HTTP server: no routes to add.
    }

    const backends = await started;
    const shared: Services = backends.redis ? { ...services, locks: backends.redis.locks, comments: backends.redis.comments } : services;
    backends.queue.start(
      runDelivery(app, {
        services: shared,
        observeClient: (octokit, job) => observeRequests(octokit, (request) => metrics.request(job.installationId ?? 0, request)),
      }),
    );
    const schedulers = startSchedulers(app, settings, shared, backends.redis);
    if (settings.handleSignals) {
      installShutdown({ queue: backends.queue, timeoutMs: settings.shutdownTimeoutMs, log: app.log, stop: schedulers.stop, disconnect: backends.disconnect, ...(exit ? { exit } : {}) });
    }
    onStart?.({
      queue: backends.queue,
      stop: async (timeoutMs = settings.shutdownTimeoutMs) => {
        await schedulers.stop();
        const closed = await backends.queue.close(timeoutMs);
        await backends.disconnect();
        return closed;
      },
    });
  };
}

const settings = readSettings(process.env);
export default createApp(settings, createServices(settings.appId !== undefined ? { appId: settings.appId } : {}));
