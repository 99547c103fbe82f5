// First: lib/db reads the environment when first imported.
import "@/testing/placeholder-server-env";
// An open month's chargeback lines are stored at their first computation so an export is a read,
// and any change to what they are computed from (a cost fact, a rule, the settings, a close that
// creates an adjustment, an OU default) moves the stored lines out of date: the next export shows the new figure.
// A scoped caller's exports hold only their OUs' accounts.
import { parse } from "csv-parse/sync";
import { Prisma } from "@/lib/generated/prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { loadDemo } from "@/lib/collect/load-demo";
import { createPrismaClient, type Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { byteStream } from "@/lib/export/csv";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { chargebackCsvPieces } from "./chargeback-csv";
import { closePeriod } from "./close-period";
import { createAllocationRule } from "./create-allocation-rule";
import { exportChargeback } from "./export-chargeback";
import { exportFocus } from "./export-focus";
import { getChargeback } from "./get-chargeback";
import { listCostMonths } from "./list-cost-months";
import { setOuCostCenter } from "./set-ou-cost-center";
import { updateChargebackSettings } from "./update-chargeback-settings";

const admin = { email: "admin@example.com", scope: { ouIds: null } };
const ZRows = z.array(z.record(z.string(), z.string()));

describe("stored chargeback lines", () => {
  let tdb: TestDatabase;
  let db: Db;
  let months: string[];
  let month: string;

  const exportRows = async (m = month) =>
    ZRows.parse(
      parse(await new Response(byteStream(chargebackCsvPieces(db, tdb.url, m, null))).text(), {
        columns: true,
      }),
    );
  /** 1 when the month has lines stored for the current inputs (a changed input moves the version on). */
  const stored = async (m = month) =>
    z.array(z.object({ n: z.number() })).parse(
      await db.$queryRaw`SELECT count(*)::int AS n FROM chargeback_computed_month
                           WHERE month = ${m}::date AND inputs_version = (SELECT last_value FROM chargeback_inputs_version)`,
    )[0]?.n;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = createPrismaClient(tdb.url);
    await loadDemo(db, tdb.url, { evaluate: false });
    months = (await listCostMonths(db)).map((m) => m.month).sort();
    month = months.at(-2) ?? "";
  }, 240_000);
  afterAll(async () => {
    await db?.$disconnect();
    await tdb?.drop();
  });

  it("an export stores the month's lines; the next export reads them (no recomputation)", async () => {
    expect(await stored()).toBe(0);
    const first = await exportRows();
    expect(await stored()).toBe(1);
    expect(await db.chargebackComputedLine.count()).toBe(first.length);
    // Rewrite a stored line behind the app's back: a read, not a recomputation, shows it (its
    // written cells cleared, as on lines stored before they were kept: written from the columns).
    await db.chargebackComputedLine.updateMany({
      where: { month: new Date(`${month}T00:00:00Z`), position: 0 },
      data: { directCents: 123456789n, cells: null },
    });
    expect((await exportRows())[0]?.direct_cost).toBe("1234567.89");
  });

  it("stored lines carry their written CSV cells, and an export reads those (same bytes as from the columns)", async () => {
    const m = months.at(-4) ?? "";
    const text = async () =>
      new Response(byteStream(chargebackCsvPieces(db, tdb.url, m, null))).text();
    const fromCells = await text();
    const at = new Date(`${m}T00:00:00Z`);
    const lines = await db.chargebackComputedLine.findMany({
      where: { month: at },
      orderBy: { position: "asc" },
      select: { cells: true },
    });
    expect(lines.length).toBeGreaterThan(0);
    // Line i of the file (after the header) is the month and the stored cells of position i.
    const body = fromCells.split("\r\n").slice(1, -1);
    expect(body).toEqual(lines.map((l) => `${m},${(l.cells ?? "").replace(/\r\n$/, "")}`));
    // A stored cell is what is read: rewritten behind the app's back, the export shows it.
    await db.chargebackComputedLine.updateMany({
      where: { month: at, position: 0 },
      data: { cells: "X,000000000000,read from cells,/,1.00,0.00,1.00,,,,,,\r\n" },
    });
    expect((await text()).split("\r\n")[1]).toBe(
      `${m},X,000000000000,read from cells,/,1.00,0.00,1.00,,,,,,`,
    );
    // Without the cells (lines stored before they were kept), the columns give the same bytes.
    await db.chargebackComputedLine.updateMany({ where: { month: at }, data: { cells: null } });
    const fromColumns = await text();
    expect(fromColumns.split("\r\n").slice(2)).toEqual(fromCells.split("\r\n").slice(2));
  });

  it("opening the month's chargeback computes and stores its lines too", async () => {
    const other = months.at(-3) ?? "";
    expect(await stored(other)).toBe(0);
    const analyst: Principal = { ...admin, kind: "user", name: null, role: "analyst" };
    const view = await getChargeback(db, analyst, other);
    expect(view.month).toBe(other);
    expect(await stored(other)).toBe(1);
  });

  it("a new cost fact moves the stored lines out of date, and the next export shows the new figure", async () => {
    await exportRows();
    const row = await db.costMonthly.findFirstOrThrow({
      where: { month: new Date(`${month}T00:00:00Z`) },
      orderBy: [{ accountId: "asc" }, { service: "asc" }],
    });
    const before = (await exportRows()).filter((r) => r.account_id === row.accountId);
    await db.costMonthly.create({
      data: {
        accountId: row.accountId,
        month: row.month,
        service: "A brand new service",
        unblended: new Prisma.Decimal("1000.00"),
        amortized: new Prisma.Decimal("1000.00"),
        net: new Prisma.Decimal("1000.00"),
      },
    });
    expect(await stored()).toBe(0);
    const after = (await exportRows()).filter((r) => r.account_id === row.accountId);
    const direct = (rows: Record<string, string>[]) =>
      rows.reduce((s, r) => s + Number(r.direct_cost ?? "0") * 100, 0);
    expect(Math.round(direct(after) - direct(before))).toBe(100000);
  });

  it("a new shared-cost rule, a settings change and an OU default each make the stored lines out of date", async () => {
    const shared = await db.account.findFirstOrThrow({ where: { name: "shared-network" } });
    const workloads = await db.orgUnit.findFirstOrThrow({ where: { name: "Workloads" } });
    const sharedOf = (rows: Record<string, string>[]) =>
      rows.filter((r) => r.account_id === shared.id).map((r) => r.total);

    await exportRows();
    await db.allocationRule.deleteMany({});
    expect(await stored()).toBe(0);
    const unshared = await exportRows();
    expect(sharedOf(unshared).length).toBeGreaterThan(0);
    await createAllocationRule(db, admin, {
      validFrom: months[0] ?? "",
      rule: {
        name: "Shared network",
        sourceAccounts: [shared.id],
        sourceServices: [],
        method: "even",
        targets: [{ kind: "ou", id: workloads.id }],
      },
    });
    expect(await stored()).toBe(0);
    const spread = await exportRows();
    // The shared account's own spend now goes to the Workloads accounts.
    expect(sharedOf(spread)).not.toEqual(sharedOf(unshared));

    await updateChargebackSettings(db, admin, {
      allocationOrder: ["ouDefault", "accountTag", "tagSplit"],
      costMetric: "amortized",
    });
    expect(await stored()).toBe(0);
    const amortized = await exportRows();
    expect(amortized.map((r) => r.total)).not.toEqual(spread.map((r) => r.total));

    await setOuCostCenter(db, admin, { ouId: workloads.id, costCenter: "CC-NEW-DEFAULT" });
    expect(await stored()).toBe(0);
    expect((await exportRows()).some((r) => r.cost_center === "CC-NEW-DEFAULT")).toBe(true);
  });

  it("closing a month and then changing its costs puts the adjustment into the next open month's export", async () => {
    const closed = months.at(-4) ?? "";
    const next = months.at(-3) ?? "";
    await exportRows(next);
    await closePeriod(db, admin, closed);
    expect(await stored(next)).toBe(0);
    expect((await exportRows(next)).filter((r) => r.adjusts_month === closed)).toEqual([]);
    const row = await db.costMonthly.findFirstOrThrow({
      where: { month: new Date(`${closed}T00:00:00Z`) },
    });
    await exportRows(next);
    await db.costMonthly.updateMany({
      where: { accountId: row.accountId, month: row.month, service: row.service },
      // Every metric: an earlier test switched the chargeback to amortized cost.
      data: {
        unblended: { increment: new Prisma.Decimal("250") },
        amortized: { increment: new Prisma.Decimal("250") },
        net: { increment: new Prisma.Decimal("250") },
      },
    });
    expect(await stored(next)).toBe(0);
    const adjustments = (await exportRows(next)).filter((r) => r.adjusts_month === closed);
    expect(adjustments.reduce((s, r) => s + Number(r.total) * 100, 0)).toBeCloseTo(25000, 0);
    // The closed month itself is still the frozen lines as issued.
    const issued = await exportRows(closed);
    expect(issued.every((r) => r.adjusts_month === "")).toBe(true);
    expect(await stored(closed)).toBe(0);
  });

  it("a scoped analyst's chargeback and FOCUS downloads hold only their OUs' accounts", async () => {
    const sandbox = await db.orgUnit.findFirstOrThrow({ where: { name: "Sandbox" } });
    const inside = new Set(
      (await db.account.findMany({ where: { ouId: sandbox.id }, select: { id: true } })).map(
        (a) => a.id,
      ),
    );
    expect(inside.size).toBeGreaterThan(0);
    const analyst: Principal = {
      kind: "user",
      email: "analyst@example.com",
      name: null,
      role: "analyst",
      scope: { ouIds: [sandbox.id] },
    };
    const cb = ZRows.parse(
      parse(await (await exportChargeback(db, analyst, month, tdb.url)).text(), {
        columns: true,
      }),
    );
    expect(cb.length).toBeGreaterThan(0);
    expect(cb.filter((r) => !inside.has(r.account_id ?? ""))).toEqual([]);
    // The whole organization's lines are stored; the scoped read still filters them.
    expect((await exportRows()).some((r) => !inside.has(r.account_id ?? ""))).toBe(true);

    const focus = ZRows.parse(
      parse(
        await (
          await exportFocus(db, analyst, { from: months[0] ?? "", to: month }, tdb.url)
        ).text(),
        { columns: true },
      ),
    );
    expect(focus.length).toBeGreaterThan(0);
    expect(focus.filter((r) => !inside.has(r.SubAccountId ?? ""))).toEqual([]);
  });
});
