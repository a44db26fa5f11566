import { Writable } from "node:stream";
import nock from "nock";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { createServices, type Services } from "../../src/pipelines/services.js";
import { createApp } from "../../src/index.js";
import { InProcessQueue } from "../../src/queue/in-process-queue.js";
import { readSettings } from "../../src/server/settings.js";
import { testPrivateKey } from "./test-key.js";

export const API = "https://api.github.com";

/** A log line as pino wrote it. */
export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/**
 * A Probot instance with eng-health loaded, retry and throttling off (the
 * function form: the object form is overwritten by Probot's own options), and
 * logs captured as objects.
 *
 * Deliveries are acknowledged once queued and run from an in-process queue;
 * `probot.receive()` here also waits until the queue is idle, so a test sees
 * the work's requests and logs when it returns (retries 1 ms apart).
 */
export function createTestProbot(options: { now?: Date; appId?: number } = {}): { probot: Probot; logs: LogLine[]; services: Services; queue: InProcessQueue } {
  const logs: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(JSON.parse(chunk.toString()) as LogLine);
      done();
    },
  });
  const now = options.now ?? new Date("2026-11-16T12:00:00Z");
  const services = createServices({ now: () => now, ...(options.appId !== undefined ? { appId: options.appId } : {}) });
  const probot = new Probot({
    appId: 123,
    privateKey: testPrivateKey(),
    log: pino({ level: "debug" }, stream),
    // Probot's options type is loose here; the function form is what turns throttling off.
    Octokit: ProbotOctokit.defaults((instanceOptions: Record<string, unknown>) => ({
      ...instanceOptions,
      retry: { enabled: false },
      throttle: { ...(instanceOptions.throttle as object), enabled: false },
    })),
  });
  const queue = new InProcessQueue({ retry: { attempts: 3, backoffMs: 1 } });
  void probot.load(createApp({ ...readSettings({ NODE_ENV: "test" }), scheduler: false, handleSignals: false }, services, { queue }));
  const receive = probot.receive.bind(probot);
  probot.receive = async (event) => {
    await receive(event);
    await queue.idle();
  };
  return { probot, logs, services, queue };
}

/** Mock the installation token exchange (not counted as an API call of the event). */
export function mockInstallationToken(installationId = 1): nock.Scope {
  return nock(API)
    .post(`/app/installations/${installationId}/access_tokens`)
    .reply(201, { token: "test-token", expires_at: "2099-01-01T00:00:00Z", permissions: { checks: "write" } });
}

/** Serve a config file the way GitHub serves raw content. */
export function mockConfigFile(scope: nock.Scope, owner: string, repo: string, yaml: string | null): nock.Scope {
  const path = `/repos/${owner}/${repo}/contents/${encodeURIComponent(".github/eng-health.yml")}`;
  if (yaml === null) {
    return scope
      .get(path)
      .reply(404, { message: "Not Found" })
      .get(`/repos/${owner}/.github/contents/${encodeURIComponent(".github/eng-health.yml")}`)
      .reply(404, { message: "Not Found" });
  }
  return scope.get(path).reply(200, yaml, { "content-type": "text/plain; charset=utf-8" });
}
