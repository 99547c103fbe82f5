// Mark an anomaly expected (the detector then treats the pattern as normal), resolved, or open again,
// with a reason. OU-scoped like every read; audited.
import "server-only";
import type { TAnomaly, TAnomalyDecision } from "@/lib/api/anomalies";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { findVisibleAnomaly } from "./find-visible-anomaly";
import { anomalyToWire } from "./to-wire";

export async function decideAnomaly(
  db: Db,
  principal: Pick<Principal, "email" | "scope">,
  id: string,
  decision: TAnomalyDecision,
): Promise<TAnomaly> {
  const { anomaly, account } = await findVisibleAnomaly(db, principal.scope, id);
  const reopen = decision.status === "open";
  const updated = await db.$transaction(async (tx) => {
    const row = await tx.costAnomaly.update({
      where: { id },
      data: {
        status: decision.status,
        reason: decision.reason,
        decidedBy: principal.email,
        decidedAt: reopen ? null : new Date(),
      },
    });
    await recordAuditEvent(
      {
        actor: principal.email,
        action: `anomaly.${decision.status}`,
        target: id,
        detail: {
          accountId: anomaly.accountId,
          service: anomaly.service,
          kind: anomaly.kind,
          firstDay: anomaly.firstDay.toISOString().slice(0, 10),
          previous: anomaly.status,
          reason: decision.reason,
        },
      },
      tx,
    );
    return row;
  });
  return anomalyToWire(updated, account);
}
