// The check settings as the next evaluation uses them: each value beside its default, whether a
// stored value overrides it, and what it means (admins of the whole organization only).
import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { loadSettings } from "@/lib/db/settings";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { SETTING_KEYS, SETTINGS_METADATA } from "@/lib/domain/settings-metadata";
import type { TCheckSettingsView } from "@/lib/api/check-settings";
import { requireOrgAdmin } from "@/lib/server/authorize";
import { CHECK_SETTINGS_ORG_WIDE } from "./check-settings-org-wide";

export async function getCheckSettings(
  db: Db,
  principal: Pick<Principal, "role" | "scope">,
): Promise<TCheckSettingsView> {
  requireOrgAdmin(principal, CHECK_SETTINGS_ORG_WIDE);
  const [effective, rows] = await Promise.all([
    loadSettings(db),
    db.setting.findMany({
      where: { key: { in: [...SETTING_KEYS] } },
      select: { key: true, updatedAt: true, updatedBy: true },
    }),
  ]);
  const stored = new Map(rows.map((r) => [r.key, r]));
  return {
    settings: SETTING_KEYS.map((key) => {
      const row = stored.get(key);
      return {
        key,
        ...SETTINGS_METADATA[key],
        value: effective[key],
        default: DEFAULT_SETTINGS[key],
        // A stored value that no longer validates is ignored by the evaluation: it is the default then.
        overridden: row !== undefined && !sameValue(effective[key], DEFAULT_SETTINGS[key]),
        updatedAt: row?.updatedAt.toISOString() ?? null,
        updatedBy: row?.updatedBy ?? null,
      };
    }),
  };
}

export const sameValue = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a) === JSON.stringify(b);
