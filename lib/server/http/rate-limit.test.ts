import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("createRateLimiter", () => {
  it("allows up to the limit per key in a window, then says how long to wait", () => {
    let now = 1_000_000;
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    expect([1, 2, 3].map(() => limiter.take("user:a"))).toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
    ]);
    expect(limiter.take("user:a")).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(limiter.take("user:b")).toEqual({ ok: true });
    now += 45_500;
    expect(limiter.take("user:a")).toEqual({ ok: false, retryAfterSeconds: 15 });
    now += 15_000;
    expect(limiter.take("user:a")).toEqual({ ok: true });
  });

  it("forgets keys whose window has passed, so memory stays bounded", () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, now: () => now });
    for (let i = 0; i < 5_000; i++) limiter.take(`token:${i}`);
    now += 2_000;
    limiter.take("token:new");
    expect(limiter.size()).toBe(1);
  });
});
