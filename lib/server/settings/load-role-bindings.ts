// The role bindings as sign-in resolves them (unknown roles are ignored, never guessed).
import "server-only";
import type { Binding } from "@/lib/auth/resolve-role";
import { isRole } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";

export async function loadRoleBindings(db: Db): Promise<Binding[]> {
  const rows = await db.roleBinding.findMany({ select: { group: true, role: true, ouIds: true } });
  return rows.flatMap((r) =>
    isRole(r.role) ? [{ group: r.group, role: r.role, ouIds: r.ouIds }] : [],
  );
}
