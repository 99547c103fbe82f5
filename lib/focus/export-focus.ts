// FOCUS 1.2 CSV (header first) of the stored cost data: cost_monthly (Cost Explorer or demo) and
// imported FOCUS rows, by billing period. Postgres writes every line (COPY … TO STDOUT, binary
// framing, see lib/db/copy-lines): what depends on a whole account, service or charge type (tags
// as JSON, ServiceCategory, the FOCUS charge fields) is written once per key here with the same
// code as the app's CSV cells (csvFields), put in temporary tables, and joined; per-row cells
// (amounts, dates, the source) are written in SQL by orglens_csv_cell and trim_scale. The bytes are
// the ones csv-stringify wrote from mapCostRow before (test: export-focus-identical.int.test.ts).
// One connection of the shared export pool, one REPEATABLE READ snapshot. No "server-only":
// `npm run focus:export` runs it.
import pg from "pg";
import { z } from "zod";
import { copyLines, fillTempTable as fillTable } from "@/lib/db/copy-lines";
import { connectExport } from "@/lib/db/export-stream";
import { focusChargeFields } from "@/lib/domain/costs/charge-types";
import { addMonths } from "@/lib/domain/months";
import { csvFields, csvLine, neutralizeFormula } from "@/lib/export/csv";
import { FOCUS_COLUMNS, FOCUS_COST_COLUMNS, FOCUS_EXPORT_HEADER } from "./columns";
import type { TFocusExportColumn } from "./columns";
import { mapCostRow, type BillingAccount } from "./map-cost-row";
import { serviceCategory } from "./service-category";

export interface FocusExportQuery {
  /** First and last billing month, YYYY-MM-01, inclusive. */
  from: string;
  to: string;
  /** Accounts the caller may see; null = all (imported rows match on SubAccountId). */
  accountIds: ReadonlySet<string> | null;
}

const ZTags = z.record(z.string(), z.unknown()).catch({});
const ZAccounts = z.array(
  z.object({ id: z.string(), name: z.string().nullable(), tags: z.unknown() }),
);
const ZBilling = z.object({ id: z.string(), name: z.string().nullable() });
const ZValues = z.array(z.object({ value: z.string().nullable() }));

const lit = (text: string) => pg.escapeLiteral(text);
const cell = (value: string | null) => csvFields([value]);
const CRLF = "E'\\r\\n'";
/** A LIMIT no export reaches (bigint's largest value). */
const UNBOUNDED = "9223372036854775807";

function stringTags(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(ZTags.parse(value)).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
  );
}

/** One SQL expression for a whole line: constant cells as literals, the others as SQL, CRLF at the end. */
function lineSql(
  cells: (column: TFocusExportColumn) => { sql: string } | { text: string } | "in-group",
): string {
  const parts: string[] = [];
  let literal = "";
  FOCUS_EXPORT_HEADER.forEach((column, i) => {
    const c = cells(column);
    // Written with the column before it (one SQL value for several adjacent cells).
    if (c === "in-group") return;
    const sep = i === 0 ? "" : ",";
    if ("text" in c) literal += sep + c.text;
    else {
      literal += sep;
      if (literal) parts.push(lit(literal));
      literal = "";
      parts.push(`(${c.sql})`);
    }
  });
  if (literal) parts.push(lit(literal));
  parts.push(CRLF);
  return parts.join(" || ");
}

/** What a cost row's line takes from the row, its account, its service and its charge type. */
/** mapCostRow writes no SubAccountType. */
const SUB_ACCOUNT_TYPE = cell(null);

const COST_ROW_SQL: Partial<Record<TFocusExportColumn, string>> = {
  BilledCost: "r.billed",
  ListCost: "r.billed",
  ContractedCost: "r.billed",
  EffectiveCost: "r.effective",
  x_NetCost: "r.net",
  BillingPeriodStart: "m.start_stamp",
  ChargePeriodStart: "m.start_stamp",
  BillingPeriodEnd: "m.end_stamp",
  ChargePeriodEnd: "m.end_stamp",
  ChargeCategory: "t.category",
  ChargeClass: "t.class",
  ChargeFrequency: "t.frequency",
  CommitmentDiscountCategory: "t.commitment",
  // Always quoted (it holds ", "): the service part is written per service, the rest has no quote
  // but the record type's.
  ChargeDescription: `s.description_head || CASE WHEN r.record_type IS NULL OR r.record_type = 'Usage' THEN '' ELSE replace(r.record_type, '"', '""') || ', ' END || m.month_label || ' (monthly total from Cost Explorer)"'`,
  ServiceName: "s.name",
  ServiceCategory: "s.category",
  // SubAccountId, SubAccountName, SubAccountType (empty) and Tags: one cell group per account.
  SubAccountId: `coalesce(a.cells, orglens_csv_cell(r.account_id) || ${lit(`,,${SUB_ACCOUNT_TYPE},{}`)})`,
  x_Source: "src.cell",
};

/** Written within SubAccountId's value (a.cells). */
const ACCOUNT_GROUP = new Set<TFocusExportColumn>(["SubAccountName", "SubAccountType", "Tags"]);

function costLineSql(billing: BillingAccount): string {
  // Every other column is the same on each row: take it from mapCostRow itself.
  const constant = mapCostRow(
    {
      accountId: "",
      accountName: null,
      month: "2000-01-01",
      service: "",
      unblended: "0",
      amortized: "0",
      net: "0",
      source: "",
      recordType: null,
      tags: {},
    },
    billing,
  );
  return lineSql((c) => {
    if (ACCOUNT_GROUP.has(c)) return "in-group";
    const sql = COST_ROW_SQL[c];
    return sql ? { sql } : { text: cell(constant[c] ?? null) };
  });
}

const DATE_COLUMNS = new Set<string>([
  "BillingPeriodStart",
  "BillingPeriodEnd",
  "ChargePeriodStart",
  "ChargePeriodEnd",
]);
const TYPED_COST: Record<(typeof FOCUS_COST_COLUMNS)[number], string> = {
  BilledCost: "billed_cost",
  EffectiveCost: "effective_cost",
  ListCost: "list_cost",
  ContractedCost: "contracted_cost",
};
/** JavaScript's \s (String.prototype.trim's set), for "2024-09-01 00:00:00" → "2024-09-01T00:00:00Z". */
const WS =
  "[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]";
const STAMP = `^${WS}*([0-9]{4}-[0-9]{2}-[0-9]{2})[ T]([0-9]{2}:[0-9]{2}:[0-9]{2})${WS}*$`;

/** An imported row as written: the file's own cells for every FOCUS column, exact costs, UTC dates. */
function importedLineSql(): string {
  const focus = new Set<string>(FOCUS_COLUMNS);
  return lineSql((c) => {
    const v = `f.row ->> ${lit(c)}`;
    if (c === "x_Source") return { sql: "orglens_csv_cell(f.import_id)" };
    if (!focus.has(c)) return { text: "" };
    if (c in TYPED_COST) {
      const column = TYPED_COST[c as keyof typeof TYPED_COST];
      return { sql: `CASE WHEN ${v} IS NULL THEN '' ELSE trim_scale(f.${column})::text END` };
    }
    if (DATE_COLUMNS.has(c))
      return { sql: `orglens_csv_cell(regexp_replace(${v}, ${lit(STAMP)}, '\\1T\\2Z'))` };
    return { sql: `orglens_csv_cell(${v})` };
  });
}

/** `NOT IN scope` filter on a column; the scope's ids are in pg_temp.x_focus_scope. */
const inScope = (column: string, scoped: boolean) =>
  scoped ? `${column} IN (SELECT id FROM pg_temp.x_focus_scope)` : "true";

export async function* focusCsvPieces(
  databaseUrl: string,
  q: FocusExportQuery,
  /** Counts the data lines written (the CLI's summary). */
  stats?: { lines: number },
): AsyncGenerator<Uint8Array> {
  const client = await connectExport(databaseUrl);
  let finished = false;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    // The row estimate of the cost query's joins is far too low (1 instead of every row): a nested
    // loop over the month cells would then re-scan them per row. Hash joins it is.
    await client.query("SET LOCAL enable_nestloop = off");
    const ids = q.accountIds ? [...q.accountIds] : null;
    const scoped = ids !== null;
    if (ids)
      await fillTable(
        client,
        "x_focus_scope",
        ["id"],
        [...new Set(ids)].map((id) => [id]),
      );
    const range = `BETWEEN ${lit(q.from)}::date AND ${lit(q.to)}::date`;

    const billingRows = await client.query(
      `SELECT o.management_account_id AS id, a.name FROM organization o LEFT JOIN account a ON a.id = o.management_account_id LIMIT 1`,
    );
    const b = ZBilling.safeParse(billingRows.rows[0]);
    const billing: BillingAccount = b.success
      ? { id: b.data.id, name: b.data.name ?? "" }
      : { id: "", name: "" };

    const accounts = ZAccounts.parse(
      (await client.query(`SELECT id, name, tags FROM account WHERE ${inScope("id", scoped)}`))
        .rows,
    );
    await fillTable(
      client,
      "x_focus_account",
      ["id", "cells"],
      accounts.map((a) => [
        a.id,
        [cell(a.id), cell(a.name), SUB_ACCOUNT_TYPE, cell(JSON.stringify(stringTags(a.tags)))].join(
          ",",
        ),
      ]),
    );

    const services = ZValues.parse(
      (
        await client.query(
          `SELECT DISTINCT service AS value FROM cost_monthly WHERE month ${range} AND ${inScope("account_id", scoped)}`,
        )
      ).rows,
    ).flatMap((s) => (s.value === null ? [] : [s.value]));
    await fillTable(
      client,
      "x_focus_service",
      ["service", "name", "category", "description_head"],
      services.map((s) => [
        s,
        cell(s),
        cell(serviceCategory(s)),
        // The description starts with the service: it decides the formula guard, and its quotes double.
        `"${neutralizeFormula(`${s}, `) === `${s}, ` ? "" : "'"}${s.replaceAll('"', '""')}, `,
      ]),
    );

    const recordTypes = ZValues.parse(
      (
        await client.query(
          `SELECT DISTINCT record_type AS value FROM cost_charge WHERE month ${range} AND ${inScope("account_id", scoped)}`,
        )
      ).rows,
    ).flatMap((t) => (t.value === null ? [] : [t.value]));
    await fillTable(
      client,
      "x_focus_type",
      ["key", "category", "class", "frequency", "commitment"],
      [...new Set(["Usage", "Tax", ...recordTypes])].map((t) => {
        const f = focusChargeFields(t);
        return [
          t,
          cell(f.ChargeCategory),
          cell(f.ChargeClass),
          cell(f.ChargeFrequency),
          cell(f.CommitmentDiscountCategory),
        ];
      }),
    );

    // Cells the same on every row of a month or of a source, written once.
    await client.query(
      `CREATE TEMP TABLE x_focus_month ON COMMIT DROP AS
         SELECT m::date AS month, to_char(m, 'YYYY-MM-DD') || 'T00:00:00Z' AS start_stamp,
                to_char(m + interval '1 month', 'YYYY-MM-DD') || 'T00:00:00Z' AS end_stamp,
                to_char(m, 'YYYY-MM') AS month_label
         FROM generate_series(${lit(q.from)}::date, ${lit(q.to)}::date, interval '1 month') m`,
    );
    await client.query(
      `CREATE TEMP TABLE x_focus_source ON COMMIT DROP AS
         SELECT source, orglens_csv_cell(source) AS cell
         FROM (SELECT DISTINCT source FROM cost_monthly WHERE month ${range} AND ${inScope("account_id", scoped)}) s`,
    );
    await client.query("ANALYZE x_focus_month, x_focus_source");

    yield Buffer.from(csvLine([...FOCUS_EXPORT_HEADER]));
    // A service's charges of each record type but Usage are rows of their own (cost_charge); its
    // Usage row is what remains of the Cost Explorer total, left out when nothing remains.
    yield* copyLines(
      client,
      `WITH ch AS (
         SELECT account_id, month, service, sum(unblended) AS unblended, sum(amortized) AS amortized, sum(net) AS net
         FROM cost_charge WHERE month ${range} AND ${inScope("account_id", scoped)}
         GROUP BY 1, 2, 3),
       rows AS (
         SELECT cm.account_id, cm.month, cm.service, cm.source,
                CASE WHEN ch.service IS NULL THEN NULL ELSE 'Usage' END AS record_type,
                cm.unblended - coalesce(ch.unblended, 0) AS unblended, cm.amortized - coalesce(ch.amortized, 0) AS amortized,
                cm.net - coalesce(ch.net, 0) AS net, ch.service IS NOT NULL AS split
         FROM cost_monthly cm LEFT JOIN ch ON ch.account_id = cm.account_id AND ch.month = cm.month AND ch.service = cm.service
         WHERE cm.month ${range} AND ${inScope("cm.account_id", scoped)}
         UNION ALL
         SELECT c.account_id, c.month, c.service, cm.source, c.record_type, c.unblended, c.amortized, c.net, false
         FROM cost_charge c JOIN cost_monthly cm ON cm.account_id = c.account_id AND cm.month = c.month AND cm.service = c.service
         WHERE c.month ${range} AND ${inScope("c.account_id", scoped)}),
       r AS (
         SELECT account_id, month, service, source, record_type,
                trim_scale(unblended)::text AS billed, trim_scale(amortized)::text AS effective, trim_scale(net)::text AS net
         FROM rows WHERE NOT (split AND unblended = 0 AND amortized = 0 AND net = 0))
       SELECT ${costLineSql(billing)}
       FROM r JOIN pg_temp.x_focus_service s ON s.service = r.service
       JOIN pg_temp.x_focus_type t ON t.key = coalesce(r.record_type, CASE WHEN r.service = 'Tax' THEN 'Tax' ELSE 'Usage' END)
       JOIN pg_temp.x_focus_month m ON m.month = r.month
       JOIN pg_temp.x_focus_source src ON src.source = r.source
       LEFT JOIN pg_temp.x_focus_account a ON a.id = r.account_id
       ORDER BY r.month, r.account_id, r.service, r.source, r.record_type NULLS FIRST
       -- Changes no result; with a LIMIT the planner writes the (expensive) line after the sort
       -- instead of sorting the written lines (hundreds of bytes a row, spilled to disk).
       LIMIT ${UNBOUNDED}`,
      stats,
    );
    yield* copyLines(
      client,
      `SELECT ${importedLineSql()} FROM focus_charge f
       WHERE f.billing_period_start >= ${lit(q.from)}::date AND f.billing_period_start < ${lit(addMonths(q.to, 1))}::date
         AND ${inScope("f.sub_account_id", scoped)}
       ORDER BY f.id`,
      stats,
    );
    await client.query("COMMIT");
    finished = true;
  } finally {
    // A connection left mid-COPY (reader went away, query failed) is discarded, not reused.
    client.release(!finished);
  }
}
