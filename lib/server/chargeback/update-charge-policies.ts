// Saves what chargeback does with each charge type (admins, audited). Open months follow at once;
// closed months keep the lines they were issued with.
import "server-only";
import type { z } from "zod";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import type { ZChargePoliciesUpdate } from "@/lib/api/chargeback";
import { forbidden } from "@/lib/errors";
import { loadChargebackSettings } from "./load-chargeback-settings";

export async function updateChargePolicies(
  db: Db,
  principal: Pick<Principal, "email" | "scope">,
  input: z.infer<typeof ZChargePoliciesUpdate>,
) {
  if (principal.scope.ouIds)
    throw forbidden(
      "Charge policies apply to the whole organization; an OU-scoped admin cannot change them.",
    );
  return db.$transaction(async (tx) => {
    const before = await loadChargebackSettings(tx);
    const key = "chargebackChargePolicies";
    const value = { ...input };
    await tx.setting.upsert({
      where: { key },
      create: { key, value, updatedBy: principal.email },
      update: { value, updatedBy: principal.email },
    });
    await tx.auditEvent.create({
      data: {
        actor: principal.email,
        action: "chargeback.charge-policies.update",
        target: null,
        detail: { [key]: value, previous: { [key]: before.chargebackChargePolicies } },
      },
    });
    return value;
  });
}
