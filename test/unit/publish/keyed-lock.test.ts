import { describe, expect, it } from "vitest";
import { InProcessLock } from "../../../src/publish/keyed-lock.js";

/** A promise with its resolve, to hold a call open. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe("InProcessLock", () => {
  it("runs calls for one key one after the other, in order", async () => {
    const lock = new InProcessLock();
    const events: string[] = [];
    const first = gate();
    const a = lock.withLock("k", async () => {
      events.push("a start");
      await first.promise;
      events.push("a end");
      return "a";
    });
    const b = lock.withLock("k", async () => {
      events.push("b start");
      return "b";
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(events).toEqual(["a start"]);
    first.open();
    expect(await Promise.all([a, b])).toEqual(["a", "b"]);
    expect(events).toEqual(["a start", "a end", "b start"]);
  });

  it("lets calls for other keys run meanwhile", async () => {
    const lock = new InProcessLock();
    const held = gate();
    const events: string[] = [];
    const a = lock.withLock("one", async () => {
      await held.promise;
      events.push("one");
    });
    await lock.withLock("two", async () => {
      events.push("two");
    });
    held.open();
    await a;
    expect(events).toEqual(["two", "one"]);
  });

  it("releases the key when a call throws, and passes the error on", async () => {
    const lock = new InProcessLock();
    await expect(lock.withLock("k", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(lock.withLock("k", async () => "next")).resolves.toBe("next");
  });
});
