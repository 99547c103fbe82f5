// Cost facts: the months, days, tag keys and dimensions (each over its own months) a snapshot carries
// replace exactly those slices; months a run did not refetch stay as stored.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TSnapshot } from "@/lib/domain/snapshot";

const BATCH = 20_000;

function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
}

export async function storeCosts(tx: Prisma.TransactionClient, snap: TSnapshot) {
  const { costs } = snap;
  const source = snap.source;
  if (costs.months.length) {
    await tx.$executeRaw`DELETE FROM cost_monthly WHERE source = ${source} AND month = ANY(${costs.months}::date[])`;
  }
  for (const rows of chunks(costs.monthly)) {
    await tx.$executeRaw`
      INSERT INTO cost_monthly (account_id, month, service, unblended, amortized, net, estimated, source)
      SELECT a, m, s, u, am, n, e, ${source}
      FROM unnest(${rows.map((r) => r.accountId)}::varchar[], ${rows.map((r) => r.month)}::date[], ${rows.map((r) => r.service)}::text[],
                  ${rows.map((r) => r.unblended)}::numeric[], ${rows.map((r) => r.amortized)}::numeric[], ${rows.map((r) => r.net)}::numeric[],
                  ${rows.map((r) => r.estimated)}::boolean[]) AS t(a, m, s, u, am, n, e)
      ON CONFLICT (account_id, month, service, source) DO UPDATE
        SET unblended = EXCLUDED.unblended, amortized = EXCLUDED.amortized, net = EXCLUDED.net, estimated = EXCLUDED.estimated`;
  }

  if (costs.days.length) {
    await tx.$executeRaw`DELETE FROM cost_daily WHERE day = ANY(${costs.days}::date[])`;
  }
  for (const rows of chunks(costs.daily)) {
    await tx.$executeRaw`
      INSERT INTO cost_daily (account_id, day, service, unblended, amortized, net)
      SELECT * FROM unnest(${rows.map((r) => r.accountId)}::varchar[], ${rows.map((r) => r.day)}::date[], ${rows.map((r) => r.service)}::text[],
                           ${rows.map((r) => r.unblended)}::numeric[], ${rows.map((r) => r.amortized)}::numeric[], ${rows.map((r) => r.net)}::numeric[])
      ON CONFLICT (account_id, day, service) DO UPDATE
        SET unblended = EXCLUDED.unblended, amortized = EXCLUDED.amortized, net = EXCLUDED.net`;
  }

  for (const key of costs.tagKeys) {
    const months = costs.tagKeyMonths[key] ?? costs.months;
    if (months.length)
      await tx.$executeRaw`DELETE FROM cost_by_tag WHERE month = ANY(${months}::date[]) AND tag_key = ${key}`;
  }
  for (const rows of chunks(costs.byTag)) {
    await tx.$executeRaw`
      INSERT INTO cost_by_tag (account_id, month, tag_key, tag_value, unblended, amortized, net, estimated)
      SELECT * FROM unnest(${rows.map((r) => r.accountId)}::varchar[], ${rows.map((r) => r.month)}::date[], ${rows.map((r) => r.tagKey)}::text[],
                           ${rows.map((r) => r.tagValue)}::text[], ${rows.map((r) => r.unblended)}::numeric[], ${rows.map((r) => r.amortized)}::numeric[],
                           ${rows.map((r) => r.net)}::numeric[], ${rows.map((r) => r.estimated)}::boolean[])
      ON CONFLICT (account_id, month, tag_key, tag_value) DO UPDATE
        SET unblended = EXCLUDED.unblended, amortized = EXCLUDED.amortized, net = EXCLUDED.net, estimated = EXCLUDED.estimated`;
  }

  await storeDimensions(tx, snap);
}

async function storeDimensions(tx: Prisma.TransactionClient, snap: TSnapshot) {
  const { costs } = snap;
  for (const [dimension, months] of Object.entries(costs.dimensionMonths)) {
    if (!months?.length) continue;
    await tx.$executeRaw`DELETE FROM cost_by_dimension WHERE month = ANY(${months}::date[]) AND dimension = ${dimension}`;
    // Charge detail is fetched with the charge types, month for month.
    if (dimension === "RECORD_TYPE")
      await tx.$executeRaw`DELETE FROM cost_charge WHERE month = ANY(${months}::date[])`;
  }
  for (const rows of chunks(costs.byDimension)) {
    await tx.$executeRaw`
      INSERT INTO cost_by_dimension (account_id, month, dimension, value, unblended, amortized, net, estimated)
      SELECT * FROM unnest(${rows.map((r) => r.accountId)}::varchar[], ${rows.map((r) => r.month)}::date[], ${rows.map((r) => r.dimension)}::text[],
                           ${rows.map((r) => r.value)}::text[], ${rows.map((r) => r.unblended)}::numeric[], ${rows.map((r) => r.amortized)}::numeric[],
                           ${rows.map((r) => r.net)}::numeric[], ${rows.map((r) => r.estimated)}::boolean[])
      ON CONFLICT (account_id, month, dimension, value) DO UPDATE
        SET unblended = EXCLUDED.unblended, amortized = EXCLUDED.amortized, net = EXCLUDED.net, estimated = EXCLUDED.estimated`;
  }
  for (const rows of chunks(costs.charges)) {
    await tx.$executeRaw`
      INSERT INTO cost_charge (account_id, month, service, record_type, unblended, amortized, net, estimated)
      SELECT * FROM unnest(${rows.map((r) => r.accountId)}::varchar[], ${rows.map((r) => r.month)}::date[], ${rows.map((r) => r.service)}::text[],
                           ${rows.map((r) => r.recordType)}::text[], ${rows.map((r) => r.unblended)}::numeric[], ${rows.map((r) => r.amortized)}::numeric[],
                           ${rows.map((r) => r.net)}::numeric[], ${rows.map((r) => r.estimated)}::boolean[])
      ON CONFLICT (account_id, month, service, record_type) DO UPDATE
        SET unblended = EXCLUDED.unblended, amortized = EXCLUDED.amortized, net = EXCLUDED.net, estimated = EXCLUDED.estimated`;
  }
}
