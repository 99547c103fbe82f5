import { describe, expect, it } from "vitest";
import { createSessionCache, sessionCacheKey } from "./session-cache";

interface S {
  email: string;
}

describe("sessionCacheKey", () => {
  it("digests only next-auth's session cookies, chunks included, in any order", () => {
    const a = sessionCacheKey([
      { name: "next-auth.session-token.1", value: "tail" },
      { name: "theme", value: "dark" },
      { name: "next-auth.session-token.0", value: "head" },
    ]);
    const b = sessionCacheKey([
      { name: "next-auth.session-token.0", value: "head" },
      { name: "next-auth.session-token.1", value: "tail" },
    ]);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toBe(b);
    // The raw token never appears in the key.
    expect(a).not.toContain("head");
  });

  it("tells different tokens apart, and secure cookies from plain ones", () => {
    const plain = sessionCacheKey([{ name: "next-auth.session-token", value: "t1" }]);
    expect(sessionCacheKey([{ name: "next-auth.session-token", value: "t2" }])).not.toBe(plain);
    expect(sessionCacheKey([{ name: "__Secure-next-auth.session-token", value: "t1" }])).not.toBe(
      plain,
    );
  });

  it("is null without a session cookie (the CSRF and callback cookies are not sessions)", () => {
    expect(
      sessionCacheKey([
        { name: "next-auth.csrf-token", value: "x" },
        { name: "next-auth.callback-url", value: "/" },
        { name: "next-auth.session-token", value: "" },
      ]),
    ).toBeNull();
  });
});

describe("createSessionCache", () => {
  const setup = (ttlMs = 10_000, maxEntries = 100) => {
    let now = 1_000_000;
    let decodes = 0;
    const cache = createSessionCache<S>({ ttlMs, maxEntries, now: () => now });
    const decode = (email: string | null) => () => {
      decodes++;
      return Promise.resolve(email === null ? null : { email });
    };
    return {
      cache,
      decode,
      decodes: () => decodes,
      advance: (ms: number) => (now += ms),
    };
  };

  it("decodes a token once and answers the same token from memory until the entry expires", async () => {
    const t = setup();
    expect(await t.cache.get("k1", t.decode("ada@example.com"))).toEqual({
      email: "ada@example.com",
    });
    t.advance(9_999);
    expect(await t.cache.get("k1", t.decode("changed@example.com"))).toEqual({
      email: "ada@example.com",
    });
    expect(t.decodes()).toBe(1);
    t.advance(1);
    // Expired: decoded again, so whatever the token now says (or that it is no longer valid) wins.
    expect(await t.cache.get("k1", t.decode(null))).toBeNull();
    expect(t.decodes()).toBe(2);
  });

  it("never answers one token with another token's session", async () => {
    const t = setup();
    await t.cache.get("ada-token", t.decode("ada@example.com"));
    expect(await t.cache.get("bob-token", t.decode("bob@example.com"))).toEqual({
      email: "bob@example.com",
    });
    expect(t.decodes()).toBe(2);
  });

  it("remembers an invalid token's null for the same short time", async () => {
    const t = setup();
    expect(await t.cache.get("forged", t.decode(null))).toBeNull();
    expect(await t.cache.get("forged", t.decode("ada@example.com"))).toBeNull();
    expect(t.decodes()).toBe(1);
  });

  it("holds at most maxEntries, dropping the oldest", async () => {
    const t = setup(10_000, 2);
    await t.cache.get("a", t.decode("a@x"));
    await t.cache.get("b", t.decode("b@x"));
    await t.cache.get("c", t.decode("c@x"));
    expect(t.cache.size()).toBe(2);
    expect(await t.cache.get("b", t.decode("b2@x"))).toEqual({ email: "b@x" });
    expect(await t.cache.get("a", t.decode("a2@x"))).toEqual({ email: "a2@x" });
  });

  it("does not remember a decode that failed", async () => {
    const t = setup();
    await expect(t.cache.get("k", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await t.cache.get("k", t.decode("ada@example.com"))).toEqual({
      email: "ada@example.com",
    });
  });
});
