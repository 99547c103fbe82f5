// Sets or clears an OU's default cost center (ou_cost_center), audited.
import "server-only";
import type { z } from "zod";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import type { ZOuDefaultUpdate } from "@/lib/api/chargeback";
import { forbidden, notFound } from "@/lib/errors";

export async function setOuCostCenter(
  db: Db,
  principal: Pick<Principal, "email" | "scope">,
  input: z.infer<typeof ZOuDefaultUpdate>,
) {
  if (principal.scope.ouIds)
    throw forbidden(
      "OU defaults apply to the whole organization; an OU-scoped admin cannot change them.",
    );
  return db.$transaction(async (tx) => {
    const ou = await tx.orgUnit.findUnique({
      where: { id: input.ouId },
      select: { id: true, path: true },
    });
    if (!ou) throw notFound("No such OU.");
    const previous = await tx.ouCostCenter.findUnique({ where: { ouId: ou.id } });
    if (input.costCenter === null) await tx.ouCostCenter.deleteMany({ where: { ouId: ou.id } });
    else
      await tx.ouCostCenter.upsert({
        where: { ouId: ou.id },
        create: { ouId: ou.id, costCenter: input.costCenter },
        update: { costCenter: input.costCenter },
      });
    const detail = {
      path: ou.path,
      costCenter: input.costCenter,
      previous: previous?.costCenter ?? null,
    };
    await tx.auditEvent.create({
      data: { actor: principal.email, action: "chargeback.ou_default.set", target: ou.id, detail },
    });
    return { ouId: ou.id, costCenter: input.costCenter };
  });
}
