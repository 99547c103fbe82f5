import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { loadDemo } from "@/lib/collect/load-demo";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { toCentsHalfUp } from "@/lib/domain/allocation/largest-remainder";
import { addMonths, monthOf } from "@/lib/domain/months";
import { AppError } from "@/lib/errors";
import { byteStream } from "@/lib/export/csv";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { buildMonthChargeback } from "./build-month-chargeback";
import { chargebackCsvPieces } from "./chargeback-csv";
import { closePeriod } from "./close-period";
import { createAllocationRule } from "./create-allocation-rule";
import { reopenPeriod } from "./reopen-period";

const admin = { email: "admin@example.com", scope: { ouIds: null } };
const total = (
  rows: { directCents: bigint; sharedCents: bigint; adjustsMonth: string | null }[],
  adjustments = false,
) =>
  rows
    .filter((r) => (r.adjustsMonth !== null) === adjustments)
    .reduce((s, r) => s + r.directCents + r.sharedCents, 0n);

describe("period close", () => {
  let tdb: TestDatabase;
  let db: Db;
  const current = monthOf(new Date());
  const m1 = addMonths(current, -2);
  const m2 = addMonths(current, -1);

  const orgTotalCents = async (month: string) => {
    const [row] = z
      .array(z.object({ t: z.string() }))
      .parse(
        await db.$queryRaw`SELECT coalesce(sum(unblended), 0)::text AS t FROM cost_monthly WHERE month = ${month}::date`,
      );
    return toCentsHalfUp(row?.t ?? "0");
  };
  const conflictOf = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => (e instanceof AppError ? `${e.status} ${e.message}` : String(e)),
    );

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = createPrismaClient(tdb.url);
    await loadDemo(db, tdb.url, { evaluate: false });
    // These tests define their own shared-cost rules: start from none, not the demo's defaults.
    await db.allocationRule.deleteMany({});
    const shared = await db.account.findFirstOrThrow({
      where: { name: "shared-network" },
      select: { id: true },
    });
    const workloads = await db.orgUnit.findFirstOrThrow({
      where: { name: "Workloads" },
      select: { id: true },
    });
    await createAllocationRule(db, admin, {
      validFrom: addMonths(current, -12),
      rule: {
        name: "Shared network",
        sourceAccounts: [shared.id],
        sourceServices: [],
        method: "proportional",
        targets: [{ kind: "ou", id: workloads.id }],
      },
    });
  }, 240_000);
  afterAll(async () => {
    await db?.$disconnect();
    await tdb?.drop();
  });

  it("reconciles every month to the organization's total, with the shared network spread over Workloads", async () => {
    for (const month of [m1, m2, current]) {
      const cb = await buildMonthChargeback(db, month);
      expect(total(cb.rows)).toBe(await orgTotalCents(month));
      expect(cb.pools[0]?.sourceCents).toBeGreaterThan(0n);
      expect(cb.rows.reduce((s, r) => s + r.sharedCents, 0n)).toBe(cb.pools[0]?.sourceCents);
    }
    const csv = z
      .array(z.array(z.string()))
      .parse(
        parse(await new Response(byteStream(chargebackCsvPieces(db, tdb.url, m2, null))).text()),
      );
    expect(csv[0]).toEqual([
      "month",
      "cost_center",
      "account_id",
      "account_name",
      "ou_path",
      "direct_cost",
      "shared_allocated",
      "total",
      "adjusts_month",
      "usage",
      "credits_refunds",
      "commitment_fees",
      "tax",
      "support",
    ]);
    const own = csv.slice(1).filter((r) => r[8] === "");
    expect(own.reduce((s, r) => s + toCentsHalfUp(r[7] ?? "0"), 0n)).toBe(await orgTotalCents(m2));
    expect(
      own.every(
        (r) => toCentsHalfUp(r[5] ?? "") + toCentsHalfUp(r[6] ?? "") === toCentsHalfUp(r[7] ?? ""),
      ),
    ).toBe(true);
  });

  it("refuses to close the open month and estimated months", async () => {
    expect(await conflictOf(closePeriod(db, admin, current))).toMatch(/^409 .*not over yet/);
    await db.$executeRaw`UPDATE cost_monthly SET estimated = true WHERE month = ${m1}::date AND service = 'Tax'`;
    expect(await conflictOf(closePeriod(db, admin, m1, new Date()))).toMatch(/^409 .*estimated/);
    await db.$executeRaw`UPDATE cost_monthly SET estimated = false WHERE month = ${m1}::date`;
    expect(await conflictOf(closePeriod(db, { ...admin, scope: { ouIds: ["ou-x"] } }, m1))).toMatch(
      /^403/,
    );
  });

  it("freezes a closed month: later data changes leave it as issued and appear as an adjustment in the next open month", async () => {
    const before = await buildMonthChargeback(db, m1);
    await closePeriod(db, admin, m1);
    const frozen = await buildMonthChargeback(db, m1);
    expect(frozen.closed?.closedBy).toBe(admin.email);
    expect(total(frozen.rows)).toBe(total(before.rows));

    const [biggest] = z.array(z.object({ id: z.string() })).parse(
      await db.$queryRaw`
      SELECT a.id FROM account a JOIN cost_monthly c ON c.account_id = a.id AND c.month = ${m1}::date
      WHERE a.cost_center IS NOT NULL AND a.name LIKE '%-prod' GROUP BY a.id ORDER BY sum(c.unblended) DESC LIMIT 1`,
    );
    const account = await db.account.findUniqueOrThrow({
      where: { id: biggest?.id ?? "" },
      select: { id: true, costCenter: true },
    });
    await db.$executeRaw`UPDATE cost_monthly SET unblended = unblended + 123.456 WHERE month = ${m1}::date AND account_id = ${account.id} AND service = (SELECT min(service) FROM cost_monthly WHERE month = ${m1}::date AND account_id = ${account.id})`;
    const changed = await orgTotalCents(m1);
    const after = await buildMonthChargeback(db, m1);
    expect(after.rows).toEqual(frozen.rows);
    expect(after.liveTotalCents).toBe(changed);
    expect(after.pending).toEqual({ totalCents: changed - total(before.rows), appearsIn: m2 });

    const next = await buildMonthChargeback(db, m2);
    const adjustments = next.rows.filter((r) => r.adjustsMonth === m1);
    expect(total(next.rows, true)).toBe(changed - total(before.rows));
    expect(
      adjustments.some((r) => r.accountId === account.id && r.costCenter === account.costCenter),
    ).toBe(true);
    expect(total(next.rows)).toBe(await orgTotalCents(m2));

    await closePeriod(db, admin, m2);
    const closedNext = await buildMonthChargeback(db, m2);
    expect(total(closedNext.rows, true)).toBe(changed - total(before.rows));
    expect((await buildMonthChargeback(db, m1)).pending).toBeNull();
    expect((await buildMonthChargeback(db, current)).rows.some((r) => r.adjustsMonth)).toBe(false);
  });

  it("re-opens only in order (a month whose corrections were issued later stays closed), and audits it", async () => {
    expect(await conflictOf(reopenPeriod(db, admin, m1))).toMatch(
      /^409 Adjustments for .* re-open/,
    );
    await reopenPeriod(db, admin, m2);
    expect(
      (await buildMonthChargeback(db, m2)).rows.filter((r) => r.adjustsMonth === m1).length,
    ).toBeGreaterThan(0);
    await reopenPeriod(db, admin, m1);
    const live = await buildMonthChargeback(db, m1);
    expect(live.closed).toBeNull();
    expect(total(live.rows)).toBe(await orgTotalCents(m1));
    expect(await db.chargebackLine.count()).toBe(0);
    const actions = (
      await db.auditEvent.findMany({
        where: { action: { startsWith: "chargeback." } },
        orderBy: { id: "asc" },
      })
    ).map((e) => `${e.action} ${e.target}`);
    expect(actions).toEqual([
      "chargeback.rule.create shared-network",
      `chargeback.period.close ${m1}`,
      `chargeback.period.close ${m2}`,
      `chargeback.period.reopen ${m2}`,
      `chargeback.period.reopen ${m1}`,
    ]);
  });
});
