// Loads a FOCUS CSV into focus_charge, all or nothing. The import id is the file's SHA-256, so
// loading the same file again replaces its rows instead of doubling them. Rows stay separate from
// cost_monthly (see docs/chargeback.md). No "server-only": `npm run focus:import` runs it.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { readFocusRows, type FocusRow } from "./parse-focus";

const BATCH = 2000;

export interface FocusImportSummary {
  importId: string;
  rows: number;
  replaced: number;
  billingPeriods: string[];
  providers: {
    providerName: string;
    rows: number;
    subAccounts: number;
    billedCost: string;
    effectiveCost: string;
  }[];
}

async function fileDigest(path: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(path), hash);
  return hash.digest("hex");
}

const ZProvider = z.object({
  provider_name: z.string(),
  rows: z.number(),
  sub_accounts: z.number(),
  billed: z.string(),
  effective: z.string(),
});
const ZPeriod = z.object({ period: z.string() });

export async function importFocusFile(
  db: Db,
  path: string,
  actor: string,
): Promise<FocusImportSummary> {
  const importId = `focus-${(await fileDigest(path)).slice(0, 16)}`;
  return db.$transaction(
    async (tx) => {
      const { count: replaced } = await tx.focusCharge.deleteMany({ where: { importId } });
      let rows = 0;
      let batch: FocusRow[] = [];
      const flush = async () => {
        if (!batch.length) return;
        const b = batch;
        batch = [];
        await tx.$executeRaw`
          INSERT INTO focus_charge (import_id, provider_name, billing_account_id, sub_account_id, sub_account_name, charge_period_start,
                                    billing_period_start, service_name, billed_cost, effective_cost, list_cost, contracted_cost,
                                    charge_category, charge_class, commitment_discount_category, row)
          SELECT ${importId}, * FROM unnest(
            ${b.map((r) => r.providerName)}::text[], ${b.map((r) => r.billingAccountId)}::text[], ${b.map((r) => r.subAccountId)}::text[],
            ${b.map((r) => r.subAccountName)}::text[], ${b.map((r) => r.chargePeriodStart)}::timestamptz[], ${b.map((r) => r.billingPeriodStart)}::timestamptz[],
            ${b.map((r) => r.serviceName)}::text[], ${b.map((r) => r.billedCost)}::numeric[], ${b.map((r) => r.effectiveCost)}::numeric[],
            ${b.map((r) => r.listCost)}::numeric[], ${b.map((r) => r.contractedCost)}::numeric[],
            ${b.map((r) => r.chargeCategory)}::text[], ${b.map((r) => r.chargeClass)}::text[], ${b.map((r) => r.commitmentDiscountCategory)}::text[],
            ${b.map((r) => JSON.stringify(r.raw))}::text[]::jsonb[])`;
      };
      for await (const row of readFocusRows(createReadStream(path))) {
        batch.push(row);
        rows++;
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      const [providers, periods] = await Promise.all([
        tx.$queryRaw`SELECT provider_name, count(*)::int AS rows, count(DISTINCT sub_account_id)::int AS sub_accounts,
                            sum(billed_cost)::text AS billed, sum(effective_cost)::text AS effective
                     FROM focus_charge WHERE import_id = ${importId} GROUP BY provider_name ORDER BY provider_name`,
        tx.$queryRaw`SELECT DISTINCT to_char(billing_period_start AT TIME ZONE 'UTC', 'YYYY-MM') AS period FROM focus_charge WHERE import_id = ${importId} ORDER BY 1`,
      ]);
      const summary: FocusImportSummary = {
        importId,
        rows,
        replaced,
        billingPeriods: z
          .array(ZPeriod)
          .parse(periods)
          .map((p) => p.period),
        providers: z
          .array(ZProvider)
          .parse(providers)
          .map((p) => ({
            providerName: p.provider_name,
            rows: p.rows,
            subAccounts: p.sub_accounts,
            billedCost: p.billed,
            effectiveCost: p.effective,
          })),
      };
      await tx.auditEvent.create({
        data: {
          actor,
          action: "focus.import",
          target: importId,
          detail: {
            file: path.split("/").at(-1) ?? path,
            rows,
            replaced,
            billingPeriods: summary.billingPeriods,
          },
        },
      });
      return summary;
    },
    { timeout: 30 * 60_000, maxWait: 30_000 },
  );
}
