// Settings stored in the database, merged over the defaults and validated.
import type { Db } from "@/lib/db/client";
import { ZSettings, type TSettings } from "@/lib/domain/settings";

/** Reads through the client or a transaction (a save compares with what it replaces). */
export async function loadSettings(db: Pick<Db, "setting">): Promise<TSettings> {
  const rows = await db.setting.findMany({ select: { key: true, value: true } });
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const parsed = ZSettings.safeParse(stored);
  // A setting saved by an older version that no longer validates falls back to its default.
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  return ZSettings.parse(Object.fromEntries(Object.entries(stored).filter(([k]) => !bad.has(k))));
}
