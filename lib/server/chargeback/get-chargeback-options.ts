// Choices for the rule editor and OU defaults: OUs, accounts, services seen lately, known cost centers.
import "server-only";
import { z } from "zod";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { ZChargebackOptions, type TChargebackOptions } from "@/lib/api/chargeback";
import { Prisma } from "@/lib/generated/prisma/client";
import { accountScope, ouScope, sqlAccountScope } from "@/lib/server/scope";
import { loadChargebackSettings } from "./load-chargeback-settings";

const ZNames = z.array(z.object({ name: z.string() }));

export async function getChargebackOptions(
  db: Db,
  principal: Pick<Principal, "scope">,
): Promise<TChargebackOptions> {
  const config = await loadChargebackSettings(db);
  const [ous, accounts, services, tagValues, mappings] = await Promise.all([
    db.orgUnit.findMany({
      where: { removedAt: null, ...ouScope(principal.scope) },
      select: { id: true, path: true, tags: true },
      orderBy: { path: "asc" },
    }),
    db.account.findMany({
      where: { removedAt: null, ...accountScope(principal.scope) },
      select: { id: true, name: true, costCenter: true },
      orderBy: { name: "asc" },
    }),
    // Services and cost-center tag values of the caller's accounts only: others' name other business units.
    db.$queryRaw`SELECT DISTINCT service AS name FROM cost_monthly WHERE month >= (date_trunc('month', now()) - interval '3 months')::date ${sqlAccountScope(Prisma.raw("account_id"), principal.scope)} ORDER BY 1`,
    db.$queryRaw`SELECT DISTINCT tag_value AS name FROM cost_by_tag WHERE tag_key = ${config.costCenterTagKey} AND tag_value <> '' AND month >= (date_trunc('month', now()) - interval '3 months')::date ${sqlAccountScope(Prisma.raw("account_id"), principal.scope)} ORDER BY 1 LIMIT 500`,
    db.ouCostCenter.findMany(),
  ]);
  const mapped = new Map(mappings.map((m) => [m.ouId, m.costCenter]));
  const ouDefaults = ous.flatMap((o): TChargebackOptions["ouDefaults"] => {
    const own = mapped.get(o.id);
    if (own) return [{ ouId: o.id, path: o.path, costCenter: own, from: "mapping" }];
    const tags = z.record(z.string(), z.unknown()).safeParse(o.tags);
    const tag = tags.success ? tags.data[config.costCenterTagKey] : undefined;
    return typeof tag === "string" && tag.trim()
      ? [{ ouId: o.id, path: o.path, costCenter: tag.trim(), from: "tag" }]
      : [];
  });
  const costCenters = new Set<string>([
    ...accounts.flatMap((a) => (a.costCenter ? [a.costCenter] : [])),
    ...ouDefaults.map((d) => d.costCenter),
    ...ZNames.parse(tagValues).map((t) => t.name),
  ]);
  return ZChargebackOptions.parse({
    ous: ous.map((o) => ({ id: o.id, path: o.path })),
    accounts: accounts.map((a) => ({ id: a.id, name: a.name })),
    services: ZNames.parse(services).map((s) => s.name),
    costCenters: [...costCenters].sort(),
    ouDefaults,
  });
}
