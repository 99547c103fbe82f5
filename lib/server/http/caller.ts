// Resolves the caller: an API token (Authorization: Bearer) or the signed-in user's session.
import "server-only";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { loadRoleBindings } from "@/lib/server/settings/load-role-bindings";
import { verifyApiToken } from "@/lib/server/tokens/verify-api-token";
import { authOptions } from "./auth-options";
import { resolveRole } from "@/lib/auth/resolve-role";
import type { Principal } from "@/lib/domain/access";

export type Caller =
  | { status: "anonymous" }
  | { status: "no-role"; email: string }
  | { status: "ok"; principal: Principal };

export async function getCaller(req?: Request): Promise<Caller> {
  const auth = req?.headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) {
    // A token is checked against its creator's current rights on every request (see verifyApiToken).
    const principal = await verifyApiToken(db, auth.slice(7).trim(), {
      adminEmails: env.ORGLENS_ADMIN_EMAILS,
    });
    return principal ? { status: "ok", principal } : { status: "anonymous" };
  }
  const session = await getServerSession(authOptions);
  const email = session?.user?.email;
  if (!session || !email) return { status: "anonymous" };
  const resolved = resolveRole({
    verifiedEmail: session.verifiedEmail,
    groups: session.groups,
    bindings: await loadRoleBindings(db),
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
