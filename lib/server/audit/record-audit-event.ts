import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TJson } from "@/lib/domain/json";

export interface AuditInput {
  actor: string;
  action: string;
  target: string | null;
  detail: { [key: string]: TJson | null };
}

/**
 * Appends to the audit trail (never updated or deleted by the app). Pass the transaction client when
 * the audited change is written in one, so the change and its audit row commit together.
 */
export async function recordAuditEvent(
  e: AuditInput,
  client: Pick<Prisma.TransactionClient, "auditEvent"> = db,
): Promise<void> {
  await client.auditEvent.create({
    data: { actor: e.actor, action: e.action, target: e.target, detail: e.detail },
  });
}
