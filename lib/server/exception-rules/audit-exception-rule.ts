import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TExceptionRuleInput } from "@/lib/api/exception-rules";
import type { TJson } from "@/lib/domain/json";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/** A rule's fields as audit detail (dates as ISO text). */
export function ruleAuditDetail(r: TExceptionRuleInput): { [key: string]: TJson | null } {
  return {
    ...r,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    reviewAt: r.reviewAt?.toISOString() ?? null,
  };
}

export async function auditExceptionRule(
  tx: Prisma.TransactionClient,
  e: { actor: string; action: string; target: string | null; detail: { [key: string]: TJson | null } },
): Promise<void> {
  await recordAuditEvent(e, tx);
}
