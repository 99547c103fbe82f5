import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/domain/access";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { CACHE_HEADER, dataVersion, withResponseCache } from "./response-cache";

const admin: Principal = {
  kind: "user",
  email: "ada@example.com",
  name: null,
  role: "admin",
  scope: { ouIds: null },
};
const scoped: Principal = { ...admin, role: "analyst", scope: { ouIds: ["ou-a"] } };

describe("response cache", () => {
  let tdb: TestDatabase;
  let db: Db;
  let computed = 0;
  const compute = () => Promise.resolve({ n: ++computed });
  const ask = async (url: string, principal: Principal, headers: Record<string, string> = {}) => {
    const res = await withResponseCache(db, new Request(url, { headers }), principal, compute);
    return { state: res.headers.get(CACHE_HEADER), body: (await res.json()) as { n: number } };
  };
  const write = () =>
    db.$executeRaw`INSERT INTO setting (key, value, updated_at) VALUES ('cache-test', '1'::jsonb, now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = createPrismaClient(tdb.url);
  });
  afterAll(async () => {
    globalThis.orglensResponseCache = undefined;
    await db?.$disconnect();
    await tdb?.drop();
  });
  beforeEach(() => {
    globalThis.orglensResponseCache = undefined;
    computed = 0;
  });

  it("keeps an answer about the caller (perCaller) to that caller: same role and scope is not enough", async () => {
    const bob: Principal = { ...admin, email: "bob@example.com" };
    const askAs = async (principal: Principal, perCaller: boolean) => {
      const req = new Request("http://x/api/v1/findings?mine=1");
      const res = await withResponseCache(db, req, principal, compute, { perCaller });
      return { state: res.headers.get(CACHE_HEADER), body: (await res.json()) as { n: number } };
    };
    expect(await askAs(admin, true)).toEqual({ state: "miss", body: { n: 1 } });
    // Bob shares Ada's role and scope, but "mine" is his own list: computed for him.
    expect(await askAs(bob, true)).toEqual({ state: "miss", body: { n: 2 } });
    expect(await askAs(admin, true)).toEqual({ state: "hit", body: { n: 1 } });
    // The same caller in another IdP group is another caller ("mine" matches groups too).
    expect(await askAs({ ...admin, groups: ["platform"] }, true)).toEqual({
      state: "miss",
      body: { n: 3 },
    });
    // The look-alike: an answer that depends only on role and scope is shared, as before.
    expect(await askAs(admin, false)).toEqual({ state: "miss", body: { n: 4 } });
    expect(await askAs(bob, false)).toEqual({ state: "hit", body: { n: 4 } });
  });

  it("answers the same URL for the same role and scope from the cache until the data changes", async () => {
    expect(await ask("http://x/api/v1/costs?b=2&a=1", admin)).toEqual({
      state: "miss",
      body: { n: 1 },
    });
    // Parameter order does not matter.
    expect(await ask("http://x/api/v1/costs?a=1&b=2", admin)).toEqual({
      state: "hit",
      body: { n: 1 },
    });
    // Another scope, another URL: computed on their own.
    expect(await ask("http://x/api/v1/costs?a=1&b=2", scoped)).toEqual({
      state: "miss",
      body: { n: 2 },
    });
    expect(await ask("http://x/api/v1/costs?a=1&b=3", admin)).toEqual({
      state: "miss",
      body: { n: 3 },
    });
    await write();
    expect(await ask("http://x/api/v1/costs?a=1&b=2", admin)).toEqual({
      state: "miss",
      body: { n: 4 },
    });
    expect(await ask("http://x/api/v1/costs?a=1&b=2", admin)).toEqual({
      state: "hit",
      body: { n: 4 },
    });
  });

  it("never hands a scoped user an answer cached for another scope of the same role (attack)", async () => {
    const inA: Principal = {
      ...admin,
      email: "a@example.com",
      role: "analyst",
      scope: { ouIds: ["ou-a"] },
    };
    const inB: Principal = { ...inA, email: "b@example.com", scope: { ouIds: ["ou-b"] } };
    const both: Principal = { ...inA, scope: { ouIds: ["ou-a", "ou-b"] } };
    const url = "http://x/api/v1/costs?groupBy=account";
    expect(await ask(url, inA)).toEqual({ state: "miss", body: { n: 1 } });
    // Same role, same URL, same data version: OU B's analyst still gets an answer computed for OU B.
    expect(await ask(url, inB)).toEqual({ state: "miss", body: { n: 2 } });
    expect(await ask(url, both)).toEqual({ state: "miss", body: { n: 3 } });
    // The whole organization is its own scope too, and a viewer is not an analyst.
    expect(await ask(url, { ...inA, scope: { ouIds: null } })).toEqual({
      state: "miss",
      body: { n: 4 },
    });
    expect(await ask(url, { ...inA, role: "viewer" })).toEqual({ state: "miss", body: { n: 5 } });
    // The look-alike: another analyst of OU A shares OU A's answer.
    expect(await ask(url, { ...inA, email: "c@example.com" })).toEqual({
      state: "hit",
      body: { n: 1 },
    });
  });

  it("uses the data version the route already read, and caches nothing under none", async () => {
    const version = await dataVersion(db);
    const askAt = async (v: string | null) => {
      const req = new Request("http://x/api/v1/kpis");
      const res = await withResponseCache(db, req, admin, compute, { version: v });
      return { state: res.headers.get(CACHE_HEADER), body: (await res.json()) as { n: number } };
    };
    expect(await askAt(version)).toEqual({ state: "miss", body: { n: 1 } });
    expect(await askAt(version)).toEqual({ state: "hit", body: { n: 1 } });
    expect(await askAt(null)).toEqual({ state: "miss", body: { n: 2 } });
    expect(await askAt("another-version")).toEqual({ state: "miss", body: { n: 3 } });
  });

  it("recomputes on Cache-Control: no-cache", async () => {
    await ask("http://x/api/v1/overview", admin);
    expect(await ask("http://x/api/v1/overview", admin, { "cache-control": "no-cache" })).toEqual({
      state: "bypass",
      body: { n: 2 },
    });
    expect(await ask("http://x/api/v1/overview", admin)).toEqual({ state: "hit", body: { n: 2 } });
  });

  it("never serves an answer computed before a write that commits later", async () => {
    const slow = new pg.Client({ connectionString: tdb.url });
    await slow.connect();
    try {
      // A long write transaction (a collection run storing) is open, nothing after it has finished:
      // answers are cached under the current version, and its commit moves the version.
      await slow.query("BEGIN");
      await slow.query(
        `INSERT INTO setting (key, value, updated_at) VALUES ('slow', '1'::jsonb, now())`,
      );
      expect(await ask("http://x/api/v1/kpis", admin)).toEqual({ state: "miss", body: { n: 1 } });
      expect(await ask("http://x/api/v1/kpis", admin)).toEqual({ state: "hit", body: { n: 1 } });
      // A later write finishes first: the open one would no longer move the version when it commits,
      // so nothing is cached or served from the cache until it ends.
      await write();
      expect(await dataVersion(db)).toBeNull();
      expect(await ask("http://x/api/v1/kpis", admin)).toEqual({ state: "miss", body: { n: 2 } });
      expect(await ask("http://x/api/v1/kpis", admin)).toEqual({ state: "miss", body: { n: 3 } });
      await slow.query("COMMIT");
    } finally {
      await slow.end();
    }
    expect(await dataVersion(db)).not.toBeNull();
    expect(await ask("http://x/api/v1/kpis", admin)).toEqual({ state: "miss", body: { n: 4 } });
    expect(await ask("http://x/api/v1/kpis", admin)).toEqual({ state: "hit", body: { n: 4 } });
  });

  it("passes a Response from the handler through uncached", async () => {
    const res = await withResponseCache(
      db,
      new Request("http://x/api/v1/costs/export"),
      admin,
      () => Promise.resolve(new Response("a,b\n")),
    );
    expect(res.headers.get(CACHE_HEADER)).toBeNull();
    expect(await res.text()).toBe("a,b\n");
  });
  it("keeps a large answer as its exact UTF-8 JSON bytes, with no Content-Encoding of its own, whatever the client accepts", async () => {
    // Next.js drops a route handler's Content-Encoding and compresses the body itself: an answer
    // kept gzipped reached browsers gzipped twice and the OU tree page could not parse its tree.
    const rows = Array.from({ length: 400 }, (_, i) => ({ account: `acc-${i}`, usd: i * 1.5 }));
    const expected = { rows, label: "Zürich € ✓" };
    const askBig = (headers: Record<string, string>) =>
      withResponseCache(
        db,
        new Request("http://x/api/v1/costs?groupBy=account", { headers }),
        admin,
        () => Promise.resolve(expected),
      );
    const computed = await askBig({ "accept-encoding": "gzip, deflate, br" });
    expect(computed.headers.get(CACHE_HEADER)).toBe("miss");
    expect(computed.headers.get("content-encoding")).toBeNull();
    expect(Buffer.from(await computed.arrayBuffer()).toString("utf8")).toBe(
      JSON.stringify(expected),
    );
    const clients: Record<string, string>[] = [{ "accept-encoding": "gzip" }, {}];
    for (const headers of clients) {
      const hit = await askBig(headers);
      expect(hit.headers.get(CACHE_HEADER)).toBe("hit");
      expect(hit.headers.get("content-encoding")).toBeNull();
      expect(hit.headers.get("content-type")).toBe("application/json");
      expect(await hit.json()).toEqual(expected);
    }
  });

  it("never hands a request a data version read before a write it saw committed, under concurrent reads (attack)", async () => {
    const writer = new pg.Client({ connectionString: tdb.url });
    await writer.connect();
    try {
      for (let i = 0; i < 20; i++) {
        // Version reads in flight, shared by concurrent requests…
        const inFlight = Array.from({ length: 5 }, () => dataVersion(db));
        // …while a write commits; the request that asks after its commit must see it.
        await writer.query("BEGIN");
        const { rows } = await writer.query<{ xid: string }>(
          "SELECT pg_current_xact_id()::text AS xid",
        );
        await writer.query(
          `INSERT INTO setting (key, value, updated_at) VALUES ('race', $1::jsonb, now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
          [String(i)],
        );
        await writer.query("COMMIT");
        const after = await dataVersion(db);
        expect(after).not.toBeNull();
        expect(BigInt(after ?? "0")).toBeGreaterThan(BigInt(rows[0]?.xid ?? "0"));
        await Promise.all(inFlight);
      }
    } finally {
      await writer.end();
    }
  });
  it("computes an answer once for concurrent requests of the same version, role, scope and URL", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let runs = 0;
    const slowCompute = async () => {
      runs++;
      await gate;
      return { n: runs };
    };
    const version = await dataVersion(db);
    const one = (principal: Principal) =>
      withResponseCache(db, new Request("http://x/api/v1/overview"), principal, slowCompute, {
        version,
      });
    const same = [one(admin), one(admin), one(admin)];
    // Another scope is another answer: never joined to the admin's computation (attack).
    const other = one(scoped);
    for (let i = 0; i < 10; i++) await Promise.resolve();
    release();
    const answers = await Promise.all(same);
    expect(answers.map((r) => r.headers.get(CACHE_HEADER))).toEqual(["miss", "hit", "hit"]);
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect((await other).headers.get(CACHE_HEADER)).toBe("miss");
    expect(runs).toBe(2);
  });

  it("a computation that fails is not shared: the waiting request computes its own answer", async () => {
    let fail: (e: Error) => void = () => {};
    const failing = () => new Promise<object>((_, reject) => (fail = reject));
    const version = await dataVersion(db);
    const req = () => new Request("http://x/api/v1/ou-tree");
    const first = withResponseCache(db, req(), admin, failing, { version });
    const second = withResponseCache(db, req(), admin, compute, { version });
    for (let i = 0; i < 10; i++) await Promise.resolve();
    fail(new Error("query timed out"));
    await expect(first).rejects.toThrow("query timed out");
    const res = await second;
    expect(res.headers.get(CACHE_HEADER)).toBe("miss");
    expect(await res.json()).toEqual({ n: 1 });
  });
});
