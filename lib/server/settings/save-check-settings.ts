// Saves a partial change of the check settings (admins of the whole organization only): a value
// replaces the default, null resets it to the default. Every change is audited with its before and
// after values, in the transaction that writes it. Findings follow at the next evaluation.
import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { loadSettings } from "@/lib/db/settings";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { SETTING_KEYS } from "@/lib/domain/settings-metadata";
import type { TCheckSettingsChange, TCheckSettingsView } from "@/lib/api/check-settings";
import type { TJson } from "@/lib/domain/json";
import { requireOrgAdmin } from "@/lib/server/authorize";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { CHECK_SETTINGS_ORG_WIDE } from "./check-settings-org-wide";
import { getCheckSettings, sameValue } from "./get-check-settings";

export async function saveCheckSettings(
  db: Db,
  principal: Pick<Principal, "role" | "scope" | "email">,
  change: TCheckSettingsChange,
): Promise<TCheckSettingsView> {
  requireOrgAdmin(principal, CHECK_SETTINGS_ORG_WIDE);
  await db.$transaction(async (tx) => {
    const before = await loadSettings(tx);
    const audit: Record<string, { before: TJson; after: TJson; reset: boolean }> = {};
    for (const key of SETTING_KEYS) {
      const value = change[key];
      if (value === undefined) continue;
      if (value === null) {
        const removed = await tx.setting.deleteMany({ where: { key } });
        if (removed.count || !sameValue(before[key], DEFAULT_SETTINGS[key]))
          audit[key] = { before: before[key], after: DEFAULT_SETTINGS[key], reset: true };
        continue;
      }
      if (sameValue(before[key], value)) continue;
      await tx.setting.upsert({
        where: { key },
        create: { key, value, updatedBy: principal.email },
        update: { value, updatedBy: principal.email },
      });
      audit[key] = { before: before[key], after: value, reset: false };
    }
    if (Object.keys(audit).length)
      await recordAuditEvent(
        {
          actor: principal.email,
          action: "settings.checks",
          target: Object.keys(audit).join(","),
          detail: { changes: audit },
        },
        tx,
      );
  });
  return getCheckSettings(db, principal);
}
