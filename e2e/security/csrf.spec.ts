// Cross-site request forgery: a page on another site makes the signed-in user's browser send a
// state-changing request with the session cookie. The route guard refuses it before reading the body.
import { expect, request as newRequest, test, type APIRequestContext } from "@playwright/test";
import { e2eQuery } from "../../testing/e2e-db";
import { signInDemo } from "../support/auth";

const EVIL = "https://evil.example";

async function signedIn(
  baseURL: string,
  headers: Record<string, string>,
): Promise<APIRequestContext> {
  const ctx = await newRequest.newContext({ baseURL, extraHTTPHeaders: headers });
  await signInDemo(ctx, "analyst");
  return ctx;
}

const tokensNamed = async (name: string) =>
  Number(
    (
      await e2eQuery<{ n: string }>("SELECT count(*)::text AS n FROM api_token WHERE name = $1", [
        name,
      ])
    )[0]?.n,
  );

test("a text/plain POST from another site with the session cookie is refused and creates nothing", async ({
  baseURL,
}) => {
  const ctx = await signedIn(baseURL ?? "", { origin: EVIL });
  const res = await ctx.post("/api/tokens", {
    headers: { "content-type": "text/plain" },
    data: JSON.stringify({ name: "csrf-text-plain" }),
  });
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: string }).error).toMatch(/cross-site|origin/i);
  expect(await tokensNamed("csrf-text-plain")).toBe(0);
  await ctx.dispose();
});

test("a JSON POST from another site is refused too", async ({ baseURL }) => {
  const ctx = await signedIn(baseURL ?? "", { origin: EVIL });
  const res = await ctx.post("/api/tokens", { data: { name: "csrf-json-evil" } });
  expect(res.status()).toBe(403);
  expect(await tokensNamed("csrf-json-evil")).toBe(0);
  await ctx.dispose();
});

test("a same-origin request that is not JSON is refused", async ({ baseURL }) => {
  const ctx = await signedIn(baseURL ?? "", { origin: baseURL ?? "" });
  for (const contentType of [
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
  ]) {
    const res = await ctx.post("/api/tokens", {
      headers: { "content-type": contentType },
      data: JSON.stringify({ name: "csrf-form" }),
    });
    expect(res.status(), contentType).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/application\/json/);
  }
  expect(await tokensNamed("csrf-form")).toBe(0);
  await ctx.dispose();
});

test("a request without Origin is refused unless the browser marks it same-origin", async ({
  baseURL,
}) => {
  const bare = await signedIn(baseURL ?? "", {});
  expect((await bare.post("/api/tokens", { data: { name: "csrf-no-origin" } })).status()).toBe(403);
  const crossSite = await signedIn(baseURL ?? "", { "sec-fetch-site": "cross-site" });
  expect((await crossSite.post("/api/tokens", { data: { name: "csrf-no-origin" } })).status()).toBe(
    403,
  );
  expect(await tokensNamed("csrf-no-origin")).toBe(0);
  const sameOrigin = await signedIn(baseURL ?? "", { "sec-fetch-site": "same-origin" });
  expect(
    (await sameOrigin.post("/api/tokens", { data: { name: "csrf-fetch-metadata" } })).status(),
  ).toBe(200);
  await Promise.all([bare.dispose(), crossSite.dispose(), sameOrigin.dispose()]);
});

test("a body-less DELETE from another site is refused; the same request from the app goes through", async ({
  baseURL,
}) => {
  const app = await signedIn(baseURL ?? "", { origin: baseURL ?? "" });
  const created = await app.post("/api/tokens", { data: { name: "csrf-revoke-target" } });
  expect(created.status()).toBe(200);
  const { id } = (await created.json()) as { id: string };

  const evil = await signedIn(baseURL ?? "", { origin: EVIL });
  expect((await evil.delete(`/api/tokens/${id}`)).status()).toBe(403);
  const [still] = await e2eQuery<{ revoked: boolean }>(
    "SELECT revoked_at IS NOT NULL AS revoked FROM api_token WHERE id = $1",
    [id],
  );
  expect(still?.revoked).toBe(false);

  expect((await app.delete(`/api/tokens/${id}`)).status()).toBe(200);
  await Promise.all([app.dispose(), evil.dispose()]);
});

test("next-auth's own endpoints keep their CSRF token check, and sign-in still works from the app", async ({
  baseURL,
}) => {
  const ctx = await newRequest.newContext({ baseURL, extraHTTPHeaders: { origin: EVIL } });
  // No csrfToken: next-auth refuses the sign-in (redirects to its error page, no session).
  await ctx.post("/api/auth/callback/demo", {
    form: { role: "admin", json: "true" },
    maxRedirects: 0,
  });
  const session = (await (await ctx.get("/api/auth/session")).json()) as { user?: unknown };
  expect(session.user).toBeUndefined();
  await ctx.dispose();
});
