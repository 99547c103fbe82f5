// The FOCUS CSV rows as lib/focus/export-focus.ts wrote them before Postgres wrote the lines (kept as
// the reference implementation for the byte-identical tests; never used by the app).
// FOCUS 1.2 CSV rows (header first) of the stored cost data: cost_monthly (Cost Explorer or demo)
// and imported FOCUS rows, by billing period. Read through server-side cursors on one connection of
// the shared export pool (lib/db/export-stream), so nothing is held in memory and a burst of exports
// cannot open connections without bound. No "server-only": `npm run focus:export` runs it.
import { z } from "zod";
import { connectExport, queryRows } from "../../lib/db/export-stream";
import type { CsvCell } from "../../lib/export/csv";
import { addMonths } from "../../lib/domain/months";
import { FOCUS_COLUMNS, FOCUS_COST_COLUMNS, FOCUS_EXPORT_HEADER } from "../../lib/focus/columns";
import { trimDecimal } from "../../lib/focus/decimal-text";
import { mapCostRow, type BillingAccount, type FocusRecord } from "../../lib/focus/map-cost-row";

export interface FocusExportQuery {
  /** First and last billing month, YYYY-MM-01, inclusive. */
  from: string;
  to: string;
  /** Accounts the caller may see; null = all (imported rows match on SubAccountId). */
  accountIds: ReadonlySet<string> | null;
}

const ZTags = z.record(z.string(), z.unknown()).catch({});
const ZCost = z.object({
  account_id: z.string(),
  account_name: z.string().nullable(),
  month: z.string(),
  service: z.string(),
  unblended: z.string(),
  amortized: z.string(),
  net: z.string(),
  source: z.string(),
  record_type: z.string().nullable(),
});
const ZCharge = z.object({
  import_id: z.string(),
  row: z.record(z.string(), z.string().nullable()),
  billed: z.string(),
  effective: z.string(),
  list: z.string(),
  contracted: z.string(),
});
const ZAccountTags = z.array(z.object({ id: z.string(), tags: z.unknown() }));
const ZBilling = z.object({ id: z.string(), name: z.string().nullable() });

const toCells = (r: FocusRecord): CsvCell[] => FOCUS_EXPORT_HEADER.map((c) => r[c] ?? null);

function stringTags(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(ZTags.parse(value)).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
  );
}

export async function* focusCsvRows(
  databaseUrl: string,
  q: FocusExportQuery,
): AsyncGenerator<CsvCell[]> {
  const client = await connectExport(databaseUrl);
  let finished = false;
  try {
    yield [...FOCUS_EXPORT_HEADER];
    const ids = q.accountIds ? [...q.accountIds] : null;
    const billingRows = await client.query(
      `SELECT o.management_account_id AS id, a.name FROM organization o LEFT JOIN account a ON a.id = o.management_account_id LIMIT 1`,
    );
    const b = ZBilling.safeParse(billingRows.rows[0]);
    const billing: BillingAccount = b.success
      ? { id: b.data.id, name: b.data.name ?? "" }
      : { id: "", name: "" };

    // An account's tags are the same on each of its rows: read them once, not with every cost row.
    const accountTags = await client.query(
      `SELECT id, tags FROM account WHERE ($1::text[] IS NULL OR id = ANY($1::text[]))`,
      [ids],
    );
    const tagsByAccount = new Map(
      ZAccountTags.parse(accountTags.rows).map((a) => [a.id, stringTags(a.tags)]),
    );

    const costs = queryRows(
      client,
      // A service's charges of each record type but Usage are rows of their own (cost_charge); its
      // Usage row is what remains of the Cost Explorer total, left out when nothing remains.
      `WITH ch AS (
         SELECT account_id, month, service, sum(unblended) AS unblended, sum(amortized) AS amortized, sum(net) AS net
         FROM cost_charge WHERE month BETWEEN $1::date AND $2::date AND ($3::text[] IS NULL OR account_id = ANY($3::text[]))
         GROUP BY 1, 2, 3),
       rows AS (
         SELECT cm.account_id, cm.month, cm.service, cm.source,
                CASE WHEN ch.service IS NULL THEN NULL ELSE 'Usage' END AS record_type,
                cm.unblended - coalesce(ch.unblended, 0) AS unblended, cm.amortized - coalesce(ch.amortized, 0) AS amortized,
                cm.net - coalesce(ch.net, 0) AS net, ch.service IS NOT NULL AS split
         FROM cost_monthly cm LEFT JOIN ch ON ch.account_id = cm.account_id AND ch.month = cm.month AND ch.service = cm.service
         WHERE cm.month BETWEEN $1::date AND $2::date AND ($3::text[] IS NULL OR cm.account_id = ANY($3::text[]))
         UNION ALL
         SELECT c.account_id, c.month, c.service, cm.source, c.record_type, c.unblended, c.amortized, c.net, false
         FROM cost_charge c JOIN cost_monthly cm ON cm.account_id = c.account_id AND cm.month = c.month AND cm.service = c.service
         WHERE c.month BETWEEN $1::date AND $2::date AND ($3::text[] IS NULL OR c.account_id = ANY($3::text[])))
       SELECT r.account_id, a.name AS account_name, to_char(r.month, 'YYYY-MM-DD') AS month, r.service, trim_scale(r.unblended)::text AS unblended,
              trim_scale(r.amortized)::text AS amortized, trim_scale(r.net)::text AS net, r.source, r.record_type
       FROM rows r LEFT JOIN account a ON a.id = r.account_id
       WHERE NOT (r.split AND r.unblended = 0 AND r.amortized = 0 AND r.net = 0)
       ORDER BY r.month, r.account_id, r.service, r.source, r.record_type NULLS FIRST`,
      [q.from, q.to, ids],
      1000,
    );
    for await (const raw of costs) {
      const r = ZCost.parse(raw);
      const tags = tagsByAccount.get(r.account_id) ?? {};
      yield toCells(
        mapCostRow(
          {
            accountId: r.account_id,
            accountName: r.account_name,
            month: r.month,
            service: r.service,
            unblended: r.unblended,
            amortized: r.amortized,
            net: r.net,
            source: r.source,
            recordType: r.record_type,
            tags,
          },
          billing,
        ),
      );
    }

    const charges = queryRows(
      client,
      `SELECT import_id, row, billed_cost::text AS billed, effective_cost::text AS effective, list_cost::text AS list, contracted_cost::text AS contracted
       FROM focus_charge WHERE billing_period_start >= $1::date AND billing_period_start < $2::date AND ($3::text[] IS NULL OR sub_account_id = ANY($3::text[]))
       ORDER BY id`,
      [q.from, addMonths(q.to, 1), ids],
      1000,
    );
    for await (const raw of charges) yield toCells(importedRecord(ZCharge.parse(raw)));
    finished = true;
  } finally {
    // A connection left mid-cursor (reader went away, query failed) is discarded, not reused.
    client.release(!finished);
  }
}

/** An imported row as written: the file's own cells for every FOCUS column it had, exact costs. */
function importedRecord(r: z.infer<typeof ZCharge>): FocusRecord {
  const out: FocusRecord = {};
  for (const c of FOCUS_COLUMNS) out[c] = r.row[c] ?? null;
  const typed = {
    BilledCost: r.billed,
    EffectiveCost: r.effective,
    ListCost: r.list,
    ContractedCost: r.contracted,
  };
  for (const c of FOCUS_COST_COLUMNS)
    if (r.row[c] !== null && r.row[c] !== undefined) out[c] = trimDecimal(typed[c]);
  for (const c of [
    "BillingPeriodStart",
    "BillingPeriodEnd",
    "ChargePeriodStart",
    "ChargePeriodEnd",
  ] as const)
    out[c] = isoStamp(out[c] ?? null);
  out.x_Source = r.import_id;
  return out;
}

/** "2024-09-01 00:00:00" → "2024-09-01T00:00:00Z" (FOCUS dates are UTC ISO 8601). */
function isoStamp(text: string | null): string | null {
  if (!text) return text;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(text.trim());
  return m ? `${m[1]}T${m[2]}Z` : text;
}
