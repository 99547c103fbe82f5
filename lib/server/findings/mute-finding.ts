// Accept an open finding for a while: it stays listed (muted) but stops counting until `until`.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { conflict } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { findVisibleFinding } from "./find-visible-finding";

export async function muteFinding(
  db: Db,
  principal: Principal,
  id: string,
  mute: { reason: string; until: Date },
): Promise<{ id: string; mutedUntil: string }> {
  const found = await findVisibleFinding(db, principal.scope, id);
  if (found.status !== "open") throw conflict("Only an open finding can be muted.");
  const detail = {
    reason: mute.reason,
    until: mute.until.toISOString(),
    previous: found.muted ? found.mute_reason : null,
  };

  await db.$transaction(async (tx) => {
    await tx.finding.update({
      where: { id },
      data: { mutedUntil: mute.until, muteReason: mute.reason, mutedBy: principal.email },
    });
    await tx.findingEvent.create({
      data: { findingId: id, kind: "muted", at: new Date(), actor: principal.email, detail },
    });
    await recordAuditEvent(
      { actor: principal.email, action: "finding.mute", target: id, detail },
      tx,
    );
  });
  return { id, mutedUntil: detail.until };
}
