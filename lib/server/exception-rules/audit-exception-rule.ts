// The audit row of an exception-rule change, written on the change's own transaction (same row as
// recordAuditEvent, without loading the app's client: tests bring their own).
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TExceptionRuleInput } from "@/lib/api/exception-rules";
import type { TJson } from "@/lib/domain/json";
import type { AuditInput } from "@/lib/server/audit/record-audit-event";

/** A rule's fields as audit detail (dates as ISO text). */
export function ruleAuditDetail(r: TExceptionRuleInput): { [key: string]: TJson | null } {
  return {
    ...r,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    reviewAt: r.reviewAt?.toISOString() ?? null,
  };
}

export async function auditExceptionRule(
  tx: Pick<Prisma.TransactionClient, "auditEvent">,
  e: AuditInput,
): Promise<void> {
  await tx.auditEvent.create({
    data: { actor: e.actor, action: e.action, target: e.target, detail: e.detail },
  });
}
