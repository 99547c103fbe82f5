import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { sendTestAlert } from "@/lib/alerts/dispatch-run-alerts";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireOrgAdmin } from "@/lib/server/authorize";
import { notFound } from "@/lib/errors";

/** "Send test": a fast single-pass retry policy so the button answers within seconds. */
export async function testAlertChannel(db: Db, principal: Principal, id: string) {
  requireOrgAdmin(
    principal,
    "Alert channels serve the whole organization; only an admin without an OU scope can change or test them.",
  );
  const channel = await db.alertChannel.findUnique({ where: { id } });
  if (!channel) throw notFound("No such alert channel.");
  const status = await sendTestAlert(db, channel, {
    maxAttempts: 2,
    baseDelayMs: 300,
    timeoutMs: 5_000,
  });
  await recordAuditEvent({
    actor: principal.email,
    action: "alerts.channel.test",
    target: id,
    detail: { status },
  });
  return { status };
}
