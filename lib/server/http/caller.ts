// Resolves the caller: an API token (Authorization: Bearer) or the signed-in user's session.
import "server-only";
import { getServerSession, type Session } from "next-auth";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { dataVersion } from "@/lib/server/response-cache";
import { loadRoleBindingsAt } from "@/lib/server/settings/load-role-bindings-at";
import { verifyApiToken } from "@/lib/server/tokens/verify-api-token";
import { authOptions } from "./auth-options";
import { createSessionCache, sessionCacheKey } from "./session-cache";
import { startServerTiming, type ServerTiming } from "./server-timing";
import { resolveRole } from "@/lib/auth/resolve-role";
import type { Principal } from "@/lib/domain/access";

export type Caller =
  | { status: "anonymous" }
  | { status: "no-role"; email: string }
  | { status: "ok"; principal: Principal };

export interface CallerContext {
  timing?: ServerTiming;
  /** The request's data version, read once (route.ts shares it with the response cache). */
  readVersion?: () => Promise<string | null>;
}

declare global {
  var orglensSessionCache: ReturnType<typeof createSessionCache<Session>> | undefined;
}
const sessions = (globalThis.orglensSessionCache ??= createSessionCache<Session>({}));

/** The decoded session: from the few-second cache when this cookie was decoded just before. */
async function readSession(): Promise<Session | null> {
  const key = sessionCacheKey((await cookies()).getAll());
  if (!key) return null;
  return sessions.get(key, () => getServerSession(authOptions));
}

export async function getCaller(req?: Request, ctx: CallerContext = {}): Promise<Caller> {
  const timing = ctx.timing ?? startServerTiming();
  const auth = req?.headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) {
    // A token is checked against its creator's current rights on every request (see verifyApiToken).
    const principal = await timing.span("token", () =>
      verifyApiToken(db, auth.slice(7).trim(), { adminEmails: env.ORGLENS_ADMIN_EMAILS }),
    );
    return principal ? { status: "ok", principal } : { status: "anonymous" };
  }
  const session = await timing.span("session", readSession);
  const email = session?.user?.email;
  if (!session || !email) return { status: "anonymous" };
  // Only now, with a session: an anonymous request costs the database nothing.
  const version = ctx.readVersion
    ? await ctx.readVersion()
    : await timing.span("version", () => dataVersion(db));
  // Role and scope come from the bindings as of this data version: an admin's change (a committed
  // write) applies from the next request on.
  const bindings = await timing.span("role", () => loadRoleBindingsAt(db, version));
  const resolved = resolveRole({
    verifiedEmail: session.verifiedEmail,
    groups: session.groups,
    bindings,
    adminEmails: env.ORGLENS_ADMIN_EMAILS,
  });
  if (!resolved) return { status: "no-role", email };
  return {
    status: "ok",
    principal: {
      kind: "user",
      email,
      name: session.user?.name ?? null,
      groups: session.groups,
      ...resolved,
    },
  };
}
