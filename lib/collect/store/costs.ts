// Cost facts: the months, days, tag keys and dimensions (each over its own months) a snapshot carries
// replace exactly those slices; months a run did not refetch stay as stored. The rows come from the
// run's staging (./cost-staging), summed per fact key in SQL (a group split across pages is one row).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { clearStagedCosts } from "./cost-staging";

export async function storeCosts(tx: Prisma.TransactionClient, snap: TSnapshot, runId: string) {
  const { costs } = snap;
  const source = snap.source;
  if (costs.months.length) {
    await tx.$executeRaw`DELETE FROM cost_monthly WHERE source = ${source} AND month = ANY(${costs.months}::date[])`;
  }
  await tx.$executeRaw`
    INSERT INTO cost_monthly (account_id, month, service, unblended, amortized, net, estimated, source)
    SELECT account_id, period, value, sum(unblended), sum(amortized), sum(net), bool_or(estimated), ${source}
    FROM cost_staging WHERE run_id = ${runId}::uuid AND kind = 'monthly'
    GROUP BY account_id, period, value
    ON CONFLICT (account_id, month, service, source) DO UPDATE
      SET unblended = EXCLUDED.unblended, amortized = EXCLUDED.amortized, net = EXCLUDED.net, estimated = EXCLUDED.estimated`;

  if (costs.days.length) {
    await tx.$executeRaw`DELETE FROM cost_daily WHERE day = ANY(${costs.days}::date[])`;
  }
  await tx.$executeRaw`
    INSERT INTO cost_daily (account_id, day, service, unblended, amortized, net)
    SELECT account_id, period, value, sum(unblended), sum(amortized), sum(net)
    FROM cost_staging WHERE run_id = ${runId}::uuid AND kind = 'daily'
    GROUP BY account_id, period, value
    ON CONFLICT (account_id, day, service) DO UPDATE
      SET unblended = EXCLUDED.unblended, amortized = EXCLUDED.amortized, net = EXCLUDED.net`;

  for (const key of costs.tagKeys) {
    const months = costs.tagKeyMonths[key] ?? costs.months;
    if (months.length)
      await tx.$executeRaw`DELETE FROM cost_by_tag WHERE month = ANY(${months}::date[]) AND tag_key = ${key}`;
  }
  await tx.$executeRaw`
    INSERT INTO cost_by_tag (account_id, month, tag_key, tag_value, unblended, amortized, net, estimated)
    SELECT account_id, period, key, value, sum(unblended), sum(amortized), sum(net), bool_or(estimated)
    FROM cost_staging WHERE run_id = ${runId}::uuid AND kind = 'tag'
    GROUP BY account_id, period, key, value
    ON CONFLICT (account_id, month, tag_key, tag_value) DO UPDATE
      SET unblended = EXCLUDED.unblended, amortized = EXCLUDED.amortized, net = EXCLUDED.net, estimated = EXCLUDED.estimated`;

  await storeDimensions(tx, snap, runId);
  // Moved: the staged copy goes with the same commit.
  await clearStagedCosts(tx, runId);
}

async function storeDimensions(tx: Prisma.TransactionClient, snap: TSnapshot, runId: string) {
  const { costs } = snap;
  for (const [dimension, months] of Object.entries(costs.dimensionMonths)) {
    if (!months?.length) continue;
    await tx.$executeRaw`DELETE FROM cost_by_dimension WHERE month = ANY(${months}::date[]) AND dimension = ${dimension}`;
    // Charge detail is fetched with the charge types, month for month.
    if (dimension === "RECORD_TYPE")
      await tx.$executeRaw`DELETE FROM cost_charge WHERE month = ANY(${months}::date[])`;
  }
  await tx.$executeRaw`
    INSERT INTO cost_by_dimension (account_id, month, dimension, value, unblended, amortized, net, estimated)
    SELECT account_id, period, key, value, sum(unblended), sum(amortized), sum(net), bool_or(estimated)
    FROM cost_staging WHERE run_id = ${runId}::uuid AND kind = 'dimension'
    GROUP BY account_id, period, key, value
    ON CONFLICT (account_id, month, dimension, value) DO UPDATE
      SET unblended = EXCLUDED.unblended, amortized = EXCLUDED.amortized, net = EXCLUDED.net, estimated = EXCLUDED.estimated`;
  await tx.$executeRaw`
    INSERT INTO cost_charge (account_id, month, service, record_type, unblended, amortized, net, estimated)
    SELECT account_id, period, value, key, sum(unblended), sum(amortized), sum(net), bool_or(estimated)
    FROM cost_staging WHERE run_id = ${runId}::uuid AND kind = 'charge'
    GROUP BY account_id, period, value, key
    ON CONFLICT (account_id, month, service, record_type) DO UPDATE
      SET unblended = EXCLUDED.unblended, amortized = EXCLUDED.amortized, net = EXCLUDED.net, estimated = EXCLUDED.estimated`;
}
