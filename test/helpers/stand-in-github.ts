import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A request the stand-in received. */
export interface StandInRequest {
  method: string;
  path: string;
  body: unknown;
}

/** A route: returns [status, body, headers?] or undefined to fall through. */
export type StandInRoute = (request: StandInRequest) => [number, unknown, Record<string, string>?] | undefined;

/**
 * A local stand-in for the GitHub API on 127.0.0.1 (REST under `/api/v3`,
 * GraphQL at `/api/graphql`, as GitHub Enterprise Server lays them out), for
 * tests that run the real server. Unrouted requests get 404 and are recorded.
 */
export async function startStandInGitHub(routes: StandInRoute[]): Promise<{
  host: string;
  requests: StandInRequest[];
  close: () => Promise<void>;
}> {
  const requests: StandInRequest[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    const request = { method: req.method ?? "GET", path: req.url ?? "/", body };
    requests.push(request);
    for (const route of routes) {
      const answer = route(request);
      if (answer) {
        const [status, payload, headers] = answer;
        const isText = typeof payload === "string";
        res.writeHead(status, { "content-type": isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8", ...headers });
        res.end(isText ? payload : JSON.stringify(payload));
        return;
      }
    }
    res.writeHead(404, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ message: "Not Found" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
