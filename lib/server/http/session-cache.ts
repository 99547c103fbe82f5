// Decoded sessions, kept for a few seconds per session cookie. next-auth decrypts the JWE session
// cookie, runs the callbacks and re-encrypts a refreshed cookie on every getServerSession call (the
// refreshed cookie is thrown away outside a response): the most expensive step of an otherwise
// cached request. The key is a SHA-256 of the session cookie(s), so raw tokens are never held.
// What this does not change: sessions are JWTs, so signing out deletes the cookie (a request
// without it never reaches this cache) and a copied token stays valid until it expires, cached or
// not. Role and scope are NOT cached here: the caller resolves them per data version (caller.ts).
// An entry lives at most SESSION_CACHE_TTL_MS, so a session can outlive its expiry by that much.
import "server-only";
import { createHash } from "node:crypto";

export const SESSION_CACHE_TTL_MS = 10_000;
const MAX_ENTRIES = 5_000;

/** next-auth's session cookie, chunked (`.0`, `.1`…) when large, `__Secure-` on https. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/** A digest of the session cookie(s) in a cookie list, or null when there is none. */
export function sessionCacheKey(
  cookies: readonly { name: string; value: string }[],
): string | null {
  const parts = cookies
    .filter((c) => SESSION_COOKIE.test(c.name) && c.value)
    .map((c) => `${c.name}=${c.value}`)
    .sort();
  if (!parts.length) return null;
  return createHash("sha256").update(parts.join("; ")).digest("hex");
}

export interface SessionCache<S> {
  /** The cached session for `key`, or `load()`'s answer (cached, null included) when absent or expired. */
  get(key: string, load: () => Promise<S | null>): Promise<S | null>;
  size(): number;
}

export function createSessionCache<S>(opts: {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}): SessionCache<S> {
  const ttl = opts.ttlMs ?? SESSION_CACHE_TTL_MS;
  const max = opts.maxEntries ?? MAX_ENTRIES;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, { session: S | null; until: number }>();
  return {
    async get(key, load) {
      const hit = entries.get(key);
      if (hit && hit.until > now()) return hit.session;
      entries.delete(key);
      const session = await load();
      // Insertion order is age order: drop the oldest beyond the cap.
      entries.set(key, { session, until: now() + ttl });
      while (entries.size > max) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      return session;
    },
    size: () => entries.size,
  };
}
