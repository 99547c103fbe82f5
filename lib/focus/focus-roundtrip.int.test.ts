import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { byteStream } from "@/lib/export/csv";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { FOCUS_COLUMNS, FOCUS_MANDATORY } from "./columns";
import { focusCsvPieces } from "./export-focus";
import { importFocusFile } from "./import-focus";
import { FocusParseError } from "./parse-focus";

const SAMPLE = "/work/shared/data/focus_sample.csv";
const ZRecords = z.array(z.record(z.string(), z.string()));

/** BilledCost and EffectiveCost per "provider|SubAccountId", exact. */
function sums(
  records: Record<string, string>[],
): Map<string, { billed: string; effective: string }> {
  const acc = new Map<string, { billed: Decimal; effective: Decimal }>();
  for (const r of records) {
    const key = `${r.ProviderName}|${r.SubAccountId === "NULL" ? "" : (r.SubAccountId ?? "")}`;
    const cur = acc.get(key) ?? { billed: new Decimal(0), effective: new Decimal(0) };
    acc.set(key, {
      billed: cur.billed.plus(r.BilledCost ?? "0"),
      effective: cur.effective.plus(r.EffectiveCost || "0"),
    });
  }
  return new Map(
    [...acc].map(([k, v]) => [k, { billed: v.billed.toFixed(), effective: v.effective.toFixed() }]),
  );
}

const readCsv = (text: string) => ZRecords.parse(parse(text, { columns: true, bom: true }));

describe("FOCUS import and export", () => {
  let tdb: TestDatabase;
  let db: Db;
  let dir: string;
  const fileSums = sums(readCsv(readFileSync(SAMPLE, "utf8")));

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = createPrismaClient(tdb.url);
    dir = mkdtempSync(path.join(tmpdir(), "orglens-focus-"));
  });
  afterAll(async () => {
    await db?.$disconnect();
    await tdb?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function exportText(
    from = "2024-09-01",
    to = "2024-10-01",
    accountIds: Set<string> | null = null,
  ): Promise<string> {
    return new Response(byteStream(focusCsvPieces(tdb.url, { from, to, accountIds }))).text();
  }

  it("imports the FinOps Foundation sample: BilledCost per provider and SubAccountId equals the file's sums exactly", async () => {
    const summary = await importFocusFile(db, SAMPLE, "test");
    expect(summary).toMatchObject({
      rows: 1000,
      replaced: 0,
      billingPeriods: ["2024-09", "2024-10"],
    });
    expect(summary.providers.map((p) => [p.providerName, p.rows])).toEqual([
      ["AWS", 942],
      ["Microsoft", 51],
      ["Oracle", 7],
    ]);
    const rows = z
      .array(z.object({ provider_name: z.string(), sub: z.string(), billed: z.string() }))
      .parse(
        await db.$queryRaw`SELECT provider_name, coalesce(sub_account_id, '') AS sub, sum(billed_cost)::text AS billed FROM focus_charge GROUP BY 1, 2`,
      );
    expect(rows).toHaveLength(fileSums.size);
    for (const r of rows)
      expect(new Decimal(r.billed).toFixed(), `${r.provider_name}|${r.sub}`).toBe(
        fileSums.get(`${r.provider_name}|${r.sub}`)?.billed,
      );
    const raw = await db.focusCharge.findFirstOrThrow({ where: { providerName: "Oracle" } });
    const oracle = z.object({ ContractedCost: z.null(), Id: z.string() }).safeParse(raw.row);
    expect(oracle.success).toBe(true);
  });

  it("keeps each row's ChargeCategory, ChargeClass and CommitmentDiscountCategory as its charge type", async () => {
    const cell = (v: string | undefined) => (v === undefined || v === "" || v === "NULL" ? "" : v);
    const fromFile = new Map<string, number>();
    for (const r of readCsv(readFileSync(SAMPLE, "utf8"))) {
      const k = [r.ChargeCategory, r.ChargeClass, r.CommitmentDiscountCategory].map(cell).join("|");
      fromFile.set(k, (fromFile.get(k) ?? 0) + 1);
    }
    const stored = z.array(z.object({ k: z.string(), n: z.number() })).parse(
      await db.$queryRaw`SELECT concat_ws('|', coalesce(charge_category, ''), coalesce(charge_class, ''), coalesce(commitment_discount_category, '')) AS k,
                                  count(*)::int AS n FROM focus_charge GROUP BY 1`,
    );
    expect(new Map(stored.map((s) => [s.k, s.n]))).toEqual(fromFile);
    // The sample has more than plain usage: the columns are really read, not defaulted.
    expect([...fromFile.keys()].filter((k) => !k.startsWith("Usage|")).length).toBeGreaterThan(0);
  });

  it("loading the same file again replaces its rows instead of doubling them", async () => {
    const again = await importFocusFile(db, SAMPLE, "test");
    expect(again).toMatchObject({ rows: 1000, replaced: 1000 });
    expect(await db.focusCharge.count()).toBe(1000);
  });

  it("exports FOCUS 1.2 with the same totals per provider and SubAccountId, and re-imports its own export", async () => {
    const text = await exportText();
    const header = text.slice(0, text.indexOf("\r\n")).split(",");
    expect(header.slice(0, FOCUS_COLUMNS.length)).toEqual([...FOCUS_COLUMNS]);
    for (const c of FOCUS_MANDATORY) expect(header).toContain(c);
    const records = readCsv(text);
    expect(records).toHaveLength(1000);
    expect(sums(records)).toEqual(fileSums);
    expect(records[0]?.BillingPeriodStart).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    expect(records.every((r) => !/^[=+@]/.test(r.ChargeDescription ?? ""))).toBe(true);
    // The import keeps each row's charge classification; the export writes it back as it came.
    const fileRecords = readCsv(readFileSync(SAMPLE, "utf8"));
    for (const c of ["ChargeCategory", "ChargeClass", "CommitmentDiscountCategory"]) {
      const tally = (rs: Record<string, string>[]) => {
        const t = new Map<string, number>();
        for (const r of rs) {
          const v = r[c] === "NULL" ? "" : (r[c] ?? "");
          t.set(v, (t.get(v) ?? 0) + 1);
        }
        return t;
      };
      expect(tally(records), c).toEqual(tally(fileRecords));
    }
    expect([...new Set(records.map((r) => r.ChargeCategory))].sort()).toEqual([
      "Adjustment",
      "Credit",
      "Usage",
    ]);

    const file = path.join(dir, "export.csv");
    writeFileSync(file, text);
    const other = await createTestDatabase();
    const db2 = createPrismaClient(other.url);
    try {
      const summary = await importFocusFile(db2, file, "test");
      expect(summary.rows).toBe(1000);
      const back = z
        .array(z.object({ k: z.string(), billed: z.string() }))
        .parse(
          await db2.$queryRaw`SELECT provider_name || '|' || coalesce(sub_account_id, '') AS k, sum(billed_cost)::text AS billed FROM focus_charge GROUP BY 1`,
        );
      for (const r of back) expect(new Decimal(r.billed).toFixed()).toBe(fileSums.get(r.k)?.billed);
    } finally {
      await db2.$disconnect();
      await other.drop();
    }
  });

  it("exports only the billing months asked for, and only a scoped caller's accounts", async () => {
    expect(readCsv(await exportText("2024-10-01", "2024-10-01"))).toHaveLength(1);
    expect(
      readCsv(await exportText("2024-09-01", "2024-10-01", new Set(["51738928782"]))).length,
    ).toBeGreaterThan(0);
    expect(readCsv(await exportText("2024-09-01", "2024-10-01", new Set())).length).toBe(0);
  });

  it("refuses a file with an invalid row, whole, naming the line", async () => {
    const lines = readFileSync(SAMPLE, "utf8").split("\n");
    const bad = path.join(dir, "bad.csv");
    writeFileSync(
      bad,
      [lines[0], lines[1], (lines[2] ?? "").replace(/^NULL,[^,]+,/, "NULL,abc,"), ""].join("\n"),
    );
    await expect(importFocusFile(db, bad, "test")).rejects.toThrow(
      /line 3: BilledCost "abc" is not a number/,
    );
    const noHeader = path.join(dir, "not-focus.csv");
    writeFileSync(noHeader, "a,b\n1,2\n");
    await expect(importFocusFile(db, noHeader, "test")).rejects.toBeInstanceOf(FocusParseError);
    expect(await db.focusCharge.count()).toBe(1000);
  });
});
