// Lift a mute before it expires: the finding counts again from now.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { conflict } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { findVisibleFinding } from "./find-visible-finding";

export async function unmuteFinding(
  db: Db,
  principal: Principal,
  id: string,
): Promise<{ id: string }> {
  const found = await findVisibleFinding(db, principal.scope, id);
  if (!found.muted) throw conflict("This finding is not muted.");
  const detail = { reason: "lifted", muteReason: found.mute_reason };

  await db.$transaction(async (tx) => {
    await tx.finding.update({
      where: { id },
      data: { mutedUntil: null, muteReason: null, mutedBy: null },
    });
    await tx.findingEvent.create({
      data: { findingId: id, kind: "unmuted", at: new Date(), actor: principal.email, detail },
    });
    await recordAuditEvent(
      { actor: principal.email, action: "finding.unmute", target: id, detail },
      tx,
    );
  });
  return { id };
}
