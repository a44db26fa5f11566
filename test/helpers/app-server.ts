import { createHmac } from "node:crypto";
import { Writable } from "node:stream";
import { pino } from "pino";
import { ProbotOctokit } from "probot";
import { AppOctokit } from "../../src/github/app-octokit.js";
import { createApp, type AppOptions, type AppRuntime } from "../../src/index.js";
import { createServices } from "../../src/pipelines/services.js";
import { runServer } from "../../src/server/run-server.js";
import { readSettings, type Settings } from "../../src/server/settings.js";
import { freePort } from "./stand-in-github.js";
import { testPrivateKey } from "./test-key.js";
import type { LogLine } from "./test-probot.js";

export const SECRET = "a-real-secret";

/** The `x-hub-signature-256` header GitHub sends for `body`. */
export function sign(body: string, secret = SECRET): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** A running eng-health server (Probot's `run`) for tests. */
export interface AppServer {
  url: string;
  base: string;
  logs: LogLine[];
  runtime: AppRuntime;
  /** POST a signed delivery; resolves with the response. */
  deliver(input: { id: string; event: string; payload: unknown; signature?: string }): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * Start the real server against a stand-in GitHub at `host` (GHE layout,
 * plain HTTP), with the settings given (REDIS_URL and friends), logs captured.
 * Octokit's throttling is off unless `throttle` is true, so tests do not wait
 * on its one-second write spacing.
 */
export async function startAppServer(input: {
  host: string;
  env?: NodeJS.ProcessEnv;
  settings?: Partial<Settings>;
  options?: AppOptions;
  throttle?: boolean;
}): Promise<AppServer> {
  const port = await freePort();
  const logs: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(JSON.parse(chunk.toString()) as LogLine);
      done();
    },
  });
  let runtime: AppRuntime | undefined;
  const settings = { ...readSettings({ ...input.env, NODE_ENV: "test" }), ...input.settings };
  const server = await runServer(createApp(settings, createServices(), { ...input.options, onStart: (started) => (runtime = started) }), {
    env: {
      APP_ID: "123",
      PRIVATE_KEY: testPrivateKey(),
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      HOST: "127.0.0.1",
      GHE_HOST: input.host,
      GHE_PROTOCOL: "http",
      LOG_LEVEL: "debug",
    },
    log: pino({ level: "debug" }, stream),
    ...(input.throttle
      ? { Octokit: AppOctokit }
      : {
          // Probot's options type is loose here; the function form is what turns throttling and retries off.
          Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
            ...options,
            retry: { enabled: false },
            throttle: { ...(options.throttle as object), enabled: false },
          })),
        }),
  });
  if (runtime === undefined) throw new Error("the app did not start");
  const base = `http://127.0.0.1:${port}`;
  const url = `${base}/api/github/webhooks`;
  const started = runtime;
  return {
    url,
    base,
    logs,
    runtime: started,
    deliver: ({ id, event, payload, signature }) => {
      const body = JSON.stringify(payload);
      return fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-github-event": event, "x-github-delivery": id, "x-hub-signature-256": signature ?? sign(body) },
        body,
      });
    },
    stop: async () => {
      await server.stop();
      await started.stop(5_000);
    },
  };
}
