// Server components: resolve the signed-in principal for a page, or send the visitor where they belong.
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { can, type TPermission } from "@/lib/auth/roles";
import { getCaller } from "./caller";

export async function requirePage(permission: TPermission): Promise<Principal> {
  const caller = await getCaller();
  if (caller.status === "anonymous") redirect("/signin");
  if (caller.status === "no-role") redirect("/signin?error=NoRole");
  if (!can(caller.principal.role, permission)) forbidden();
  return caller.principal;
}

/** For pages that load data: the principal and the database, like a route handler's context. */
export async function requirePageContext(
  permission: TPermission,
): Promise<{ principal: Principal; db: Db }> {
  return { principal: await requirePage(permission), db };
}
