// Read load: 50 concurrent clients on the main API routes for a bounded time, loopback only.
import autocannon from "autocannon";
import type { BenchServer } from "./server";

export interface LoadFigures {
  seconds: number;
  connections: number;
  requestsPerSecond: number;
  p95Ms: number;
  p50Ms: number;
  errors: number;
  non2xx: number;
  requests: number;
}

/** The routes the load goes round, for the latest month (YYYY-MM…). */
export function loadPaths(month: string): string[] {
  const ym = month.slice(0, 7);
  return [
    "/api/v1/overview",
    `/api/v1/costs?groupBy=ou&to=${ym}`,
    `/api/v1/costs?groupBy=account&from=${ym}&to=${ym}`,
    "/api/v1/ou-tree",
    "/api/v1/kpis",
    "/api/v1/findings",
  ];
}

export async function benchLoad(
  server: BenchServer,
  seconds: number,
  month: string,
): Promise<LoadFigures> {
  const paths = loadPaths(month);
  const result = await autocannon({
    url: server.baseUrl,
    connections: 50,
    duration: seconds,
    // As a browser asks: it accepts gzip, so Next.js compresses every answer of 1 KB or more.
    headers: { cookie: server.cookie, "accept-encoding": "gzip, deflate, br" },
    requests: paths.map((path) => ({ method: "GET", path })),
  });
  return {
    seconds,
    connections: 50,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p95Ms: result.latency.p97_5,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}
