// A fixed-window counter per caller, in this process's memory: enough to stop one user or token from
// monopolising the export connections of an instance (each instance counts on its own).

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): RateDecision;
  /** Keys currently tracked (for tests: expired windows are dropped). */
  size(): number;
}

export function createRateLimiter(opts: {
  limit: number;
  windowMs: number;
  now?: () => number;
}): RateLimiter {
  const now = opts.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = now();

  function sweep(t: number): void {
    if (t - lastSweep < opts.windowMs) return;
    lastSweep = t;
    for (const [key, w] of windows) if (t - w.start >= opts.windowMs) windows.delete(key);
  }

  return {
    take(key) {
      const t = now();
      sweep(t);
      const w = windows.get(key);
      if (!w || t - w.start >= opts.windowMs) {
        windows.set(key, { start: t, count: 1 });
        return { ok: true };
      }
      if (w.count < opts.limit) {
        w.count++;
        return { ok: true };
      }
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((w.start + opts.windowMs - t) / 1000)),
      };
    },
    size: () => windows.size,
  };
}
