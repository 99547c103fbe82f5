// Per-request cost of an authenticated answer from the response cache, and where its time goes.
// Server time is the `total` of the Server-Timing header that the route guard (lib/server/http/
// route.ts) adds: from the handler's first line until its Response is built, so Next.js routing,
// HTTP parsing and the socket are outside it; the round trip seen by the benchmark is given beside
// it. Spans: session (cookie → next-auth session), version (the data version query), role (role
// bindings), cache (response-cache lookup), handler/json (only when computed).
import { parseServerTiming } from "../../lib/server/http/server-timing";
import { percentile } from "../../lib/domain/kpis/scopes";
import { signIn, type BenchServer } from "./server";

export const REQUEST_COST_PATH = "/api/v1/kpis";

export interface RequestCostFigures {
  path: string;
  runs: number;
  /** Server time p50/p95 of answers served from the response cache (Server-Timing total). */
  serverP50Ms: number;
  serverP95Ms: number;
  /** The same requests seen from the benchmark (loopback HTTP, fetch). */
  roundTripP50Ms: number;
  /** p50 of each span of those cached answers. */
  spansP50Ms: Record<string, number>;
  /** The session span for a cookie the server has not decoded yet: next-auth's full decode, which every request paid before the session cache. */
  sessionDecodeP50Ms: number;
  /** The role span right after a write: the bindings read from the database, which every request paid before they were kept per data version. */
  roleLookupP50Ms: number;
  /** Server time of the same request computed (right after a write): for comparison. */
  computedP50Ms: number;
}

const p = (xs: number[], q: number) => {
  const v = percentile(xs, q);
  return v === null ? Number.NaN : Math.round(v * 100) / 100;
};

async function timed(server: BenchServer, cookie: string) {
  const t = performance.now();
  const res = await fetch(`${server.baseUrl}${REQUEST_COST_PATH}`, { headers: { cookie } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`GET ${REQUEST_COST_PATH}: HTTP ${res.status}`);
  return {
    roundTrip: performance.now() - t,
    spans: parseServerTiming(res.headers.get("server-timing")),
    cache: res.headers.get("x-orglens-cache"),
  };
}

export async function benchRequestCost(
  server: BenchServer,
  commitWrite: () => Promise<void>,
  runs = 300,
): Promise<RequestCostFigures> {
  // Cached answers: the same caller asking the same URL with nothing changed.
  for (let i = 0; i < 20; i++) await timed(server, server.cookie);
  const warm: Awaited<ReturnType<typeof timed>>[] = [];
  for (let i = 0; i < runs; i++) warm.push(await timed(server, server.cookie));
  const hits = warm.filter((w) => w.cache === "hit");
  if (hits.length < runs / 2)
    throw new Error(`only ${hits.length} of ${runs} answers were cache hits`);
  const spanNames = [...new Set(hits.flatMap((h) => Object.keys(h.spans)))].filter(
    (n) => n !== "total",
  );
  const spansP50Ms = Object.fromEntries(
    spanNames.map((n) => [
      n,
      p(
        hits.map((h) => h.spans[n] ?? 0),
        50,
      ),
    ]),
  );

  // Fresh cookies (each sign-in is a write, so all are made first): every request decodes its session.
  const cookies: string[] = [];
  for (let i = 0; i < 21; i++) cookies.push(await signIn(server.baseUrl));
  const fresh = [];
  for (const c of cookies) fresh.push(await timed(server, c));

  // After a write: bindings read again and the answer computed.
  const afterWrite = [];
  for (let i = 0; i < 20; i++) {
    await commitWrite();
    afterWrite.push(await timed(server, server.cookie));
  }
  return {
    path: REQUEST_COST_PATH,
    runs: hits.length,
    serverP50Ms: p(
      hits.map((h) => h.spans.total ?? Number.NaN),
      50,
    ),
    serverP95Ms: p(
      hits.map((h) => h.spans.total ?? Number.NaN),
      95,
    ),
    roundTripP50Ms: p(
      hits.map((h) => h.roundTrip),
      50,
    ),
    spansP50Ms,
    sessionDecodeP50Ms: p(
      fresh.map((f) => f.spans.session ?? Number.NaN),
      50,
    ),
    roleLookupP50Ms: p(
      afterWrite.map((f) => f.spans.role ?? Number.NaN),
      50,
    ),
    computedP50Ms: p(
      afterWrite.map((f) => f.spans.total ?? Number.NaN),
      50,
    ),
  };
}
