// Server-side time of one API request, by step, sent back as a `Server-Timing` header
// (`session;dur=0.4, role;dur=0.1, version;dur=0.9, cache;dur=0.1, total;dur=1.6`, in ms). `total` runs
// from the route handler's first line to the Response being built: Next.js routing and the socket
// are outside it. The benchmark reads it to say where a request's time goes.
export const SERVER_TIMING_HEADER = "server-timing";

export interface ServerTiming {
  /** Runs `fn`, adding its duration to the span `name` (a span may be entered more than once). */
  span<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** The header value: every span in first-entered order, then `total`. */
  header(): string;
}

export function startServerTiming(now: () => number = () => performance.now()): ServerTiming {
  const started = now();
  const spans = new Map<string, number>();
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    async span(name, fn) {
      const t = now();
      try {
        return await fn();
      } finally {
        spans.set(name, (spans.get(name) ?? 0) + now() - t);
      }
    },
    header() {
      const parts = [...spans].map(([name, ms]) => `${name};dur=${round(ms)}`);
      return [...parts, `total;dur=${round(now() - started)}`].join(", ");
    },
  };
}

/** Parses a Server-Timing header into milliseconds per span (entries without `dur` are skipped). */
export function parseServerTiming(value: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of (value ?? "").split(",")) {
    const [name, ...params] = entry.trim().split(";");
    const dur = params.map((p) => /^\s*dur=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name && dur !== undefined) out[name] = Number(dur);
  }
  return out;
}
