// The OU-scoped admin and analyst: users of the test IdP whose groups are bound, like the demo's
// business-unit lead, to one business-unit OU. Signed in through the real OpenID Connect flow.
import { expect, type Browser, type BrowserContext } from "@playwright/test";
import { e2eQuery } from "../../testing/e2e-db";

export const SCOPED_CALLERS = {
  scopedAdmin: { login: "sam@corp.example", group: "orglens-e2e-scoped-admin", role: "admin" },
  scopedAnalyst: {
    login: "sue@corp.example",
    group: "orglens-e2e-scoped-analyst",
    role: "analyst",
  },
} as const;
export type ScopedCaller = keyof typeof SCOPED_CALLERS;

/** The OU the demo's business-unit lead is scoped to: the scoped callers get the same one. */
export async function scopedOuId(): Promise<string> {
  const [row] = await e2eQuery<{ ou_ids: string[] }>(
    `SELECT ou_ids FROM role_binding WHERE "group" = 'orglens-demo-bu-lead'`,
  );
  const ou = row?.ou_ids[0];
  if (!ou)
    throw new Error("The demo's business-unit lead binding is missing: was the demo loaded?");
  return ou;
}

/** (Re)binds a scoped caller's group with its role over the business-unit OU (or the given role and OUs). */
export async function bindScopedCaller(
  caller: ScopedCaller,
  override: { role?: string; ouIds?: string[] } = {},
): Promise<void> {
  const { group, role } = SCOPED_CALLERS[caller];
  const ouIds = override.ouIds ?? [await scopedOuId()];
  await e2eQuery(
    `INSERT INTO role_binding (id, "group", role, ou_ids) VALUES (gen_random_uuid(), $1, $2, $3) ON CONFLICT ("group") DO UPDATE SET role = EXCLUDED.role, ou_ids = EXCLUDED.ou_ids`,
    [group, override.role ?? role, ouIds],
  );
}

/** Signs a scoped caller in through the test IdP's login and consent forms; `context.request` then carries the session. */
export async function signInScoped(
  browser: Browser,
  baseURL: string,
  caller: ScopedCaller,
): Promise<BrowserContext> {
  await bindScopedCaller(caller);
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await page.locator("input[name=login]").fill(SCOPED_CALLERS[caller].login);
  await page.locator("input[name=password]").fill("any-password");
  await page.getByRole("button", { name: /sign-in/i }).click();
  await page.getByRole("button", { name: /continue/i }).click();
  // The badge reads e.g. "admin · scoped".
  await expect(page.getByTestId("user-role")).toContainText(SCOPED_CALLERS[caller].role);
  await page.close();
  return context;
}
