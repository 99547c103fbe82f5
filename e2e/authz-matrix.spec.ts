import { expect, request as newRequest, test, type APIRequestContext } from "@playwright/test";
import { listApiRoutes } from "./support/api-routes";
import { ROLES, signInDemo, type TestRole } from "./support/auth";
import { EXPECTATIONS, PUBLIC_ROUTES, type Expectation, type Outcome } from "./authz";

type Caller = "anonymous" | TestRole | "token";
const CALLERS: Caller[] = ["anonymous", ...ROLES, "token"];

test("every API route and method has an authorization expectation", () => {
  const missing = listApiRoutes()
    .filter((r) => !PUBLIC_ROUTES.has(r.pattern))
    .flatMap((r) => r.methods.map((m) => `${m} ${r.pattern}`))
    .filter((key) => !(key in EXPECTATIONS));
  expect(missing, "routes without an entry in e2e/authz-expectations.ts").toEqual([]);
  const known = new Set(listApiRoutes().flatMap((r) => r.methods.map((m) => `${m} ${r.pattern}`)));
  expect(Object.keys(EXPECTATIONS).filter((k) => !known.has(k)), "expectations for routes that no longer exist").toEqual([]);
});

async function contextFor(caller: Caller, baseURL: string): Promise<APIRequestContext> {
  // Writes with a session cookie must carry the app's Origin (CSRF defence), as a browser's would.
  const sameOrigin = { origin: baseURL };
  if (caller === "anonymous") return newRequest.newContext({ baseURL, extraHTTPHeaders: sameOrigin });
  if (caller !== "token") {
    const ctx = await newRequest.newContext({ baseURL, extraHTTPHeaders: sameOrigin });
    await signInDemo(ctx, caller);
    return ctx;
  }
  const analyst = await newRequest.newContext({ baseURL, extraHTTPHeaders: sameOrigin });
  await signInDemo(analyst, "analyst");
  const created = await analyst.post("/api/tokens", { data: { name: "authz matrix", expiresInDays: 1 } });
  expect(created.status()).toBe(200);
  const { secret } = (await created.json()) as { secret: string };
  await analyst.dispose();
  return newRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
}

function matches(status: number, outcome: Outcome): boolean {
  return outcome === "allow" ? status !== 401 && status !== 403 && status < 500 : status === outcome;
}

for (const caller of CALLERS) {
  test(`authorization matrix as ${caller}`, async ({ baseURL }) => {
    const ctx = await contextFor(caller, baseURL ?? "");
    const failures: string[] = [];
    for (const [key, exp] of Object.entries(EXPECTATIONS)) {
      const [method = "GET"] = key.split(" ");
      const expected: Outcome = exp[caller satisfies keyof Expectation];
      const res = await ctx.fetch(exp.url, { method, data: exp.body, maxRedirects: 0 });
      if (!matches(res.status(), expected)) failures.push(`${key}: expected ${expected}, got ${res.status()}`);
    }
    await ctx.dispose();
    expect(failures).toEqual([]);
  });
}
