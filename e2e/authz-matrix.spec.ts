import {
  expect,
  request as newRequest,
  test,
  type APIRequestContext,
  type Browser,
} from "@playwright/test";
import { listApiRoutes } from "./support/api-routes";
import { ROLES, signInDemo } from "./support/auth";
import { signInScoped } from "./support/scoped-callers";
import { EXPECTATIONS, PUBLIC_ROUTES, type Caller, type Expectation, type Outcome } from "./authz";

// Each test signs in through the IdP and makes dozens of requests: generous on a loaded two-core machine.
test.describe.configure({ timeout: 120_000 });

const CALLERS: Caller[] = ["anonymous", ...ROLES, "scopedAdmin", "scopedAnalyst", "token"];

test("every API route and method has an authorization expectation", () => {
  const missing = listApiRoutes()
    .filter((r) => !PUBLIC_ROUTES.has(r.pattern))
    .flatMap((r) => r.methods.map((m) => `${m} ${r.pattern}`))
    .filter((key) => !(key in EXPECTATIONS));
  expect(
    missing,
    "routes without an entry in one of e2e/authz/*.ts (listed in e2e/authz/index.ts)",
  ).toEqual([]);
  const known = new Set(listApiRoutes().flatMap((r) => r.methods.map((m) => `${m} ${r.pattern}`)));
  expect(
    Object.keys(EXPECTATIONS).filter((k) => !known.has(k)),
    "entries in e2e/authz/*.ts for routes that no longer exist",
  ).toEqual([]);
});

interface Session {
  request: APIRequestContext;
  close(): Promise<void>;
}

async function sessionFor(caller: Caller, baseURL: string, browser: Browser): Promise<Session> {
  // Writes with a session cookie must carry the app's Origin (CSRF defence), as a browser's would.
  const sameOrigin = { origin: baseURL };
  const plain = (ctx: APIRequestContext): Session => ({ request: ctx, close: () => ctx.dispose() });
  if (caller === "anonymous")
    return plain(await newRequest.newContext({ baseURL, extraHTTPHeaders: sameOrigin }));
  if (caller === "scopedAdmin" || caller === "scopedAnalyst") {
    const context = await signInScoped(browser, baseURL, caller);
    return { request: context.request, close: () => context.close() };
  }
  if (caller !== "token") {
    const ctx = await newRequest.newContext({ baseURL, extraHTTPHeaders: sameOrigin });
    await signInDemo(ctx, caller);
    return plain(ctx);
  }
  const analyst = await newRequest.newContext({ baseURL, extraHTTPHeaders: sameOrigin });
  await signInDemo(analyst, "analyst");
  const created = await analyst.post("/api/tokens", {
    data: { name: "authz matrix", expiresInDays: 1 },
  });
  expect(created.status()).toBe(200);
  const { secret } = (await created.json()) as { secret: string };
  await analyst.dispose();
  return plain(
    await newRequest.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${secret}` },
    }),
  );
}

/** "allow" is a 2xx (or the probe's `allowedStatus`), never merely "not 401/403": a 404 is not access. */
function expectedStatus(outcome: Outcome, exp: Expectation): string {
  return outcome === "allow"
    ? exp.allowedStatus
      ? String(exp.allowedStatus)
      : "2xx"
    : String(outcome);
}

function matches(status: number, outcome: Outcome, exp: Expectation): boolean {
  if (outcome !== "allow") return status === outcome;
  return exp.allowedStatus ? status === exp.allowedStatus : status >= 200 && status < 300;
}

for (const caller of CALLERS) {
  test(`authorization matrix as ${caller}`, async ({ baseURL, browser }) => {
    const session = await sessionFor(caller, baseURL ?? "", browser);
    const failures: string[] = [];
    for (const [key, exp] of Object.entries(EXPECTATIONS)) {
      const [method = "GET"] = key.split(" ");
      const expected = exp[caller];
      const res = await session.request.fetch(exp.url, { method, data: exp.body, maxRedirects: 0 });
      if (!matches(res.status(), expected, exp))
        failures.push(`${key}: expected ${expectedStatus(expected, exp)}, got ${res.status()}`);
    }
    await session.close();
    expect(failures, `statuses that differ from e2e/authz/*.ts for ${caller}`).toEqual([]);
  });
}
