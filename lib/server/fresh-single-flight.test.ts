import { describe, expect, it, vi } from "vitest";
import { createFreshSingleFlight, settleWithin } from "./fresh-single-flight";

/** A read whose answers the test releases one by one; each answer is the read's sequence number. */
function controlledReads() {
  const pending: (() => void)[] = [];
  let sent = 0;
  const read = () => {
    const n = ++sent;
    return new Promise<number>((resolve) => {
      pending.push(() => resolve(n));
    });
  };
  const releaseNext = async () => {
    const release = pending.shift();
    if (!release) throw new Error("no read in flight");
    release();
    // Let the promise callbacks (and the queued read's start) run.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { read, releaseNext, sent: () => sent, inFlight: () => pending.length };
}

describe("createFreshSingleFlight", () => {
  it("never hands a caller a read sent before it asked: it waits for the next one", async () => {
    const r = controlledReads();
    const get = createFreshSingleFlight(r.read);
    const first = get();
    // Asked while read 1 runs: read 1 may predate a write this caller saw committed.
    const second = get();
    const third = get();
    expect(r.sent()).toBe(1);
    await r.releaseNext();
    expect(await first).toBe(1);
    // Read 2 was sent only once read 1 ended, after the second and third callers asked.
    expect(r.sent()).toBe(2);
    await r.releaseNext();
    expect(await second).toBe(2);
    expect(await third).toBe(2);
  });

  it("runs at most one read at a time, and a caller after a finished read starts a new one", async () => {
    const r = controlledReads();
    const get = createFreshSingleFlight(r.read);
    const calls = [get(), get(), get(), get()];
    expect(r.inFlight()).toBe(1);
    await r.releaseNext();
    expect(r.inFlight()).toBe(1);
    await r.releaseNext();
    expect(await Promise.all(calls)).toEqual([1, 2, 2, 2]);
    // Nothing running: the next caller sends its own read.
    const later = get();
    expect(r.sent()).toBe(3);
    await r.releaseNext();
    expect(await later).toBe(3);
  });

  it("a failed read fails only its own callers; the queued ones get the next read", async () => {
    let n = 0;
    const releases: (() => void)[] = [];
    const get = createFreshSingleFlight(
      () =>
        new Promise<number>((resolve, reject) => {
          const mine = ++n;
          releases.push(() => (mine === 1 ? reject(new Error("connection lost")) : resolve(mine)));
        }),
    );
    const failing = get();
    const queued = get();
    releases.shift()?.();
    await expect(failing).rejects.toThrow("connection lost");
    for (let i = 0; i < 5; i++) await Promise.resolve();
    releases.shift()?.();
    expect(await queued).toBe(2);
  });
});

describe("settleWithin", () => {
  it("a read that hangs gives the fallback after the time, and the callers queued behind it get a new read", async () => {
    vi.useFakeTimers();
    try {
      let sent = 0;
      const read = () => {
        sent++;
        // The first read never answers (a stalled connection); the next ones answer at once.
        return sent === 1 ? new Promise<string | null>(() => {}) : Promise.resolve(`v${sent}`);
      };
      const get = createFreshSingleFlight(() => settleWithin(read(), 5_000, null));
      const stuck = get();
      const queued = get();
      await vi.advanceTimersByTimeAsync(5_000);
      // No version: the caller caches nothing, and is not held by the stalled read.
      expect(await stuck).toBeNull();
      expect(await queued).toBe("v2");
      expect(sent).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("passes an answer or a failure through when it comes in time", async () => {
    await expect(settleWithin(Promise.resolve("v1"), 5_000, null)).resolves.toBe("v1");
    await expect(settleWithin(Promise.reject(new Error("down")), 5_000, null)).rejects.toThrow(
      "down",
    );
  });
});
