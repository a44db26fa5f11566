import type { ApplicationFunction, ApplicationFunctionOptions, Probot } from "probot";
import { observeRequests } from "./github/observe-requests.js";
import { QUEUED_EVENTS } from "./pipelines/delivery-handlers.js";
import { createServices, type Services } from "./pipelines/services.js";
import { runDelivery } from "./queue/run-delivery.js";
import { acknowledgeDelivery } from "./server/acknowledge-delivery.js";
import { AppMetrics } from "./server/app-metrics.js";
import { assertWebhookSecret } from "./server/assert-webhook-secret.js";
import { healthRoutes } from "./server/health-routes.js";
import { installShutdown } from "./server/install-shutdown.js";
import { allObservers, logJobs } from "./server/log-jobs.js";
import { readSettings, type Settings } from "./server/settings.js";
import { startBackends, type BackendOptions, type Backends } from "./server/start-backends.js";
import { startSchedulers } from "./schedule/start-schedulers.js";

/** Test and benchmark knobs of {@link createApp}. */
export type AppOptions = Partial<BackendOptions> & { exit?: (code: number) => void };

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
  return (app: Probot, appOptions?: ApplicationFunctionOptions) => {
    assertWebhookSecret(settings);
    const holder: { backends?: Backends } = {};
    const metrics = new AppMetrics(() => holder.backends!.queue.counts()); // set on the next line, before any scrape
    const { exit, ...backendOptions } = options;
    const backends = (holder.backends = startBackends(settings, { ...backendOptions, observer: allObservers(metrics.jobObserver(), logJobs(app.log)) }));
    const shared: Services = backends.redis ? { ...services, locks: backends.redis.locks, comments: backends.redis.comments } : services;
    backends.queue.start(
      runDelivery(app, {
        services: shared,
        observeClient: (octokit, job) => observeRequests(octokit, (request) => metrics.request(job.installationId ?? 0, request)),
      }),
    );

    // Probot types `on` with its own union of event names; QUEUED_EVENTS lists names of that union.
    app.on(QUEUED_EVENTS as never, acknowledgeDelivery({ queue: backends.queue, metrics }));
    app.on("installation", async (context) => {
      context.log.info(
        { deliveryId: context.id, action: context.payload.action, installation: context.payload.installation.id },
        "eng-health: installation event",
      );
    });
    try {
      appOptions?.addHandler(healthRoutes({ metrics, ready: () => backends.queue.ready() }));
    } catch {
      // `probot.receive()` in tests loads the app without an HTTP server: no routes to add.
    }

    const schedulers = startSchedulers(app, settings, shared, backends.redis);
    if (settings.handleSignals) {
      installShutdown({ queue: backends.queue, timeoutMs: settings.shutdownTimeoutMs, log: app.log, stop: schedulers.stop, disconnect: backends.disconnect, ...(exit ? { exit } : {}) });
    }
  };
}

const settings = readSettings(process.env);
export default createApp(settings, createServices(settings.appId !== undefined ? { appId: settings.appId } : {}));
