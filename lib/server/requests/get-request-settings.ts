import "server-only";
import type { Db } from "@/lib/db/client";
import { REQUEST_SETTINGS_KEY, ZRequestSettings, type TRequestSettings } from "@/lib/api/requests";

export async function getRequestSettings(db: Db): Promise<TRequestSettings> {
  const row = await db.setting.findUnique({ where: { key: REQUEST_SETTINGS_KEY } });
  return ZRequestSettings.catch(ZRequestSettings.parse({})).parse(row?.value ?? {});
}
