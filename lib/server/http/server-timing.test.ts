import { describe, expect, it } from "vitest";
import { parseServerTiming, startServerTiming } from "./server-timing";

describe("server timing", () => {
  it("sums each span's entries and reports them in order, then the total", async () => {
    let now = 100;
    const timing = startServerTiming(() => now);
    await timing.span("session", () => {
      now += 0.4;
      return Promise.resolve();
    });
    await timing.span("version", () => {
      now += 1.25;
      return Promise.resolve();
    });
    await timing.span("session", () => {
      now += 0.1;
      return Promise.resolve();
    });
    now += 0.05;
    expect(timing.header()).toBe("session;dur=0.5, version;dur=1.25, total;dur=1.8");
  });

  it("counts a span that throws, and rethrows", async () => {
    let now = 0;
    const timing = startServerTiming(() => now);
    await expect(
      timing.span("handler", () => {
        now += 3;
        return Promise.reject(new Error("no"));
      }),
    ).rejects.toThrow("no");
    expect(parseServerTiming(timing.header())).toEqual({ handler: 3, total: 3 });
  });

  it("parses a header, skipping entries without a duration", () => {
    expect(parseServerTiming('cache;desc="hit";dur=0.12, edge, total;dur=2')).toEqual({
      cache: 0.12,
      total: 2,
    });
    expect(parseServerTiming(null)).toEqual({});
  });
});
