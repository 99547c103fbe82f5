// Sign-in helpers for specs: the demo sign-in through next-auth's real endpoints (API contexts), and
// per-role storage states for browser specs.
import path from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";

export const ROLES = ["admin", "analyst", "viewer", "scoped"] as const;
export type TestRole = (typeof ROLES)[number];

export const storageStatePath = (role: TestRole) => path.join(import.meta.dirname, "..", ".auth", `${role}.json`);

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
