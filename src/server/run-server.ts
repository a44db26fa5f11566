import type { Server as HttpServer, IncomingMessage, ServerResponse } from "node:http";
import { run, Server, type ApplicationFunction, type Probot } from "probot";
import { WEBHOOK_PAYLOAD_MAX_BYTES } from "../model/github-limits.js";
import { webhookGuard } from "./webhook-guard.js";

/** Probot's default webhook path (`WEBHOOK_PATH` changes it). */
const DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";

type RunOptions = NonNullable<Parameters<typeof run>[1]>;

/**
 * Probot's `run(app, options)`, with {@link webhookGuard} answering webhook
 * deliveries before Probot's own middleware sees them: bodies over GitHub's
 * 25 MB cap are refused with 413 and never kept, a wrong signature is logged without
 * the body, a delivery that cannot be stored is answered 503 without its
 * payload in the log.
 *
 * Probot's `Server` listens for requests itself and puts its webhook
 * middleware first, before any handler an app adds, and does not expose its
 * HTTP server; so for the duration of this call `Server.prototype.start` is
 * wrapped to put the guard in front of the listeners it installed (one
 * call at a time, so two servers started together each get their own app).
 *
 * @returns what `run` returns (Probot's `Server`)
 */
export async function runServer(app: ApplicationFunction, options?: RunOptions): Promise<Awaited<ReturnType<typeof run>>> {
  // One start at a time: the wrapped `start` belongs to the app loaded by this call.
  const previous = starting;
  let done = (): void => {};
  starting = new Promise<void>((resolve) => (done = resolve));
  await previous;
  try {
    return await runGuarded(app, options);
  } finally {
    done();
  }
}

/** The start in progress, if any (see {@link runServer}). */
let starting: Promise<void> = Promise.resolve();

async function runGuarded(app: ApplicationFunction, options?: RunOptions): Promise<Awaited<ReturnType<typeof run>>> {
  let probot: Probot | undefined;
  const loaded: ApplicationFunction = (instance, appOptions) => {
    probot = instance;
    return app(instance, appOptions);
  };
  const prototype = Server.prototype as unknown as { start(this: unknown): Promise<HttpServer> };
  const start = prototype.start;
  prototype.start = async function guardedStart(this: unknown) {
    const http = await start.call(this);
    // Setup mode (no APP_ID) loads no app: nothing to guard.
    if (probot !== undefined) {
      const instance = probot;
      const guard = webhookGuard({
        path: (options?.env?.WEBHOOK_PATH ?? process.env.WEBHOOK_PATH ?? DEFAULT_WEBHOOK_PATH).replace(/\/+$/, ""),
        maxBytes: WEBHOOK_PAYLOAD_MAX_BYTES,
        // `webhooks.receive`, as Probot's middleware calls it (`probot.receive` logs every payload at debug level).
        receiver: { verify: (payload, signature) => instance.webhooks.verify(payload, signature), receive: (event) => instance.webhooks.receive(event as never) },
        log: instance.log.child({ name: "webhooks" }),
      });
      const listeners = http.listeners("request") as Array<(request: IncomingMessage, response: ServerResponse) => void>;
      http.removeAllListeners("request");
      http.on("request", (request: IncomingMessage, response: ServerResponse) => {
        guard(request, response).then(
          (answered) => {
            if (!answered) for (const listener of listeners) listener.call(http, request, response);
          },
          (error: unknown) => {
            instance.log.error({ err: error }, "eng-health: the webhook guard failed");
            if (!response.headersSent) response.writeHead(500).end();
          },
        );
      });
    }
    return http;
  };
  try {
    return await run(loaded, options);
  } finally {
    prototype.start = start;
  }
}
