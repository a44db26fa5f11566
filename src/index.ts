import type { ApplicationFunction, Context, Probot } from "probot";
import { handleCheckRunCompleted } from "./pipelines/handle-check-run-completed.js";
import { handleIssue } from "./pipelines/handle-issue.js";
import { handlePullRequest, PULL_REQUEST_ACTIONS, PULL_REQUEST_REVIEW_ACTIONS } from "./pipelines/handle-pull-request.js";
import { handleRerequest } from "./pipelines/handle-rerequest.js";
import { createServices, type Services } from "./pipelines/services.js";
import { startScheduler } from "./schedule/start-scheduler.js";
import { assertWebhookSecret } from "./server/assert-webhook-secret.js";
import { InFlight } from "./server/in-flight.js";
import { installShutdown } from "./server/install-shutdown.js";
import { readSettings, type Settings } from "./server/settings.js";

/**
 * Build the Probot app function: wires events to handlers, and nothing else.
 *
 * @param settings process settings (see `readSettings`)
 * @param services shared caches and clock; tests pass their own
 * @throws at load time when `NODE_ENV=production` and `WEBHOOK_SECRET` is missing
 */
export function createApp(settings: Settings, services: Services = createServices()): ApplicationFunction {
  return (app: Probot) => {
    assertWebhookSecret(settings);
    const inFlight = new InFlight();
    const track =
      <C extends Context>(handler: (context: C, services: Services) => Promise<void>) =>
      (context: C) =>
        inFlight.respondWithin(() => handler(context, services), settings.ackBudgetMs, (error) =>
          context.log.error({ err: error, deliveryId: context.id, event: context.name }, "eng-health: delivery failed after it was acknowledged"),
        );

    app.on([...PULL_REQUEST_ACTIONS, ...PULL_REQUEST_REVIEW_ACTIONS], track(handlePullRequest));
    app.on(["check_run.rerequested", "check_suite.rerequested"], track(handleRerequest));
    app.on("issues", track(handleIssue));
    app.on("check_run.completed", track(handleCheckRunCompleted));
    app.on("installation", async (context) => {
      context.log.info(
        { deliveryId: context.id, action: context.payload.action, installation: context.payload.installation.id },
        "eng-health: installation event",
      );
    });

    const scheduler = settings.scheduler ? startScheduler(app, settings, services) : { stop: () => {} };
    if (settings.handleSignals) {
      installShutdown({ inFlight, timeoutMs: settings.shutdownTimeoutMs, log: app.log, stop: scheduler.stop });
    }
  };
}

const settings = readSettings(process.env);
export default createApp(settings, createServices(settings.appId !== undefined ? { appId: settings.appId } : {}));
