// Saves the allocation order and cost metric (admins, audited). Open months follow at once;
// closed months keep what was issued, and any difference is charged as an adjustment.
import "server-only";
import type { z } from "zod";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import type { ZSettingsUpdate } from "@/lib/api/chargeback";
import { forbidden } from "@/lib/errors";
import { loadChargebackSettings } from "./load-chargeback-settings";

export async function updateChargebackSettings(
  db: Db,
  principal: Pick<Principal, "email" | "scope">,
  input: z.infer<typeof ZSettingsUpdate>,
) {
  if (principal.scope.ouIds)
    throw forbidden(
      "Chargeback settings apply to the whole organization; an OU-scoped admin cannot change them.",
    );
  return db.$transaction(async (tx) => {
    const before = await loadChargebackSettings(tx);
    const values = {
      chargebackAllocationOrder: input.allocationOrder,
      chargebackCostMetric: input.costMetric,
    };
    for (const [key, value] of Object.entries(values)) {
      await tx.setting.upsert({
        where: { key },
        create: { key, value, updatedBy: principal.email },
        update: { value, updatedBy: principal.email },
      });
    }
    const detail = {
      ...values,
      previous: {
        chargebackAllocationOrder: before.chargebackAllocationOrder,
        chargebackCostMetric: before.chargebackCostMetric,
      },
    };
    await tx.auditEvent.create({
      data: { actor: principal.email, action: "chargeback.settings.update", target: null, detail },
    });
    return { allocationOrder: input.allocationOrder, costMetric: input.costMetric };
  });
}
