// Everything one month's chargeback needs, read in a handful of aggregate queries. No "server-only"
// (the CLI exports use it). Amounts stay exact decimal strings; the domain code rounds them.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { addMonths } from "@/lib/domain/months";
import type { ChargebackInput, OuInfo } from "@/lib/domain/allocation/types";
import type { RuleVersion } from "@/lib/domain/allocation/rules";
import type { ChargebackConfig, TxDb } from "./load-chargeback-settings";

const ZCost = z.object({
  account_id: z.string(),
  service: z.string(),
  amount: z.string(),
  estimated: z.boolean(),
});
const ZCharge = z.object({
  account_id: z.string(),
  service: z.string(),
  record_type: z.string(),
  amount: z.string(),
});
const ZTag = z.object({ account_id: z.string(), tag_value: z.string(), amount: z.string() });
const ZPlacement = z.object({ account_id: z.string(), ou_id: z.string() });

export interface AccountMeta {
  name: string;
  ouPath: string;
}

export interface MonthInput {
  input: ChargebackInput;
  meta: Map<string, AccountMeta>;
  hasData: boolean;
  estimated: boolean;
}

/** Service label of an account's spend outside every rule's sources: never one a rule names. */
function otherServicesLabel(ruleServices: readonly string[]): string {
  let label = "(services outside shared-cost rules)";
  while (ruleServices.includes(label)) label += "'";
  return label;
}

const METRIC_COLUMN = { unblended: "unblended", amortized: "amortized", net: "net" } as const;

export async function loadMonthInput(
  db: TxDb,
  month: string,
  config: ChargebackConfig,
  rules: readonly RuleVersion[],
): Promise<MonthInput> {
  const start = new Date(`${month}T00:00:00Z`);
  const end = new Date(`${addMonths(month, 1)}T00:00:00Z`);
  const metric = Prisma.raw(METRIC_COLUMN[config.chargebackCostMetric]);
  const ruleAccounts = [...new Set(rules.flatMap((r) => r.sourceAccounts))];
  const ruleServices = [...new Set(rules.flatMap((r) => r.sourceServices))];
  const otherServices = otherServicesLabel(ruleServices);
  const [costRows, chargeRows, tagRows, placementRows, accounts, ous, mappings] = await Promise.all(
    [
      // Only a rule's shared accounts or services need per-service detail; every other row is summed per
      // account (one line that no rule can match), so 5,000 accounts are ~5k rows instead of ~140k.
      db.$queryRaw`SELECT account_id, CASE WHEN detail THEN service ELSE ${otherServices} END AS service,
                        sum(${metric})::text AS amount, bool_or(estimated) AS estimated
                 FROM (SELECT c.*, (c.account_id = ANY(${ruleAccounts}::text[]) OR c.service = ANY(${ruleServices}::text[])) AS detail
                       FROM cost_monthly c WHERE c.month = ${month}::date) c
                 GROUP BY 1, 2`,
      // Charges by record type inside those totals (credits, tax, support…), labelled the same way.
      db.$queryRaw`SELECT account_id, CASE WHEN detail THEN service ELSE ${otherServices} END AS service,
                        record_type, sum(${metric})::text AS amount
                 FROM (SELECT c.*, (c.account_id = ANY(${ruleAccounts}::text[]) OR c.service = ANY(${ruleServices}::text[])) AS detail
                       FROM cost_charge c WHERE c.month = ${month}::date) c
                 GROUP BY 1, 2, 3`,
      db.$queryRaw`SELECT account_id, tag_value, sum(${metric})::text AS amount
                 FROM cost_by_tag WHERE month = ${month}::date AND tag_key = ${config.costCenterTagKey} GROUP BY account_id, tag_value`,
      // The OU of the charge month: the latest placement that overlaps it (a move does not rewrite history).
      db.$queryRaw`SELECT DISTINCT ON (account_id) account_id, ou_id FROM account_placement
                 WHERE valid_from < ${end} AND (valid_to IS NULL OR valid_to > ${start})
                 ORDER BY account_id, valid_from DESC`,
      db.account.findMany({ select: { id: true, name: true, costCenter: true, ouId: true } }),
      db.orgUnit.findMany({ select: { id: true, parentId: true, path: true, tags: true } }),
      db.ouCostCenter.findMany(),
    ],
  );
  const costs = z.array(ZCost).parse(costRows);
  const placement = new Map(
    z
      .array(ZPlacement)
      .parse(placementRows)
      .map((p) => [p.account_id, p.ou_id]),
  );
  const mapped = new Map(mappings.map((m) => [m.ouId, m.costCenter]));
  const ouPath = new Map(ous.map((o) => [o.id, o.path]));
  const ouInfos: OuInfo[] = ous.map((o) => ({
    id: o.id,
    parentId: o.parentId,
    defaultCostCenter: mapped.get(o.id) ?? ouTag(o.tags, config.costCenterTagKey),
  }));

  const meta = new Map<string, AccountMeta>();
  const accountInfos = accounts.map((a) => {
    const ouId = placement.get(a.id) ?? a.ouId;
    meta.set(a.id, { name: a.name, ouPath: ouPath.get(ouId) ?? "" });
    return { id: a.id, tagCostCenter: a.costCenter, ouId };
  });
  return {
    input: {
      costs: costs.map((c) => ({ accountId: c.account_id, service: c.service, amount: c.amount })),
      accounts: accountInfos,
      ous: ouInfos,
      tagShares: z
        .array(ZTag)
        .parse(tagRows)
        .map((t) => ({ accountId: t.account_id, value: t.tag_value, amount: t.amount })),
      rules,
      order: config.chargebackAllocationOrder,
      charges: z
        .array(ZCharge)
        .parse(chargeRows)
        .map((c) => ({
          accountId: c.account_id,
          service: c.service,
          recordType: c.record_type,
          amount: c.amount,
        })),
      policies: config.chargebackChargePolicies,
    },
    meta,
    hasData: costs.length > 0,
    estimated: costs.some((c) => c.estimated),
  };
}

/** An OU's own cost-center tag counts as its default when no explicit mapping exists. */
function ouTag(tags: Prisma.JsonValue, key: string): string | null {
  const parsed = z.record(z.string(), z.unknown()).safeParse(tags);
  const value = parsed.success ? parsed.data[key] : undefined;
  return typeof value === "string" && value.trim() ? value.trim() : null;
}
