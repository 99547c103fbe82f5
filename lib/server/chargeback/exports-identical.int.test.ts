// The chargeback and FOCUS CSV files written by Postgres are the files the Node implementation wrote,
// byte for byte: the old code is kept as the reference (testing/reference/) and both run on the same
// demo database, made awkward on purpose (quotes, commas, line breaks, formula-looking and unicode
// names, edge whitespace, negative amounts, odd tags, imported FOCUS rows, closed and empty months).
import { Prisma } from "@/lib/generated/prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "@/lib/collect/load-demo";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { addMonths } from "@/lib/domain/months";
import { byteStream, csvStream } from "@/lib/export/csv";
import { focusCsvPieces } from "@/lib/focus/export-focus";
import { importFocusFile } from "@/lib/focus/import-focus";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { chargebackCsvRows } from "@/testing/reference/chargeback-csv-rows";
import { focusCsvRows } from "@/testing/reference/focus-csv-rows";
import { chargebackCsvPieces } from "./chargeback-csv";
import { closePeriod } from "./close-period";
import { listCostMonths } from "./list-cost-months";

const admin = { email: "admin@example.com", scope: { ouIds: null } };
const bytes = async (s: ReadableStream<Uint8Array>) =>
  Buffer.from(await new Response(s).arrayBuffer());

/** Names a spreadsheet or a CSV parser could trip on, one per demo account. */
const AWKWARD_NAMES = [
  '=HYPERLINK("http://evil.example","x")',
  "+SUM(1,2)",
  "-cmd|' /C calc'!A0",
  "@import",
  "\tTabbed",
  "\rCarriage",
  "-12.50",
  "Café ☕ Zürich — 東京",
  "a, b and c",
  'say "hi"',
  "line one\nline two",
  "crlf\r\ninside",
  "ends with CR\r",
  " leading space",
  "trailing nbsp\u00a0",
  "\u3000ideographic space",
  "",
];
const AWKWARD_SERVICES = [
  "=1+1",
  'Service "quoted", with comma',
  "-5",
  " Spaced ",
  "Amazon Séance ☁",
];

describe("exports written by Postgres are the bytes the Node implementation wrote", () => {
  let tdb: TestDatabase;
  let db: Db;
  let months: string[];
  let closed: string;
  let someAccounts: Set<string>;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = createPrismaClient(tdb.url);
    await loadDemo(db, tdb.url, { evaluate: false });
    const accounts = await db.account.findMany({ orderBy: { id: "asc" }, select: { id: true } });
    for (const [i, name] of AWKWARD_NAMES.entries()) {
      const a = accounts[i];
      if (a)
        await db.account.update({
          where: { id: a.id },
          data: {
            name,
            costCenter: i % 3 === 0 ? `=cc${i}, "x"` : undefined,
            // Integer-like keys come first in a JavaScript object; non-string values are dropped.
            tags: { zeta: "z", "10": "ten", "2": 'q"uote', ünï: "☃", n: 5, team: " x " },
          },
        });
    }
    const ou = await db.orgUnit.findFirstOrThrow({ where: { parentId: { not: null } } });
    await db.orgUnit.update({ where: { id: ou.id }, data: { path: `${ou.path}/"odd", =ou` } });
    months = (await listCostMonths(db)).map((m) => m.month).sort();
    const last = months.at(-2) ?? "";
    const first = accounts[0]?.id ?? "";
    for (const [i, service] of AWKWARD_SERVICES.entries()) {
      await db.costMonthly.create({
        data: {
          accountId: first,
          month: new Date(`${last}T00:00:00Z`),
          service,
          unblended: new Prisma.Decimal(i === 2 ? "-42.1234567890" : "12.5000000000"),
          amortized: new Prisma.Decimal("0.0000000001"),
          net: new Prisma.Decimal("-0.0000000000"),
        },
      });
    }
    // A source that needs the formula guard and quoting (its cell is written once per source), and
    // spend of an account the organization no longer lists (its account cells come from the row).
    for (const [accountId, source] of [
      [first, '=src, "quoted"'],
      ["999999999999", "aws"],
    ] as const)
      await db.costMonthly.create({
        data: {
          accountId,
          month: new Date(`${last}T00:00:00Z`),
          service: "AmazonEC2",
          source,
          unblended: new Prisma.Decimal("7.5"),
          amortized: new Prisma.Decimal("7.5"),
          net: new Prisma.Decimal("7.5"),
        },
      });
    // Charge types: a credit, a discount, a refund on an awkward service, a fee that leaves no usage.
    await db.costCharge.createMany({
      data: [
        ["=1+1", "Credit", "-2.5"],
        ['Service "quoted", with comma', "Enterprise Discount Program Discount", "-1.25"],
        ["-5", "Refund", "-0.0000000001"],
        ["Amazon Séance ☁", "Fee", "12.5"],
      ].map(([service, recordType, amount]) => ({
        accountId: first,
        month: new Date(`${last}T00:00:00Z`),
        service: service ?? "",
        recordType: recordType ?? "",
        unblended: new Prisma.Decimal(amount ?? "0"),
        amortized: new Prisma.Decimal(amount ?? "0"),
        net: new Prisma.Decimal(amount ?? "0"),
      })),
    });
    await importFocusFile(db, "/work/shared/data/focus_sample.csv", 'sample, "v1"');
    closed = months[1] ?? "";
    await closePeriod(db, admin, closed);
    // A change after the close: the next open month carries an adjustment for it.
    const spent = await db.costMonthly.findFirstOrThrow({
      where: { month: new Date(`${closed}T00:00:00Z`) },
    });
    await db.costMonthly.update({
      where: {
        accountId_month_service_source: {
          accountId: spent.accountId,
          month: spent.month,
          service: spent.service,
          source: spent.source,
        },
      },
      data: { unblended: { increment: new Prisma.Decimal("3.33") } },
    });
    someAccounts = new Set(accounts.filter((_, i) => i % 2 === 0).map((a) => a.id));
  }, 240_000);
  afterAll(async () => {
    await db?.$disconnect();
    await tdb?.drop();
  });

  it("chargeback CSV of every month, an empty month, and a scoped caller's, before and after", async () => {
    const targets = [...months, "2019-01-01"];
    let awkwardSeen = 0;
    for (const visible of [null, someAccounts]) {
      for (const month of targets) {
        const before = await bytes(csvStream(chargebackCsvRows(db, month, visible)));
        // Twice: the first computes and stores the month's lines, the second reads them back.
        for (let i = 0; i < 2; i++) {
          const after = await bytes(byteStream(chargebackCsvPieces(db, tdb.url, month, visible)));
          expect(after.toString("utf8"), `${month} ${visible ? "scoped" : "all"}`).toBe(
            before.toString("utf8"),
          );
          expect(after.equals(before)).toBe(true);
        }
        if (before.includes("'=HYPERLINK")) awkwardSeen++;
      }
    }
    // The awkward rows were really in the files compared (not just headers).
    expect(awkwardSeen).toBeGreaterThan(0);
    const empty = await bytes(byteStream(chargebackCsvPieces(db, tdb.url, "2019-01-01", null)));
    expect(empty.toString()).toBe(
      "month,cost_center,account_id,account_name,ou_path,direct_cost,shared_allocated,total,adjusts_month,usage,credits_refunds,commitment_fees,tax,support\r\n",
    );
    const open = await bytes(
      byteStream(chargebackCsvPieces(db, tdb.url, addMonths(closed, 1), null)),
    );
    expect(open.toString(), "the adjustment of the closed month").toContain(`,${closed},,,,,\r\n`);
    expect(await db.chargebackComputedMonth.count()).toBeGreaterThan(0);
  });

  it("FOCUS CSV of the whole window, one month, an empty range and a scoped caller's, before and after", async () => {
    const first = months[0] ?? "";
    const last = months.at(-1) ?? "";
    const ranges: [string, string][] = [
      [first, last],
      [months.at(-2) ?? "", months.at(-2) ?? ""],
      ["2024-09-01", "2024-10-01"],
      ["2019-01-01", "2019-02-01"],
    ];
    for (const accountIds of [null, someAccounts]) {
      for (const [from, to] of ranges) {
        const q = { from, to, accountIds };
        const before = await bytes(csvStream(focusCsvRows(tdb.url, q)));
        const after = await bytes(byteStream(focusCsvPieces(tdb.url, q)));
        expect(after.toString("utf8"), `${from}..${to} ${accountIds ? "scoped" : "all"}`).toBe(
          before.toString("utf8"),
        );
        expect(after.equals(before)).toBe(true);
      }
    }
    const all = (
      await bytes(byteStream(focusCsvPieces(tdb.url, { from: first, to: last, accountIds: null })))
    ).toString();
    expect(all).toContain("\"'=1+1, Credit, ");
    expect(all).toContain("Café ☕ Zürich — 東京");
    expect(all).toContain(`,"'=src, ""quoted""",`);
    expect(all).toContain(",999999999999,,,{},aws,");
    expect(all).toContain('"{""2"":""q\\""uote"",""10"":""ten""');
    const imported = (
      await bytes(
        byteStream(
          focusCsvPieces(tdb.url, { from: "2024-09-01", to: "2024-10-01", accountIds: null }),
        ),
      )
    )
      .toString()
      .split("\r\n");
    expect(imported.length).toBeGreaterThan(1000);
  });
});
