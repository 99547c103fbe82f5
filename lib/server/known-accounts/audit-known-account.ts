// The audit row of an inventory change, written on the change's own transaction. Same row as
// recordAuditEvent, without loading the app's client (the CLI and tests bring their own).
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditInput } from "@/lib/server/audit/record-audit-event";

export async function auditKnownAccount(
  tx: Pick<Prisma.TransactionClient, "auditEvent">,
  e: AuditInput,
): Promise<void> {
  await tx.auditEvent.create({
    data: { actor: e.actor, action: e.action, target: e.target, detail: e.detail },
  });
}
