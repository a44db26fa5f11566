import { describe, expect, it, vi } from "vitest";
import { assertWebhookSecret } from "../../../src/server/assert-webhook-secret.js";
import { InFlight } from "../../../src/server/in-flight.js";
import { installShutdown } from "../../../src/server/install-shutdown.js";
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
  it("stops the scheduler, waits for in-flight deliveries, then exits 0", async () => {
    const inFlight = new InFlight();
    const exit = vi.fn();
    const stop = vi.fn();
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
    let finish: () => void = () => {};
    const delivery = inFlight.track(() => new Promise<void>((resolve) => (finish = resolve)));
    const onSignal = installShutdown({ inFlight, timeoutMs: 5_000, log, stop, exit });
    try {
      const shutdown = onSignal();
      await Promise.resolve();
      expect(stop).toHaveBeenCalledOnce();
      expect(exit).not.toHaveBeenCalled();
      finish();
      await delivery;
      await shutdown;
      expect(exit).toHaveBeenCalledWith(0);
    } finally {
      process.removeListener("SIGTERM", onSignal);
    }
  });

  it("acknowledges a slow delivery after the budget and finishes it in the background", async () => {
    const inFlight = new InFlight();
    const lateErrors: unknown[] = [];
    let fail: (error: Error) => void = () => {};
    const work = () => new Promise<void>((_, reject) => (fail = reject));
    await inFlight.respondWithin(work, 20, (error) => lateErrors.push(error));
    expect(inFlight.size).toBe(1);
    fail(new Error("late failure"));
    expect(await inFlight.drain(1_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lateErrors).toEqual([new Error("late failure")]);
  });

  it("passes a failure within the budget to Probot", async () => {
    const inFlight = new InFlight();
    await expect(inFlight.respondWithin(() => Promise.reject(new Error("fast failure")), 1_000, () => {})).rejects.toThrow("fast failure");
    expect(inFlight.size).toBe(0);
  });

  it("exits after the timeout when a delivery hangs", async () => {
    const inFlight = new InFlight();
    void inFlight.track(() => new Promise<void>(() => {}));
    expect(await inFlight.drain(10)).toBe(false);
    expect(inFlight.size).toBe(1);
  });
});
