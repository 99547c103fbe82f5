// Chargeback settings from the `setting` table over their defaults. No "server-only": the CLI
// exports (scripts/chargeback-export.ts) compute the same chargeback as the app.
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  CHARGEBACK_SETTING_KEYS,
  ZChargebackSettings,
  type TChargebackSettings,
} from "@/lib/domain/allocation/settings";
import { ZSettings } from "@/lib/domain/settings";

/** A client or an interactive transaction: chargeback reads run inside the period-close transaction too. */
export type TxDb = Prisma.TransactionClient;

export interface ChargebackConfig extends TChargebackSettings {
  costCenterTagKey: string;
}

const ZTagKey = ZSettings.pick({ costCenterTagKey: true });

export async function loadChargebackSettings(db: TxDb): Promise<ChargebackConfig> {
  const rows = await db.setting.findMany({
    where: { key: { in: [...CHARGEBACK_SETTING_KEYS, "costCenterTagKey"] } },
    select: { key: true, value: true },
  });
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  // A stored value that no longer validates falls back to its default, like the general settings do.
  const own = ZChargebackSettings.safeParse(stored);
  const tag = ZTagKey.safeParse(stored);
  return {
    ...(own.success ? own.data : ZChargebackSettings.parse({})),
    costCenterTagKey: tag.success ? tag.data.costCenterTagKey : ZTagKey.parse({}).costCenterTagKey,
  };
}
