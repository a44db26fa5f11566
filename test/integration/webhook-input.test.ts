import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, sign, type AppServer } from "../helpers/app-server.js";
import { examplePayload } from "../helpers/payloads.js";
import { startStandInGitHub } from "../helpers/stand-in-github.js";
import { waitFor } from "../helpers/wait-for.js";

const MARKER = "do-not-log-this-body-7f3a";

/**
 * POST `megabytes` MB of `a` to the webhook path from a child process (so the
 * test process's RSS is the server's alone); with `chunked`, no
 * content-length is sent. Resolves with the status the server answered.
 */
function postFromChild(url: string, input: { megabytes: number; headers: Record<string, string>; chunked?: boolean }): Promise<number> {
  const script = `
    const http = require("node:http");
    const [url, megabytes, headers, chunked] = JSON.parse(process.argv[1]);
    const target = new URL(url);
    const size = megabytes * 1024 * 1024;
    const all = chunked ? headers : { ...headers, "content-length": String(size) };
    const request = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers: all }, (response) => {
      console.log(response.statusCode);
      process.exit(0);
    });
    request.on("error", () => {});
    const chunk = Buffer.alloc(1024 * 1024, "a");
    let sent = 0;
    const write = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!request.write(chunk)) return request.once("drain", write);
      }
      request.end();
    };
    write();`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["-e", script, JSON.stringify([url, input.megabytes, input.headers, input.chunked ?? false])], (error, stdout) =>
      error ? reject(error) : resolve(Number(stdout.trim())),
    );
  });
}

/** POST a small body from this process; resolves with the status. */
async function post(url: string, input: { body: string; headers: Record<string, string> }): Promise<number> {
  const response = await fetch(url, { method: "POST", headers: input.headers, body: input.body });
  return response.status;
}

const headers = (id: string, event = "pull_request") => ({ "content-type": "application/json", "x-github-event": event, "x-github-delivery": id, "x-hub-signature-256": "sha256=0" });

describe("webhook input is bounded (the real server)", () => {
  let standIn: Awaited<ReturnType<typeof startStandInGitHub>>;
  let server: AppServer;

  beforeAll(async () => {
    standIn = await startStandInGitHub([]);
    server = await startAppServer({ host: standIn.host });
  });

  afterAll(async () => {
    await server?.stop();
    await standIn?.close();
  });

  it("a 26 MB unsigned body is answered 413 before it is buffered: RSS grows by less than 50 MB", async () => {
    const before = process.memoryUsage().rss;
    const declared = await postFromChild(server.url, { megabytes: 26, headers: headers("too-large") });
    const chunked = await postFromChild(server.url, { megabytes: 26, headers: headers("too-large-chunked"), chunked: true });
    const grown = process.memoryUsage().rss - before;

    expect(declared).toBe(413);
    expect(chunked).toBe(413);
    expect(grown).toBeLessThan(50 * 1024 * 1024);
    expect(server.logs.find((line) => line.deliveryId === "too-large")).toMatchObject({ event: "pull_request", bytes: 26 * 1024 * 1024 });
    expect(server.logs.find((line) => line.deliveryId === "too-large-chunked")?.msg).toMatch(/reading stopped at the cap/);
    expect(standIn.requests).toEqual([]);
  });

  it("a wrong signature is answered 400 and logged with the delivery id, event and size, never the body", async () => {
    const payload = { ...examplePayload("pull_request", "opened"), marker: MARKER };
    const response = await server.deliver({ id: "bad-signature", event: "pull_request", payload, signature: sign(JSON.stringify(payload), "not-the-secret") });

    expect(response.status).toBe(400);
    expect(server.logs.find((line) => line.deliveryId === "bad-signature")).toMatchObject({ event: "pull_request", bytes: JSON.stringify(payload).length });
    expect(JSON.stringify(server.logs)).not.toContain(MARKER);
    expect(standIn.requests).toEqual([]);
  });

  it("a signed body that is not JSON is answered 400 and logged with the delivery id", async () => {
    const body = "{not json";
    const status = await post(server.url, { body, headers: { ...headers("not-json"), "x-hub-signature-256": sign(body) } });

    expect(status).toBe(400);
    expect(server.logs.find((line) => line.deliveryId === "not-json")?.msg).toMatch(/not valid JSON/);
  });

  it("a payload without installation is answered 200; the job is refused and logged with the delivery id, no request is sent", async () => {
    const payload = examplePayload<Record<string, unknown>>("pull_request", "opened");
    delete payload.installation;
    const response = await server.deliver({ id: "no-installation", event: "pull_request", payload });

    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok\n");
    await waitFor(() => server.logs.some((line) => line.deliveryId === "no-installation" && /no installation/.test(line.msg)));
    expect(standIn.requests).toEqual([]);
  });

  it("a delivery that cannot be queued is answered 503 and logged with its delivery id, without its payload", async () => {
    await server.runtime.queue.close(1_000);
    const payload = { ...examplePayload("pull_request", "opened"), marker: MARKER };
    const response = await server.deliver({ id: "not-stored", event: "pull_request", payload });

    expect(response.status).toBe(503);
    expect(server.logs.some((line) => line.deliveryId === "not-stored" && line.level >= 50)).toBe(true);
    expect(JSON.stringify(server.logs)).not.toContain(MARKER);
  });
});
