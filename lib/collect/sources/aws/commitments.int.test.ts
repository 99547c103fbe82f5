// Savings Plans and Reserved Instances on a real organization: the AWS source against moto, Cost
// Explorer's commitment operations served by the counting fake through the proxy (the collector's
// real SDK client, JSON protocol and token paging), the store in real Postgres, run after run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthRange } from "@/lib/domain/months";
import type { Db } from "@/lib/db/client";
import { useTestDatabase } from "@/testing/db";
import { startMoto, type MotoServer } from "@/testing/moto";
import { collectAws } from ".";
import { motoCollectOptions, motoConfig } from "@/testing/aws/moto-collect";
import { startCostExplorerProxy, type CostExplorerProxy } from "@/testing/aws/ce-proxy";
import { commitmentLedger } from "@/testing/aws/commitment-ledger";
import { FakeCommitmentExplorer } from "@/testing/aws/fake-commitments";
import { LedgerCostExplorer } from "@/testing/aws/ledger-cost-explorer";
import { buildOrg, type MotoOrg } from "@/testing/aws/moto-org";

let moto: MotoServer;
let proxy: CostExplorerProxy;
let org: MotoOrg;
const ce = new LedgerCostExplorer({
  pageSize: 100,
  today: "2025-06-15",
  estimatedFrom: "2025-06-01",
});
const fake = new FakeCommitmentExplorer(3);
const MONTHS = monthRange("2025-03-01", "2025-06-01");

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startCostExplorerProxy(moto.endpoint, (input) => ce.handle(input), fake.handle);
  org = await buildOrg(moto.endpoint);
  ce.ledger = MONTHS.map((month) => ({
    accountId: org.accounts.prodApp,
    month,
    service: "Amazon Elastic Compute Cloud - Compute",
    amount: "1000",
  }));
});

afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

function run(store: { readonly db: Db; readonly url: string }, now: string) {
  return collectAws(
    store.db,
    store.url,
    motoCollectOptions(proxy.endpoint, new Date(now), {
      config: motoConfig(proxy.endpoint, { historyMonths: 3 }),
      triggeredBy: "test",
    }),
  );
}

const ids = () => ({
  management: org.managementId,
  prod: org.accounts.prodApp,
  other: org.accounts.sandbox,
});

describe("Savings Plans and Reserved Instances from Cost Explorer", () => {
  const store = useTestDatabase();

  it("backfills four months of coverage and per-commitment utilization, paging every operation with its own token", async () => {
    fake.ledger = commitmentLedger(MONTHS, ids(), "2025-08-01T00:00:00.000Z");
    fake.reset();
    ce.requests = 0;
    const first = await run(store, "2025-06-15T12:00:00Z");
    expect(first.status).toBe("succeeded");

    // 8 account-months of SP coverage at 3 a page: 3 pages, tokens passed back in order.
    expect(fake.requests).toEqual({
      GetSavingsPlansCoverage: 3,
      GetSavingsPlansUtilization: 1,
      GetSavingsPlansUtilizationDetails: 4,
      GetReservationCoverage: 2,
      GetReservationUtilization: 4,
    });
    const spTokens = fake.tokens.GetSavingsPlansCoverage ?? [];
    expect(spTokens[0]).toBeUndefined();
    expect(spTokens.slice(1).every((t) => typeof t === "string")).toBe(true);
    expect(new Set(spTokens).size).toBe(3);
    expect(fake.tokens.GetReservationCoverage?.[1]).toEqual(expect.any(String));
    // Billed like every Cost Explorer request: the run's count and price include them.
    expect(first.ceRequests).toBe(ce.requests + 14);
    const row = await store.db.collectionRun.findUniqueOrThrow({ where: { id: first.runId } });
    expect(row.ceCostUsd?.toFixed(2)).toBe(((ce.requests + 14) / 100).toFixed(2));
    // The reservation utilization request names no granularity (GroupBy forbids it).
    expect(fake.queries.GetReservationUtilization?.[0]).not.toHaveProperty("Granularity");

    const may = new Date("2025-05-01T00:00:00Z");
    const coverage = await store.db.commitmentCoverage.findMany({
      where: { month: may },
      orderBy: [{ kind: "asc" }, { accountId: "asc" }],
    });
    expect(
      coverage.map((c) => [
        c.accountId,
        c.kind,
        c.covered.toString(),
        c.total.toString(),
        c.onDemandCost.toString(),
        c.unit,
      ]),
    ).toEqual(
      [
        [org.accounts.prodApp, "reserved_instance", "1440", "2160", "123.4567", "hours"],
        [org.accounts.prodApp, "savings_plan", "700.25", "1000", "299.75", "usd"],
        [org.accounts.sandbox, "savings_plan", "350", "500.5", "150.5", "usd"],
      ].toSorted(
        (a, b) =>
          String(a[1]).localeCompare(String(b[1])) || String(a[0]).localeCompare(String(b[0])),
      ),
    );
    const usage = await store.db.commitmentUsage.findMany({ where: { month: may } });
    const byId = (a: (string | undefined)[], b: (string | undefined)[]) =>
      String(a[0]).localeCompare(String(b[0]));
    expect(
      usage
        .map((u) => [
          u.commitmentId,
          u.accountId,
          u.commitment.toString(),
          u.used.toString(),
          u.unused.toString(),
          u.endsAt?.toISOString(),
        ])
        .toSorted(byId),
    ).toEqual(
      [
        ["4711", org.accounts.prodApp, "450", "300", "150", "2027-09-01T00:00:00.000Z"],
        [
          `arn:aws:savingsplans::${org.managementId}:savingsplan/sp-compute-1`,
          org.managementId,
          "730",
          "700.25",
          "29.75",
          "2025-08-01T00:00:00.000Z",
        ],
        [
          `arn:aws:savingsplans::${org.accounts.prodApp}:savingsplan/sp-ec2-2`,
          org.accounts.prodApp,
          "365",
          "350",
          "15",
          "2026-01-01T00:00:00.000Z",
        ],
      ].toSorted(byId),
    );
    expect(await store.db.commitmentUsage.count()).toBe(12);
    const orgMay = await store.db.commitmentOrgMonth.findUniqueOrThrow({
      where: { month_kind: { month: may, kind: "savings_plan" } },
    });
    expect([orgMay.commitment.toString(), orgMay.used.toString()]).toEqual(["1095", "1050.25"]);
    expect(
      (await store.db.commitmentFetch.findMany({ orderBy: { kind: "asc" } })).map((f) => f.status),
    ).toEqual(["ok", "ok"]);
  });

  it("refetches only the open month on the next run and keeps the final months as stored", async () => {
    fake.reset();
    // A changed figure in a final month must not be fetched again.
    fake.ledger.spCoverage = fake.ledger.spCoverage.map((l) =>
      l.month === "2025-04-01" ? { ...l, covered: "1" } : l,
    );
    const second = await run(store, "2025-06-16T12:00:00Z");
    expect(second.status).toBe("succeeded");
    expect(fake.totalRequests).toBe(5);
    for (const qs of Object.values(fake.queries))
      for (const q of qs) expect(q.TimePeriod?.Start).toBe("2025-06-01");
    const april = await store.db.commitmentCoverage.findFirstOrThrow({
      where: {
        month: new Date("2025-04-01T00:00:00Z"),
        accountId: org.accounts.prodApp,
        kind: "savings_plan",
      },
    });
    expect(april.covered.toString()).toBe("700.25");
  });
});

describe("an organization whose caller may not read Reserved Instances", () => {
  const store = useTestDatabase();

  it("stores Savings Plans, records the denial, and the run still succeeds", async () => {
    fake.ledger = commitmentLedger(MONTHS, ids(), "2025-08-01T00:00:00.000Z");
    fake.reset();
    fake.deny.add("reserved_instance");
    try {
      const result = await run(store, "2025-06-15T12:00:00Z");
      expect(result.status).toBe("succeeded");
    } finally {
      fake.deny.clear();
    }
    // One denied request, not retried.
    expect(fake.requests.GetReservationCoverage).toBe(1);
    expect(fake.requests.GetReservationUtilization).toBeUndefined();
    const status = await store.db.commitmentFetch.findUniqueOrThrow({
      where: { kind: "reserved_instance" },
    });
    expect(status).toMatchObject({ status: "denied" });
    expect(status.message).toMatch(/AccessDeniedException/);
    expect(await store.db.commitmentCoverage.count({ where: { kind: "reserved_instance" } })).toBe(
      0,
    );
    expect(await store.db.commitmentCoverage.count({ where: { kind: "savings_plan" } })).toBe(8);
    const note = await store.db.runAccountError.findFirst({ where: { phase: "ce" } });
    expect(note?.message).toMatch(/Reserved Instances not read \(denied\)/);
  });
});
