import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { REQUEST_SETTINGS_KEY, type TRequestSettings } from "@/lib/api/requests";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireOrgAdmin } from "@/lib/server/authorize";
import { REQUEST_SETTINGS_ORG_WIDE } from "./show-request-settings";

export async function saveRequestSettings(db: Db, principal: Principal, value: TRequestSettings) {
  requireOrgAdmin(principal, REQUEST_SETTINGS_ORG_WIDE);
  await db.setting.upsert({
    where: { key: REQUEST_SETTINGS_KEY },
    create: { key: REQUEST_SETTINGS_KEY, value, updatedBy: principal.email },
    update: { value, updatedBy: principal.email },
  });
  await recordAuditEvent(
    {
      actor: principal.email,
      action: "settings.account_requests",
      target: REQUEST_SETTINGS_KEY,
      detail: { ...value },
    },
    db,
  );
  return value;
}
