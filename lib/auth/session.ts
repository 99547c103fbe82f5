// Resolves the caller: an API token (Authorization: Bearer) or the signed-in user's session.
import "server-only";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { verifyApiToken } from "@/lib/server/tokens/verify-api-token";
import { authOptions } from "./options";
import type { Principal } from "./principal";
import { resolveRole, type Binding } from "./resolve-role";
import { isRole } from "./roles";

export type Caller = { status: "anonymous" } | { status: "no-role"; email: string } | { status: "ok"; principal: Principal };

async function loadBindings(): Promise<Binding[]> {
  const rows = await db.roleBinding.findMany({ select: { group: true, role: true, ouIds: true } });
  return rows.flatMap((r) => (isRole(r.role) ? [{ group: r.group, role: r.role, ouIds: r.ouIds }] : []));
}

export async function getCaller(req?: Request): Promise<Caller> {
  const auth = req?.headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) {
    const principal = await verifyApiToken(auth.slice(7).trim());
    return principal ? { status: "ok", principal } : { status: "anonymous" };
  }
  const session = await getServerSession(authOptions);
  const email = session?.user?.email;
  if (!session || !email) return { status: "anonymous" };
  const resolved = resolveRole({ verifiedEmail: session.verifiedEmail, groups: session.groups, bindings: await loadBindings(), adminEmails: env.ORGLENS_ADMIN_EMAILS });
  if (!resolved) return { status: "no-role", email };
  return { status: "ok", principal: { kind: "user", email, name: session.user?.name ?? null, ...resolved } };
}
