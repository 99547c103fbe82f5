import "server-only";
import type { TRoleBindingInput } from "@/lib/api/settings";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireOrgAdmin } from "@/lib/server/authorize";
import { AppError, notFound } from "@/lib/errors";

// Who may grant roles is who holds every role everywhere: a scoped admin granting any binding could
// name its own group and widen its scope.
const ORG_WIDE =
  "Role bindings grant access to the whole organization; only an admin without an OU scope can view or change them.";

export async function listRoleBindings(db: Db, principal: Principal) {
  requireOrgAdmin(principal, ORG_WIDE);
  return db.roleBinding.findMany({
    orderBy: { group: "asc" },
    select: { id: true, group: true, role: true, ouIds: true, createdAt: true },
  });
}

/** Creates or replaces the binding of one group; OU ids must exist. */
export async function saveRoleBinding(db: Db, principal: Principal, input: TRoleBindingInput) {
  requireOrgAdmin(principal, ORG_WIDE);
  if (input.ouIds.length) {
    const found = await db.orgUnit.count({ where: { id: { in: input.ouIds } } });
    if (found !== new Set(input.ouIds).size)
      throw new AppError("UNKNOWN_OU", "Unknown OU id in the scope.");
  }
  const saved = await db.roleBinding.upsert({
    where: { group: input.group },
    create: input,
    update: { role: input.role, ouIds: input.ouIds },
    select: { id: true, group: true, role: true, ouIds: true },
  });
  await recordAuditEvent(
    {
      actor: principal.email,
      action: "settings.role_binding.save",
      target: saved.group,
      detail: { role: saved.role, ouIds: saved.ouIds },
    },
    db,
  );
  return saved;
}

export async function deleteRoleBinding(db: Db, principal: Principal, id: string) {
  requireOrgAdmin(principal, ORG_WIDE);
  const existing = await db.roleBinding.findUnique({ where: { id }, select: { group: true } });
  if (!existing) throw notFound();
  await db.roleBinding.delete({ where: { id } });
  await recordAuditEvent(
    {
      actor: principal.email,
      action: "settings.role_binding.delete",
      target: existing.group,
      detail: {},
    },
    db,
  );
  return { deleted: true };
}
