// Read routes whose answer depends only on the data, the caller's role and scope, and the URL (the
// dashboard's aggregates) are cached in memory per data version, so many people opening the same
// views cost one computation. The version is the xmax of PostgreSQL's current snapshot (one past the
// newest finished transaction id): every write that commits anywhere in the cluster moves it, so a
// cached answer cannot outlive the data it was built from. When an older write transaction is still
// open behind a newer finished one (xmin < xmax), its commit would not move the version: then
// nothing is cached or served from the cache until it ends. Entries also expire after a minute, for
// answers that depend on the clock (a mute that has run out). `Cache-Control: no-cache` recomputes.
import "server-only";
import { LRUCache } from "lru-cache";
import { NextResponse } from "next/server";
import { z } from "zod";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { startServerTiming, type ServerTiming } from "./http/server-timing";

const MAX_BYTES = 64 * 1024 * 1024;
const TTL_MS = 60_000;
export const CACHE_HEADER = "x-orglens-cache";

declare global {
  var orglensResponseCache: LRUCache<string, string> | undefined;
}

function cache(): LRUCache<string, string> {
  return (globalThis.orglensResponseCache ??= new LRUCache<string, string>({
    maxSize: MAX_BYTES,
    // UTF-16 in memory: two bytes a character.
    sizeCalculation: (body, key) => 2 * (body.length + key.length),
    ttl: TTL_MS,
  }));
}

const ZSnapshot = z.array(z.object({ xmin: z.string(), xmax: z.string() })).length(1);

/** The cluster's write generation, or null while a finished write could hide behind an open one. */
export async function dataVersion(db: Db): Promise<string | null> {
  const rows = ZSnapshot.parse(
    await db.$queryRaw`SELECT pg_snapshot_xmin(s)::text AS xmin, pg_snapshot_xmax(s)::text AS xmax FROM pg_current_snapshot() AS s`,
  );
  const [row] = rows;
  return row && row.xmin === row.xmax ? row.xmax : null;
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

function json(body: string, state: "hit" | "miss" | "bypass"): Response {
  return new NextResponse(body, {
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
    if (hit !== undefined) return json(hit, "hit");
  }
  const result = await timing.span("handler", compute);
  if (result instanceof Response) return result;
  const body = await timing.span("json", () => Promise.resolve(JSON.stringify(result)));
  if (key) cache().set(key, body);
  return json(body, fresh ? "bypass" : "miss");
}
