// Read routes whose answer depends only on the data, the caller's role and scope, and the URL (the
// dashboard's aggregates) are cached in memory per data version, so many people opening the same
// views cost one computation. The version is the xmax of PostgreSQL's current snapshot (one past the
// newest finished transaction id): every write that commits anywhere in the cluster moves it, so a
// cached answer cannot outlive the data it was built from. When an older write transaction is still
// open behind a newer finished one (xmin < xmax), its commit would not move the version: then
// nothing is cached or served from the cache until it ends. Entries also expire after a minute, for
// answers that depend on the clock (a mute that has run out). `Cache-Control: no-cache` recomputes.
// An answer is kept as its UTF-8 JSON bytes, encoded once when computed: a hit is a copy of bytes,
// never a re-serialization of a large JSON per request. It is not kept gzipped: Next.js drops a
// route handler's Content-Encoding header (send-response.ts) and compresses the body itself, so
// pre-gzipped bytes would reach the browser gzipped twice (the OU tree page could not read its tree).
import "server-only";
import { LRUCache } from "lru-cache";
import { NextResponse } from "next/server";
import { z } from "zod";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { createFreshSingleFlight, settleWithin } from "./fresh-single-flight";
import { startServerTiming, type ServerTiming } from "./http/server-timing";

const MAX_BYTES = 64 * 1024 * 1024;
const TTL_MS = 60_000;
export const CACHE_HEADER = "x-orglens-cache";

export interface CachedAnswer {
  json: Uint8Array<ArrayBuffer>;
}

declare global {
  var orglensResponseCache: LRUCache<string, CachedAnswer> | undefined;
  var orglensResponsesInFlight: Map<string, Promise<CachedAnswer | null>> | undefined;
}

/** Answers being computed now, by cache key: a request for the same key waits for it. */
const inFlight = (): Map<string, Promise<CachedAnswer | null>> =>
  (globalThis.orglensResponsesInFlight ??= new Map<string, Promise<CachedAnswer | null>>());

function cache(): LRUCache<string, CachedAnswer> {
  return (globalThis.orglensResponseCache ??= new LRUCache<string, CachedAnswer>({
    maxSize: MAX_BYTES,
    // Bytes held: the answer, and the key (UTF-16, two bytes a character).
    sizeCalculation: (answer, key) => answer.json.byteLength + 2 * key.length,
    ttl: TTL_MS,
  }));
}

const ZSnapshot = z.array(z.object({ xmin: z.string(), xmax: z.string() })).length(1);

async function readDataVersion(db: Db): Promise<string | null> {
  const rows = ZSnapshot.parse(
    await db.$queryRaw`SELECT pg_snapshot_xmin(s)::text AS xmin, pg_snapshot_xmax(s)::text AS xmax FROM pg_current_snapshot() AS s`,
  );
  const [row] = rows;
  return row && row.xmin === row.xmax ? row.xmax : null;
}

const versionReaders = new WeakMap<Db, () => Promise<string | null>>();
/** A version read slower than this counts as "no version" (nothing cached): the next is sent. */
const VERSION_READ_MS = 5_000;

/**
 * The cluster's write generation, or null while a finished write could hide behind an open one.
 * Concurrent requests share one query, but only one sent after they asked (fresh-single-flight):
 * a write committed before a request asked is always seen by the version that request gets.
 */
export function dataVersion(db: Db): Promise<string | null> {
  let reader = versionReaders.get(db);
  if (!reader) {
    reader = createFreshSingleFlight(() =>
      settleWithin(readDataVersion(db), VERSION_READ_MS, null),
    );
    versionReaders.set(db, reader);
  }
  return reader();
}

function wantsFresh(req: Request): boolean {
  const control = req.headers.get("cache-control") ?? "";
  return (
    /\bno-cache\b|\bno-store\b/i.test(control) ||
    /\bno-cache\b/i.test(req.headers.get("pragma") ?? "")
  );
}

function keyOf(version: string, principal: Principal, url: URL, perCaller: boolean): string {
  const params = [...url.searchParams].sort(([a], [b]) => a.localeCompare(b));
  const scope = principal.scope.ouIds ? principal.scope.ouIds.join(",") : "*";
  // An answer about the caller themselves ("my findings") is theirs alone: keyed by who they are.
  const who = perCaller
    ? `|${JSON.stringify([principal.kind, principal.tokenId ?? "", principal.email, [...(principal.groups ?? [])].sort()])}`
    : "";
  return `${version}|${principal.role}|${scope}${who}|${url.pathname}?${new URLSearchParams(params).toString()}`;
}

export interface CacheOptions {
  /** The answer depends on who the caller is (their email or groups), not only on role and scope. */
  perCaller?: boolean;
  /** The data version the request already read (route.ts reads it once for the caller and the cache). */
  version?: string | null;
  timing?: ServerTiming;
}

function encode(body: string): CachedAnswer {
  return { json: new TextEncoder().encode(body) };
}

function send(answer: CachedAnswer, state: "hit" | "miss" | "bypass"): Response {
  return new NextResponse(answer.json, {
    headers: { "content-type": "application/json", [CACHE_HEADER]: state },
  });
}

/** Answers from the cache when the data has not changed since the same caller class asked the same URL. */
export async function withResponseCache(
  db: Db,
  req: Request,
  principal: Principal,
  compute: () => Promise<Response | object>,
  opts: CacheOptions = {},
): Promise<Response> {
  const timing = opts.timing ?? startServerTiming();
  const version =
    opts.version !== undefined ? opts.version : await timing.span("version", () => dataVersion(db));
  const key = version ? keyOf(version, principal, new URL(req.url), opts.perCaller ?? false) : null;
  const fresh = wantsFresh(req);
  if (key && !fresh) {
    const hit = await timing.span("cache", () => Promise.resolve(cache().get(key)));
    if (hit !== undefined) return send(hit, "hit");
    // The same answer being computed for another request (same version, role, scope and URL): wait
    // for it rather than compute it again, so a cold or expired entry costs one computation, not one
    // per waiting client. If that computation fails, this request computes on its own.
    const running = inFlight().get(key);
    if (running) {
      const shared: CachedAnswer | null = await timing.span("cache", () => running);
      if (shared) return send(shared, "hit");
    }
  }
  const computation = (async () => {
    const result = await timing.span("handler", compute);
    if (result instanceof Response) return result;
    return await timing.span("json", () => Promise.resolve(encode(JSON.stringify(result))));
  })();
  const own = key && !fresh ? key : null;
  // Settles with null when it fails or answers uncached: a waiting request then computes itself.
  const shareable = computation.then(
    (r) => (r instanceof Response ? null : r),
    () => null,
  );
  if (own) inFlight().set(own, shareable);
  try {
    const outcome = await computation;
    if (outcome instanceof Response) return outcome;
    if (key) cache().set(key, outcome);
    return send(outcome, fresh ? "bypass" : "miss");
  } finally {
    if (own && inFlight().get(own) === shareable) inFlight().delete(own);
  }
}
