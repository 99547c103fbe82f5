// Cost checks on a real organization: the AWS source against moto, Cost Explorer served by a counting
// ledger fake, the store and evaluation against real Postgres, run after run.
import {
  CreateOrganizationalUnitCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENV_SEGREGATION } from "@/lib/domain/checks/env-segregation";
import { MGMT_ACCOUNT_WORKLOADS } from "@/lib/domain/checks/mgmt-account-workloads";
import { addMonths, monthRange } from "@/lib/domain/months";
import type { Db } from "@/lib/db/client";
import { useTestDatabase } from "@/testing/db";
import { startMoto, type MotoServer } from "@/testing/moto";
import { collectAws } from ".";
import { motoCollectOptions, motoConfig } from "@/testing/aws/moto-collect";
import { startCostExplorerProxy, type CostExplorerProxy } from "@/testing/aws/ce-proxy";
import { LedgerCostExplorer, type LedgerLine } from "@/testing/aws/ledger-cost-explorer";
import { awsConfig, buildOrg, createAccount, type MotoOrg } from "@/testing/aws/moto-org";

const TAGS = { owner: "team-a", project: "shop", "cost-center": "cc-1" };

let moto: MotoServer;
let proxy: CostExplorerProxy;
let org: MotoOrg;
let devMixed: string;
let devQuiet: string;
const ce = new LedgerCostExplorer({
  pageSize: 100,
  today: "2025-06-15",
  estimatedFrom: "2025-06-01",
});

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startCostExplorerProxy(moto.endpoint, (input) => ce.handle(input));
  org = await buildOrg(moto.endpoint);
  const orgs = new OrganizationsClient(awsConfig(moto.endpoint));
  const { OrganizationalUnit } = await orgs.send(
    new CreateOrganizationalUnitCommand({ ParentId: org.ous.workloads, Name: "SDLC" }),
  );
  const sdlc = OrganizationalUnit?.Id ?? "";
  devMixed = await createAccount(orgs, "shop-dev", sdlc, { ...TAGS, environment: "dev" });
  devQuiet = await createAccount(orgs, "billing-dev", sdlc, { ...TAGS, environment: "dev" });
  for (const id of [devMixed, devQuiet])
    await orgs.send(
      new MoveAccountCommand({
        AccountId: id,
        SourceParentId: org.rootId,
        DestinationParentId: sdlc,
      }),
    );
  orgs.destroy();
});

afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

/** A month of spend: workloads in the management account; shop-dev runs 32% of its spend as prod, billing-dev 2%. */
function monthOfSpend(month: string, mgmtWorkloads = "500"): LedgerLine[] {
  const line = (
    accountId: string,
    service: string,
    amount: string,
    tags: Record<string, string> = {},
  ): LedgerLine => ({ accountId, month, service, amount, tags });
  return [
    line(org.managementId, "Amazon Elastic Compute Cloud - Compute", mgmtWorkloads),
    line(org.managementId, "AWS Cost Explorer", "12"),
    line(org.accounts.prodApp, "Amazon Elastic Compute Cloud - Compute", "1000", {
      ...TAGS,
      environment: "prod",
    }),
    line(devMixed, "Amazon Elastic Compute Cloud - Compute", "680", {
      ...TAGS,
      environment: "dev",
    }),
    line(devMixed, "Amazon Relational Database Service", "320", { ...TAGS, environment: "prod" }),
    line(devQuiet, "Amazon Elastic Compute Cloud - Compute", "980", {
      ...TAGS,
      environment: "dev",
    }),
    line(devQuiet, "Amazon Simple Storage Service", "20", { ...TAGS, environment: "prod" }),
    line(org.accounts.sandbox, "Amazon Elastic Compute Cloud - Compute", "50"),
  ];
}

/** A run through the Cost Explorer fake, three months of history, into the describe block's store. */
function collectThroughProxy(store: { readonly db: Db; readonly url: string }, now: string) {
  return collectAws(
    store.db,
    store.url,
    motoCollectOptions(proxy.endpoint, new Date(now), {
      config: motoConfig(proxy.endpoint, { historyMonths: 3 }),
      triggeredBy: "test",
    }),
  );
}

describe("cost tag keys", () => {
  const store = useTestDatabase();
  const run = (now: string) => collectThroughProxy(store, now);

  it("collects the environment tag, so a dev account running prod spend is flagged and its look-alikes are not", async () => {
    ce.ledger = monthRange("2025-03-01", "2025-06-01").flatMap((m) => monthOfSpend(m));
    ce.queries.length = 0;
    ce.requests = 0;
    const first = await run("2025-06-15T12:00:00Z");
    expect(first.status).toBe("succeeded");

    const env = await store.db.finding.findMany({
      where: { checkId: ENV_SEGREGATION, status: "open" },
      select: { accountId: true, title: true, severity: true, evidence: true },
    });
    const mixed = env.find((f) => f.accountId === devMixed);
    expect(mixed).toMatchObject({
      title: "shop-dev mixes environments",
      severity: "high",
      evidence: { month: "2025-05-01", spendByValue: { dev: "680.00", prod: "320.00" } },
    });
    // Look-alikes: all prod spend in a prod account; 2% prod (under envMixMinShare) in a dev account.
    expect(
      env.filter((f) => f.accountId === org.accounts.prodApp || f.accountId === devQuiet),
    ).toEqual([]);

    // One query per tag key a check, KPI or chargeback reads, each over the whole history once.
    expect(ce.tagQueries("environment").map((q) => q.TimePeriod)).toEqual([
      { Start: "2025-03-01", End: "2025-06-16" },
    ]);
    const keys = ["cost-center", "environment", "owner", "project"];
    for (const key of keys) expect(ce.tagQueries(key)).toHaveLength(1);
    // Account × service over four months (32 groups, one page); each key (one page); account × charge
    // type and × region (one page each, plain usage only: no per-type detail); the 90-day daily window:
    // 90 × 5 groups, five pages. Plus the first Savings Plans and RI requests: this proxy leaves them to
    // moto, which does not implement them.
    expect(first.ceRequests).toBe(1 + keys.length + 2 + 5 + 2);
    const row = await store.db.collectionRun.findUniqueOrThrow({ where: { id: first.runId } });
    expect(row.costTagKeys).toEqual(keys);
  });

  it("backfills a tag key that has no history yet (a setting changed) and refreshes the others for the open month only", async () => {
    await store.db.setting.upsert({
      where: { key: "environmentTagKey" },
      create: { key: "environmentTagKey", value: "stage" },
      update: { value: "stage" },
    });
    ce.ledger = ce.ledger.map((l) => ({
      ...l,
      tags: { ...l.tags, ...(l.tags?.environment ? { stage: l.tags.environment } : {}) },
    }));
    ce.queries.length = 0;
    const second = await run("2025-06-16T12:00:00Z");
    expect(second.status).toBe("succeeded");
    expect(ce.tagQueries("stage").map((q) => q.TimePeriod)).toEqual([
      { Start: "2025-03-01", End: "2025-06-17" },
    ]);
    expect(ce.tagQueries("owner").map((q) => q.TimePeriod)).toEqual([
      { Start: "2025-06-01", End: "2025-06-17" },
    ]);
    expect(
      await store.db.costByTag.count({ where: { tagKey: "stage", month: new Date("2025-05-01") } }),
    ).toBeGreaterThan(0);
    const mixed = await store.db.finding.findFirstOrThrow({
      where: { checkId: ENV_SEGREGATION, accountId: devMixed },
    });
    expect(mixed).toMatchObject({
      status: "open",
      evidence: { tagKey: "stage", spendByValue: { dev: "680.00", prod: "320.00" } },
    });
  });
});

describe("an incremental run", () => {
  const store = useTestDatabase();
  const run = (now: string) => collectThroughProxy(store, now);
  const kpisOf = async (runId: string) =>
    (
      await store.db.kpiSnapshot.findMany({
        where: { runId },
        orderBy: [{ scopeId: "asc" }, { kpiId: "asc" }],
      })
    ).map((k) => ({
      scope: k.scopeId,
      kpi: k.kpiId,
      value: k.value?.toString() ?? null,
      numerator: k.numerator?.toString() ?? null,
      denominator: k.denominator?.toString() ?? null,
    }));
  const openOf = (checkId: string) =>
    store.db.finding.findMany({ where: { checkId, status: "open" }, select: { accountId: true } });

  it("evaluates an unchanged organization exactly as the full run before it did", async () => {
    ce.spec.estimatedFrom = "2025-06-01";
    ce.ledger = monthRange("2025-03-01", "2025-06-01").flatMap((m) => monthOfSpend(m));
    const first = await run("2025-06-15T12:00:00Z");
    expect(first.status).toBe("succeeded");
    expect(await openOf(MGMT_ACCOUNT_WORKLOADS)).toEqual([{ accountId: org.managementId }]);
    expect(await openOf(ENV_SEGREGATION)).toContainEqual({ accountId: devMixed });

    ce.queries.length = 0;
    const second = await run("2025-06-16T12:00:00Z");
    expect(second.status).toBe("succeeded");
    // Only the open month was refetched: account × service, four tag keys, charge types, regions, the days
    // of June; plus both commitment kinds tried again (never read here).
    expect(second.ceRequests).toBe(8 + 2);
    expect(ce.queries.every((q) => (q.TimePeriod?.Start ?? "") >= "2025-06-01")).toBe(true);
    for (const change of ["opened", "resolved", "reopened"])
      expect(second.summary).toHaveProperty(`findings.${change}`, {});
    expect(await kpisOf(second.runId)).toEqual(await kpisOf(first.runId));
    // The months it did not refetch are still stored.
    expect(
      (await store.db.costMonthly.groupBy({ by: ["month"], where: { source: "aws" } })).length,
    ).toBe(4);
  });

  it("still follows a real change: workloads moved out of the management account and prod spend out of the dev account", async () => {
    // July: June's figures are final now and refetched once more, with the change in them.
    ce.spec.today = "2025-07-03";
    ce.spec.estimatedFrom = "2025-07-01";
    ce.ledger = [
      ...monthRange("2025-03-01", "2025-05-01").flatMap((m) => monthOfSpend(m)),
      ...[...monthOfSpend("2025-06-01", "0"), ...monthOfSpend(addMonths("2025-06-01", 1), "0")].map(
        (l) => (l.accountId === devMixed ? { ...l, tags: { ...l.tags, environment: "dev" } } : l),
      ),
    ];
    const third = await run("2025-07-03T12:00:00Z");
    expect(third.status).toBe("succeeded");
    expect(third.summary).toHaveProperty("findings.resolved", {
      [MGMT_ACCOUNT_WORKLOADS]: 1,
      [ENV_SEGREGATION]: 1,
    });
    expect(third.summary).toHaveProperty("findings.opened", {});
    expect(await openOf(MGMT_ACCOUNT_WORKLOADS)).toEqual([]);
  });
});

describe("daily history", () => {
  const store = useTestDatabase();
  const run = (now: string) => collectThroughProxy(store, now);
  const storedDays = async () =>
    (await store.db.costDaily.groupBy({ by: ["day"], orderBy: { day: "asc" } })).map((r) =>
      r.day.toISOString().slice(0, 10),
    );
  const dayTotal = async (day: string) =>
    (
      await store.db.costDaily.aggregate({
        where: { day: new Date(`${day}T00:00:00Z`) },
        _sum: { unblended: true },
      })
    )._sum.unblended?.toString();
  const dailyQueries = () =>
    ce.queries.filter((q) => q.Granularity === "DAILY").map((q) => q.TimePeriod);

  it("backfills the window once, then refetches only days not final, and a widened window only the days it adds", async () => {
    ce.spec.today = "2025-06-15";
    ce.spec.estimatedFrom = "2025-06-01";
    ce.ledger = monthRange("2025-01-01", "2025-06-01").flatMap((m) => monthOfSpend(m));
    ce.queries.length = 0;
    const first = await run("2025-06-15T12:00:00Z");
    expect(first.status).toBe("succeeded");
    expect(dailyQueries()).toEqual([{ Start: "2025-03-18", End: "2025-06-16" }]);
    const days = await storedDays();
    expect(days).toHaveLength(90);
    expect([days[0], days.at(-1)]).toEqual(["2025-03-18", "2025-06-15"]);
    // A day holds the five accounts' month (3,562 USD) spread over its days.
    const april10 = await dayTotal("2025-04-10");
    expect(Number(april10)).toBeCloseTo(3562 / 30, 6);
    expect(Number(await dayTotal("2025-06-10"))).toBeCloseTo(3562 / 30, 6);

    // AWS revises April after the fact (a final month): a later run must not ask for its days again,
    // so the stored day keeps its figure; June (estimated) is refetched and follows the change.
    ce.ledger = ce.ledger.map((l) => ({ ...l, amount: String(Number(l.amount) * 2) }));
    ce.spec.today = "2025-06-16";
    ce.queries.length = 0;
    const second = await run("2025-06-16T12:00:00Z");
    expect(second.status).toBe("succeeded");
    expect(dailyQueries()).toEqual([{ Start: "2025-06-01", End: "2025-06-17" }]);
    expect(await dayTotal("2025-04-10")).toBe(april10);
    expect(Number(await dayTotal("2025-06-10"))).toBeCloseTo((2 * 3562) / 30, 6);
    expect(await storedDays()).toHaveLength(91);

    // The window setting grows to 120 days: the 30 days before the stored ones are backfilled.
    await store.db.setting.upsert({
      where: { key: "dailyCostHistoryDays" },
      create: { key: "dailyCostHistoryDays", value: 120 },
      update: { value: 120 },
    });
    ce.queries.length = 0;
    const third = await run("2025-06-16T12:00:00Z");
    expect(third.status).toBe("succeeded");
    expect(dailyQueries()).toEqual([
      { Start: "2025-02-17", End: "2025-03-18" },
      { Start: "2025-06-01", End: "2025-06-17" },
    ]);
    expect((await storedDays())[0]).toBe("2025-02-17");
  });
});
