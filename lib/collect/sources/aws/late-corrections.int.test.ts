// Late corrections end to end: the AWS source against moto, Cost Explorer served by the counting
// ledger fake whose past months are revised between runs, the store and chargeback on real Postgres.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import Decimal from "decimal.js";
import type { Db } from "@/lib/db/client";
import { toCentsHalfUp } from "@/lib/domain/allocation/largest-remainder";
import { monthRange } from "@/lib/domain/months";
import { buildMonthChargeback } from "@/lib/server/chargeback/build-month-chargeback";
import { closePeriod } from "@/lib/server/chargeback/close-period";
import { useTestDatabase } from "@/testing/db";
import { startMoto, type MotoServer } from "@/testing/moto";
import { motoCollectOptions, motoConfig } from "@/testing/aws/moto-collect";
import { startCostExplorerProxy, type CostExplorerProxy } from "@/testing/aws/ce-proxy";
import { LedgerCostExplorer, type LedgerLine } from "@/testing/aws/ledger-cost-explorer";
import { buildOrg, type MotoOrg } from "@/testing/aws/moto-org";
import { collectAws } from ".";

const admin = { email: "finops@example.com", scope: { ouIds: null } };
const EC2 = "Amazon Elastic Compute Cloud - Compute";

let moto: MotoServer;
let proxy: CostExplorerProxy;
let org: MotoOrg;
const ce = new LedgerCostExplorer({
  pageSize: 100,
  today: "2025-06-15",
  estimatedFrom: "2025-06-01",
});

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startCostExplorerProxy(moto.endpoint, (input) => ce.handle(input));
  org = await buildOrg(moto.endpoint);
});

afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

function monthOfSpend(month: string): LedgerLine[] {
  return [
    { accountId: org.managementId, month, service: "AWS Cost Explorer", amount: "12.34" },
    { accountId: org.accounts.prodApp, month, service: EC2, amount: "1000.0625" },
    { accountId: org.accounts.sandbox, month, service: EC2, amount: "50" },
  ];
}

/** Sets "today" in the fake: months from the current one on are still estimated. */
function today(day: string) {
  ce.spec.today = day;
  ce.spec.estimatedFrom = `${day.slice(0, 7)}-01`;
}

describe("late corrections", () => {
  const store = useTestDatabase();
  const run = (now: string) =>
    collectAws(
      store.db,
      store.url,
      motoCollectOptions(proxy.endpoint, new Date(now), {
        config: motoConfig(proxy.endpoint, { historyMonths: 4 }),
        triggeredBy: "test",
      }),
    );
  const firstQueryStarts = () => ce.queries.map((q) => q.TimePeriod?.Start ?? "");
  const refetchOf = (db: Db, runId: string) =>
    db.costRefetchMonth.findMany({ where: { runId }, orderBy: { month: "asc" } });
  const orgTotalCents = async (month: string) => {
    const [row] = z
      .array(z.object({ t: z.string() }))
      .parse(
        await store.db
          .$queryRaw`SELECT coalesce(sum(unblended), 0)::text AS t FROM cost_monthly WHERE month = ${month}::date`,
      );
    return toCentsHalfUp(row?.t ?? "0");
  };
  const ownCents = (
    rows: { directCents: bigint; sharedCents: bigint; adjustsMonth: string | null }[],
    adjusting: string | null,
  ) =>
    rows
      .filter((r) => r.adjustsMonth === adjusting)
      .reduce((s, r) => s + r.directCents + r.sharedCents, 0n);

  it("a refetch not due yet asks for no final month; a due one turns a closed month's credit into an adjustment and updates an open one", async () => {
    ce.ledger = monthRange("2025-02-01", "2025-06-01").flatMap(monthOfSpend);
    today("2025-06-15");
    const first = await run("2025-06-15T06:00:00Z");
    expect(first.status).toBe("succeeded");
    // The backfill settles the schedule: no refetch again this calendar month.
    expect(await store.db.costRefetch.findMany({ select: { full: true } })).toEqual([
      { full: true },
    ]);
    await closePeriod(store.db, admin, "2025-04-01", new Date("2025-06-16T00:00:00Z"));
    const issued = await buildMonthChargeback(store.db, "2025-04-01");

    // AWS revises April (closed) with a credit and May (final, open) with tax.
    ce.ledger.push(
      {
        accountId: org.accounts.prodApp,
        month: "2025-04-01",
        service: EC2,
        amount: "-37.2500001",
        recordType: "Credit",
      },
      {
        accountId: org.accounts.sandbox,
        month: "2025-05-01",
        service: "Tax",
        amount: "10.5",
        recordType: "Tax",
      },
    );
    ce.queries.length = 0;
    ce.requests = 0;
    const notDue = await run("2025-06-28T06:00:00Z");
    expect(notDue.status).toBe("succeeded");
    expect(ce.requests).toBeGreaterThan(0);
    expect(firstQueryStarts().every((s) => s >= "2025-06-01")).toBe(true);
    expect(await store.db.costRefetchMonth.count()).toBe(0);
    expect((await buildMonthChargeback(store.db, "2025-04-01")).pending).toBeNull();

    // The first run of July: due. April and May are asked for again; June is estimated anyway.
    today("2025-07-02");
    ce.ledger.push(...monthOfSpend("2025-07-01"));
    ce.queries.length = 0;
    const due = await run("2025-07-02T06:00:00Z");
    expect(due.status).toBe("succeeded");
    expect(firstQueryStarts()).toContain("2025-04-01");
    // Days of final months are not refetched.
    expect(
      ce.queries
        .filter((q) => q.Granularity === "DAILY")
        .every((q) => (q.TimePeriod?.Start ?? "") >= "2025-06-01"),
    ).toBe(true);
    const refetched = await refetchOf(store.db, due.runId);
    expect(refetched.map((r) => [r.month.toISOString().slice(0, 10), r.periodClosed])).toEqual([
      ["2025-04-01", true],
      ["2025-05-01", false],
    ]);
    const [april, may] = refetched;
    expect(april?.currentTotal.minus(april.previousTotal).toString()).toBe("-37.2500001");
    expect(april?.previousTotal.toString()).toBe(new Decimal("1062.4025").toString());
    expect(may?.currentTotal.minus(may.previousTotal).toString()).toBe("10.5");

    // April stays as issued; its credit is an adjustment line carried by May, the next open month.
    const closed = await buildMonthChargeback(store.db, "2025-04-01");
    expect(closed.rows).toEqual(issued.rows);
    const credit = (await orgTotalCents("2025-04-01")) - ownCents(issued.rows, null);
    expect(credit).toBe(-3725n);
    expect(closed.pending).toEqual({ totalCents: credit, appearsIn: "2025-05-01" });
    const next = await buildMonthChargeback(store.db, "2025-05-01");
    const lines = next.rows.filter((r) => r.adjustsMonth === "2025-04-01");
    expect(ownCents(lines, "2025-04-01")).toBe(-3725n);
    expect(lines.some((r) => r.accountId === org.accounts.prodApp)).toBe(true);
    // May was not closed: simply updated, tax included.
    expect(ownCents(next.rows, null)).toBe(await orgTotalCents("2025-05-01"));
    expect(next.closed).toBeNull();
  });

  it("look-alike: a due refetch returning identical figures records the months unchanged and creates no adjustment", async () => {
    // May carries April's credit once closed; nothing is pending after.
    await closePeriod(store.db, admin, "2025-05-01", new Date("2025-07-10T00:00:00Z"));
    await store.db.setting.upsert({
      where: { key: "lateCorrectionMonths" },
      create: { key: "lateCorrectionMonths", value: 4 },
      update: { value: 4 },
    });
    const lines = await store.db.chargebackLine.count();
    today("2025-08-03");
    ce.ledger.push(...monthOfSpend("2025-08-01"));
    const again = await run("2025-08-03T06:00:00Z");
    expect(again.status).toBe("succeeded");
    const refetched = await refetchOf(store.db, again.runId);
    expect(refetched.map((r) => r.month.toISOString().slice(0, 10))).toEqual([
      "2025-04-01",
      "2025-05-01",
      "2025-06-01",
    ]);
    for (const r of refetched) expect(r.currentTotal.equals(r.previousTotal)).toBe(true);
    expect(refetched.map((r) => r.periodClosed)).toEqual([true, true, false]);
    expect(await store.db.chargebackLine.count()).toBe(lines);
    expect((await buildMonthChargeback(store.db, "2025-04-01")).pending).toBeNull();
    expect((await buildMonthChargeback(store.db, "2025-05-01")).pending).toBeNull();
    const june = await buildMonthChargeback(store.db, "2025-06-01");
    expect(june.rows.some((r) => r.adjustsMonth)).toBe(false);
  });
});
