import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { ROLES } from "@/lib/auth/roles";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { HttpError, notFound } from "@/lib/server/errors";

export const ZRoleBindingInput = z.object({
  group: z.string().trim().min(1, "The IdP group name is required").max(200),
  role: z.enum(ROLES),
  ouIds: z.array(z.string().min(1)).default([]),
});

export async function listRoleBindings() {
  return db.roleBinding.findMany({ orderBy: { group: "asc" }, select: { id: true, group: true, role: true, ouIds: true, createdAt: true } });
}

/** Creates or replaces the binding of one group; OU ids must exist. */
export async function saveRoleBinding(principal: Principal, input: z.infer<typeof ZRoleBindingInput>) {
  if (input.ouIds.length) {
    const found = await db.orgUnit.count({ where: { id: { in: input.ouIds } } });
    if (found !== new Set(input.ouIds).size) throw new HttpError(400, "Unknown OU id in the scope.");
  }
  const saved = await db.roleBinding.upsert({
    where: { group: input.group },
    create: input,
    update: { role: input.role, ouIds: input.ouIds },
    select: { id: true, group: true, role: true, ouIds: true },
  });
  await recordAuditEvent({ actor: principal.email, action: "settings.role_binding.save", target: saved.group, detail: { role: saved.role, ouIds: saved.ouIds } });
  return saved;
}

export async function deleteRoleBinding(principal: Principal, id: string) {
  const existing = await db.roleBinding.findUnique({ where: { id }, select: { group: true } });
  if (!existing) throw notFound();
  await db.roleBinding.delete({ where: { id } });
  await recordAuditEvent({ actor: principal.email, action: "settings.role_binding.delete", target: existing.group, detail: {} });
  return { deleted: true };
}
