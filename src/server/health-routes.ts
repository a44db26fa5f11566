import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppMetrics } from "./app-metrics.js";

/**
 * The operations routes, added to Probot's server with `addHandler`:
 *
 * - `GET /metrics`: Prometheus text format ({@link AppMetrics});
 * - `GET /healthz`: 200 while the process serves HTTP (liveness);
 * - `GET /readyz`: 200 when deliveries can be taken, 503 while draining on
 *   SIGTERM or while Redis is unreachable (readiness: a load balancer stops
 *   sending deliveries here).
 *
 * @param input `metrics`; `ready()` answers readiness
 * @returns a Probot handler: true when it answered the request
 */
export function healthRoutes(input: { metrics: AppMetrics; ready: () => Promise<boolean> }) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path === "/metrics") {
      const text = await input.metrics.registry.metrics();
      response.writeHead(200, { "content-type": input.metrics.registry.contentType }).end(text);
      return true;
    }
    if (path === "/healthz") {
      response.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end("ok\n");
      return true;
    }
    if (path === "/readyz") {
      const ready = await input.ready();
      response.writeHead(ready ? 200 : 503, { "content-type": "text/plain; charset=utf-8" }).end(ready ? "ready\n" : "not ready\n");
      return true;
    }
    return false;
  };
}
