import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { Writable } from "node:stream";
import { pino } from "pino";
import { run } from "probot";
import { createApp } from "../src/index.js";
import { createServices } from "../src/pipelines/services.js";
import { readSettings } from "../src/server/settings.js";

/** A log line of the server, as pino wrote it. */
export interface ServerLogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** The running eng-health server of the demo. */
export interface DemoServer {
  /** Where GitHub would send deliveries: `http://127.0.0.1:PORT/api/github/webhooks`. */
  webhookUrl: string;
  /** The webhook secret the deliveries are signed with (random, this run only). */
  secret: string;
  /** Every log line so far (info and above). */
  logs: ServerLogLine[];
  stop(): Promise<void>;
}

/** The demo app's id: any number works, the stand-in accepts any app's JWT. */
const DEMO_APP_ID = 4242;
/** pino's level number for `warn`. */
const WARN = 40;

/** A free TCP port on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("eng-health demo: no free port on 127.0.0.1");
  return address.port;
}

/**
 * Start the real eng-health server, as `npm start` does (Probot's `run` with
 * the app of `src/index.ts`), configured by environment variables to talk to
 * the stand-in instead of GitHub: `GHE_HOST=127.0.0.1:PORT` with
 * `GHE_PROTOCOL=http` (REST at `/api/v3`, GraphQL at `/api/graphql`), on
 * 127.0.0.1 and a free port, with a throwaway RSA key generated now (never
 * written anywhere) and a random webhook secret. No scheduler (the demo builds
 * the report itself) and no signal handlers (the demo stops the server).
 *
 * @param input `ghHost`: the stand-in's `host:port`; `onWarning`: told each
 *   warning or error line the server logs
 */
export async function startDemoServer(input: { ghHost: string; onWarning: (line: ServerLogLine) => void }): Promise<DemoServer> {
  const port = await freePort();
  const secret = randomBytes(20).toString("hex");
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const logs: ServerLogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = JSON.parse(chunk.toString()) as ServerLogLine;
      logs.push(line);
      if (line.level >= WARN) input.onWarning(line);
      done();
    },
  });
  const env: NodeJS.ProcessEnv = {
    APP_ID: String(DEMO_APP_ID),
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: secret,
    HOST: "127.0.0.1",
    PORT: String(port),
    GHE_HOST: input.ghHost,
    GHE_PROTOCOL: "http",
    LOG_LEVEL: "info",
  };
  const settings = { ...readSettings(env), scheduler: false, handleSignals: false };
  const server = await run(createApp(settings, createServices({ appId: DEMO_APP_ID })), { env, log: pino({ level: "info" }, stream) });
  return { webhookUrl: `http://127.0.0.1:${port}/api/github/webhooks`, secret, logs, stop: () => server.stop() };
}
