import { describe, expect, it, vi } from "vitest";
import { assertWebhookSecret } from "../../../src/server/assert-webhook-secret.js";
import { InProcessQueue } from "../../../src/queue/in-process-queue.js";
import { installShutdown, REDELIVER_HINT } from "../../../src/server/install-shutdown.js";
import { readSettings } from "../../../src/server/settings.js";

describe("assertWebhookSecret", () => {
  it.each([
    [{ NODE_ENV: "production" }, true],
    [{ NODE_ENV: "production", WEBHOOK_SECRET: "" }, true],
    [{ NODE_ENV: "production", WEBHOOK_SECRET: "s3cret" }, false],
    [{ NODE_ENV: "development" }, false],
  ])("env %j refuses to start: %s", (env, refuses) => {
    const check = () => assertWebhookSecret(readSettings(env));
    if (refuses) expect(check).toThrow(/WEBHOOK_SECRET is not set/);
    else expect(check).not.toThrow();
  });
});

describe("readSettings", () => {
  it("reads the scheduler switches and crons", () => {
    expect(readSettings({ DISABLE_SCHEDULER: "true", SWEEP_CRON: "0 * * * *" })).toMatchObject({ scheduler: false, sweepCron: "0 * * * *" });
    expect(readSettings({})).toMatchObject({ scheduler: true, sweepCron: "7 * * * *", handleSignals: true, shutdownTimeoutMs: 25_000 });
  });
});

describe("SIGTERM", () => {
  function job(deliveryId: string) {
    return { deliveryId, event: "pull_request", action: "opened", payload: {}, installationId: 1, receivedAt: Date.now() };
  }

  it("stops the scheduler, finishes the queued jobs, then exits 0", async () => {
    const queue = new InProcessQueue({ concurrency: 1 });
    const exit = vi.fn();
    const stop = vi.fn(async () => {});
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
    let finish: () => void = () => {};
    const ran: string[] = [];
    queue.start(async (delivery) => {
      if (delivery.deliveryId === "d-1") await new Promise<void>((resolve) => (finish = resolve));
      ran.push(delivery.deliveryId);
    });
    await queue.add(job("d-1"));
    await queue.add(job("d-2"));
    const onSignal = installShutdown({ queue, timeoutMs: 5_000, log, stop, exit, listen: false });
    const shutdown = onSignal();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stop).toHaveBeenCalledOnce();
    expect(exit).not.toHaveBeenCalled();
    await expect(queue.add(job("d-3"))).rejects.toMatchObject({ status: 503 });
    finish();
    await shutdown;
    expect(ran).toEqual(["d-1", "d-2"]);
    expect(exit).toHaveBeenCalledWith(0);
    expect(log.error).not.toHaveBeenCalled();
  });

  it("logs each delivery it could not finish, one line each, with how to redeliver it", async () => {
    const queue = new InProcessQueue({ concurrency: 1 });
    const exit = vi.fn();
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
    queue.start(() => new Promise<void>(() => {}));
    for (const id of ["d-a", "d-b", "d-c"]) await queue.add(job(id));
    await installShutdown({ queue, timeoutMs: 20, log, stop: async () => {}, exit, listen: false })();
    expect(exit).toHaveBeenCalledWith(0);
    expect(log.error.mock.calls).toEqual(
      ["d-a", "d-b", "d-c"].map((deliveryId) => [
        { deliveryId },
        `eng-health: delivery not finished before shutdown and lost with this process; ${REDELIVER_HINT}`,
      ]),
    );
  });
});
