import type { IncomingMessage, ServerResponse } from "node:http";
import type { Log } from "../model/log.js";

/** What the guard needs of Probot: signature verification and delivery (`probot.webhooks.verify`, `probot.receive`). */
export interface WebhookReceiver {
  verify(payload: string, signature: string): Promise<boolean>;
  receive(event: { id: string; name: string; payload: unknown }): Promise<void>;
}

/** GitHub fails a delivery not answered within 10 s; like Probot's middleware, answer 202 after 9 s. */
const ANSWER_WITHIN_MS = 9_000;

/**
 * The webhook endpoint, in front of Probot's own middleware (which reads the
 * whole body before checking anything and logs the payload of a delivery it
 * refuses). For a `POST` to the webhook path with GitHub's headers:
 *
 * 1. a body over `maxBytes` (GitHub's 25 MB cap) is answered 413 without
 *    being buffered: refused at once on its `content-length`, or, sent in
 *    chunks, as soon as the bytes counted pass the cap;
 * 2. a signature that does not match is answered 400, logged with the
 *    delivery id, event and size, never the body;
 * 3. a body that is not JSON is answered 400, logged with the delivery id;
 * 4. the delivery goes to `receiver.receive` (Probot's handlers: stored as a
 *    job) and is answered 200, or with the status of the handler's error (503
 *    when it could not be stored), logged with the delivery id and without
 *    the payload.
 *
 * Any other request (another path, a method, a missing header, another
 * content type) is left to Probot, which answers it without reading a body.
 *
 * @param input the webhook path, the byte cap, Probot's receiver and a log
 * @returns a request handler: true when it answered the request
 */
export function webhookGuard(input: { path: string; maxBytes: number; receiver: WebhookReceiver; log: Log }) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (request.method !== "POST" || pathOf(request) !== input.path) return false;
    const event = header(request, "x-github-event");
    const deliveryId = header(request, "x-github-delivery");
    const signature = header(request, "x-hub-signature-256");
    const json = /^\s*application\/json\s*(;|$)/u.test(header(request, "content-type") ?? "");
    if (event === undefined || deliveryId === undefined || signature === undefined || !json) return false;
    const fields = { deliveryId, event };

    const declared = Number(request.headers["content-length"]);
    if (Number.isFinite(declared) && declared > input.maxBytes) {
      input.log.warn({ ...fields, bytes: declared }, "eng-health: refused a delivery larger than GitHub's 25 MB cap (413) on its content-length; its body is discarded, not kept");
      refuse(request, response, 413, "payload too large");
      return true;
    }
    const body = await readBounded(request, input.maxBytes);
    if (body === null) {
      input.log.warn({ ...fields, bytes: `more than ${input.maxBytes}` }, "eng-health: refused a delivery larger than GitHub's 25 MB cap (413); reading stopped at the cap");
      refuse(request, response, 413, "payload too large");
      return true;
    }
    const bytes = body.length;
    const text = new TextDecoder("utf-8", { fatal: false }).decode(body);
    if (!(await input.receiver.verify(text, signature).catch(() => false))) {
      input.log.warn(
        { ...fields, bytes },
        "eng-health: refused a delivery whose signature does not match (400); is WEBHOOK_SECRET the app's webhook secret (GitHub App settings → Webhook secret)?",
      );
      answer(response, 400, { error: "signature does not match event payload and secret" });
      return true;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      input.log.warn({ ...fields, bytes }, "eng-health: refused a signed delivery whose body is not valid JSON (400)");
      answer(response, 400, { error: "Invalid JSON" });
      return true;
    }

    payload = withUsableInstallation(payload);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), ANSWER_WITHIN_MS);
    });
    try {
      const outcome = await Promise.race([input.receiver.receive({ id: deliveryId, name: event, payload }).then(() => "done" as const), late]);
      if (outcome === "late") answer(response, 202, null, "still processing\n");
      else answer(response, 200, null, "ok\n");
    } catch (error) {
      const status = statusOf(error);
      input.log.error({ ...fields, status, reason: messagesOf(error) }, `eng-health: the delivery's handler failed; answered ${status}`);
      answer(response, status, { error: status === 503 ? "eng-health could not store this delivery now; redeliver it in a minute" : "the delivery could not be handled" });
    } finally {
      clearTimeout(timer);
    }
    return true;
  };
}

function pathOf(request: IncomingMessage): string | null {
  try {
    return new URL(request.url ?? "/", "http://localhost").pathname.replace(/\/+$/, "") || "/";
  } catch {
    return null;
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The body as bytes, or null as soon as more than `maxBytes` arrived (the
 * chunks read so far are dropped, and the rest is never kept).
 */
function readBounded(request: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        chunks.length = 0;
        request.off("data", onData);
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.on("end", () => resolve(total > maxBytes ? null : Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/**
 * How long a refused request's remaining body is read and discarded before
 * its connection is cut, in milliseconds.
 */
const DISCARD_MS = 5_000;

/**
 * Answer at once, then read and discard whatever the client still sends
 * (never kept) and close the connection once the request has ended, or cut it
 * after {@link DISCARD_MS}. Closing a socket while the client is still
 * sending makes the kernel answer with a reset, which discards the answer the
 * client had not read yet, so the client would see a reset instead of the 413
 * (RFC 9112, section 9.6, "Tear-down": a server closes the connection in stages).
 */
function refuse(request: IncomingMessage, response: ServerResponse, status: number, error: string): void {
  const socket = request.socket;
  const cut = setTimeout(() => socket.destroy(), DISCARD_MS);
  cut.unref();
  socket.once("close", () => clearTimeout(cut));
  if (request.readableEnded) response.once("finish", () => socket.end());
  else request.once("end", () => socket.end());
  request.resume();
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ error }));
}

function answer(response: ServerResponse, status: number, json: object | null, text?: string): void {
  if (response.headersSent) return;
  if (json === null) response.writeHead(status, { "content-type": "text/plain" }).end(text ?? "");
  else response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
}

/** The HTTP status the handler's error asks for (`status` on it or its first inner error), else 500. */
function statusOf(error: unknown): number {
  const errors = error instanceof AggregateError ? error.errors : [error];
  const status = (errors[0] as { status?: unknown } | undefined)?.status;
  return typeof status === "number" && status >= 400 && status < 600 ? status : 500;
}

/** The errors' messages only: `@octokit/webhooks` puts the whole event (the payload) on them. */
function messagesOf(error: unknown): string[] {
  const errors = error instanceof AggregateError ? error.errors : [error];
  return errors.map((inner) => (inner instanceof Error ? `${inner.name}: ${inner.message}` : String(inner)));
}

/**
 * The payload with an `installation` that has no numeric id removed: Probot
 * authenticates every event that names an installation before any handler
 * runs, and throws for one without an id, which would fail the HTTP exchange.
 * Without it the delivery is stored, and its job is refused and logged with
 * the delivery id (`runDelivery`), as for a payload without installation.
 */
export function withUsableInstallation(payload: unknown): unknown {
  if (typeof payload !== "object" || payload === null || !("installation" in payload)) return payload;
  const installation = (payload as { installation?: unknown }).installation;
  if (installation === undefined || (typeof installation === "object" && installation !== null && typeof (installation as { id?: unknown }).id === "number")) return payload;
  const { installation: _unusable, ...rest } = payload as Record<string, unknown>;
  return rest;
}
