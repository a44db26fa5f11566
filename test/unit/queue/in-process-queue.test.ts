import { describe, expect, it } from "vitest";
import type { DeliveryJob } from "../../../src/model/delivery-job.js";
import { JobRefusedError, RetryLaterError } from "../../../src/queue/delivery-queue.js";
import { InProcessQueue } from "../../../src/queue/in-process-queue.js";
import type { JobOutcome } from "../../../src/queue/job-observer.js";
import { InProcessLock } from "../../../src/publish/keyed-lock.js";

function job(deliveryId: string): DeliveryJob {
  return { deliveryId, event: "pull_request", action: "opened", payload: {}, installationId: 1, receivedAt: Date.now() };
}

function recording() {
  const outcomes: Array<[string, JobOutcome, number]> = [];
  return { outcomes, observer: { finished: (j: DeliveryJob, run: { outcome: JobOutcome; attempt: number }) => void outcomes.push([j.deliveryId, run.outcome, run.attempt]) } };
}

describe("InProcessQueue", () => {
  it("keys jobs by delivery id while queued or running, and runs a later redelivery again", async () => {
    const queue = new InProcessQueue();
    const ran: string[] = [];
    let finish: () => void = () => {};
    queue.start(async (delivery) => {
      ran.push(delivery.deliveryId);
      await new Promise<void>((resolve) => (finish = resolve));
    });
    expect(await queue.add(job("d-1"))).toEqual({ added: true });
    expect(await queue.add(job("d-1"))).toEqual({ added: false });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await queue.add(job("d-1"))).toEqual({ added: false }); // running
    finish();
    await queue.idle();
    expect(await queue.add(job("d-1"))).toEqual({ added: true }); // a redelivery after it finished
    await new Promise((resolve) => setTimeout(resolve, 5));
    finish();
    await queue.idle();
    expect(ran).toEqual(["d-1", "d-1"]);
  });

  it("retries a failed job with backoff, then gives up and counts it failed", async () => {
    const { outcomes, observer } = recording();
    const queue = new InProcessQueue({ retry: { attempts: 3, backoffMs: 1 }, observer });
    queue.start(async () => {
      throw new Error("GitHub is down");
    });
    await queue.add(job("d-fail"));
    await queue.idle();
    expect(outcomes).toEqual([
      ["d-fail", "retrying", 1],
      ["d-fail", "retrying", 2],
      ["d-fail", "failed", 3],
    ]);
    expect((await queue.counts()).failed).toBe(1);
  });

  it("runs a job again after the delay a RetryLaterError asks for, and never retries a refused one", async () => {
    const { outcomes, observer } = recording();
    const queue = new InProcessQueue({ observer });
    let calls = 0;
    queue.start(async (delivery) => {
      if (delivery.deliveryId === "d-refused") throw new JobRefusedError("no installation");
      calls += 1;
      if (calls === 1) throw new RetryLaterError(30, "rate limit");
    });
    const started = Date.now();
    await queue.add(job("d-later"));
    await queue.add(job("d-refused"));
    await queue.idle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(outcomes).toEqual(
      expect.arrayContaining([
        ["d-later", "delayed", 1],
        ["d-later", "completed", 1],
        ["d-refused", "refused", 1],
      ]),
    );
  });

  it("counts waiting, running and delayed jobs", async () => {
    const queue = new InProcessQueue({ concurrency: 1 });
    queue.start(() => new Promise<void>(() => {}));
    await queue.add(job("d-a"));
    await queue.add(job("d-b"));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await queue.counts()).toMatchObject({ waiting: 1, active: 1, delayed: 0, failed: 0 });
  });
});

describe("InProcessLock", () => {
  it("runs work for one key one at a time, in order, and other keys at once", async () => {
    const lock = new InProcessLock();
    const events: string[] = [];
    const step = (name: string, ms: number) => async () => {
      events.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      events.push(`end ${name}`);
    };
    await Promise.all([lock.withLock("pr:a#1", step("1", 20)), lock.withLock("pr:a#1", step("2", 1)), lock.withLock("pr:a#2", step("other", 1))]);
    expect(events.indexOf("end 1")).toBeLessThan(events.indexOf("start 2"));
    expect(events.indexOf("start other")).toBeLessThan(events.indexOf("end 1"));
    expect(lock.size).toBe(0);
  });

  it("tryLock skips while the key is held", async () => {
    const lock = new InProcessLock();
    let release: () => void = () => {};
    const held = lock.withLock("report:a/b", () => new Promise<void>((resolve) => (release = resolve)));
    expect(await lock.tryLock("report:a/b", async () => 1)).toEqual({ ran: false });
    release();
    await held;
    expect(await lock.tryLock("report:a/b", async () => 1)).toEqual({ ran: true, value: 1 });
  });
});
