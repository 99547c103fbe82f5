import "server-only";
import { db } from "@/lib/db";
import type { TJson } from "@/lib/domain/json";

export interface AuditInput {
  actor: string;
  action: string;
  target: string | null;
  detail: { [key: string]: TJson | null };
}

/** Appends to the audit trail (never updated or deleted by the app). */
export async function recordAuditEvent(e: AuditInput): Promise<void> {
  await db.auditEvent.create({ data: { actor: e.actor, action: e.action, target: e.target, detail: e.detail } });
}
