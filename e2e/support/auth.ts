// Sign-in helpers for specs: the demo sign-in through next-auth's real endpoints (API contexts), and
// per-role storage states for browser specs (written once per run by e2e/auth.setup.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { z } from "zod";

export const ROLES = ["admin", "analyst", "viewer", "scoped"] as const;
export type TestRole = (typeof ROLES)[number];

export const storageStatePath = (role: TestRole) =>
  path.join(import.meta.dirname, "..", ".auth", `${role}.json`);

const ZStorageState = z.object({
  cookies: z.array(
    z.object({
      name: z.string(),
      value: z.string(),
      domain: z.string(),
      path: z.string(),
      expires: z.number(),
      httpOnly: z.boolean(),
      secure: z.boolean(),
      sameSite: z.enum(["Strict", "Lax", "None"]),
    }),
  ),
});

/**
 * Signs the page's browser context in as `role` with the session the setup project stored, instead
 * of a sign-in through the UI in every test (e2e/sign-in.spec.ts tests that flow). The page stays
 * where it is: the test navigates next.
 */
export async function restoreSession(page: Page, role: TestRole): Promise<void> {
  const state = ZStorageState.parse(JSON.parse(readFileSync(storageStatePath(role), "utf8")));
  await page.context().addCookies(state.cookies);
}

/** Signs an API request context in with the demo provider; its cookie jar then carries the session. */
export async function signInDemo(request: APIRequestContext, role: TestRole): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.ok()).toBeTruthy();
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/demo", {
    form: { csrfToken, role, callbackUrl: "/", json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const session = await request.get("/api/auth/session");
  const body = (await session.json()) as { user?: { email?: string } };
  expect(body.user?.email, `demo sign-in as ${role}`).toBeTruthy();
}
