// Showback by charge type (RECORD_TYPE) and by region, grouped and filtered, against real Postgres:
// exact sums, scope applied to the dimension facts, and the combinations that cannot be answered refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZCostQuery, type TCostQueryInput } from "@/lib/api/costs";
import { UNSCOPED, type Scope } from "@/lib/domain/access";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { getCosts } from "./get-costs";

const NOW = new Date("2026-05-10T12:00:00Z");
const ALPHA = "111111111111";
const BETA = "222222222222";
const OU_A = "ou-root-aaaaaaaa";
const OU_B = "ou-root-bbbbbbbb";

/** [account, month, dimension, value, unblended] */
const FACTS: [string, string, string, string, string][] = [
  [ALPHA, "2026-03-01", "RECORD_TYPE", "Usage", "1000.0000000001"],
  [ALPHA, "2026-03-01", "RECORD_TYPE", "Credit", "-150.25"],
  [ALPHA, "2026-03-01", "RECORD_TYPE", "Tax", "84.99"],
  [ALPHA, "2026-04-01", "RECORD_TYPE", "Usage", "1100"],
  [ALPHA, "2026-04-01", "RECORD_TYPE", "Tax", "93.5"],
  [BETA, "2026-03-01", "RECORD_TYPE", "Usage", "200"],
  [BETA, "2026-03-01", "RECORD_TYPE", "SavingsPlanRecurringFee", "73"],
  [BETA, "2026-04-01", "RECORD_TYPE", "Credit", "-20"],
  [ALPHA, "2026-03-01", "REGION", "us-east-1", "700.0000000001"],
  [ALPHA, "2026-03-01", "REGION", "global", "234.74"],
  [BETA, "2026-03-01", "REGION", "eu-west-1", "273"],
  [BETA, "2026-04-01", "REGION", "", "-20"],
];

async function seed(db: Db) {
  const at = new Date("2025-01-01T00:00:00Z");
  await db.orgUnit.create({
    data: {
      id: "r-root",
      parentId: null,
      name: "Root",
      path: "Root",
      pathIds: ["r-root"],
      depth: 0,
      firstSeenAt: at,
      lastSeenAt: at,
    },
  });
  for (const [id, name] of [
    [OU_A, "A"],
    [OU_B, "B"],
  ] as const)
    await db.orgUnit.create({
      data: {
        id,
        parentId: "r-root",
        name,
        path: `Root/${name}`,
        pathIds: ["r-root", id],
        depth: 1,
        firstSeenAt: at,
        lastSeenAt: at,
      },
    });
  for (const [id, name, ouId] of [
    [ALPHA, "alpha", OU_A],
    [BETA, "beta", OU_B],
  ] as const)
    await db.account.create({
      data: {
        id,
        name,
        email: `${id}@example.com`,
        status: "ACTIVE",
        joinedMethod: "CREATED",
        joinedAt: at,
        ouId,
        costCenter: null,
        firstSeenAt: at,
        lastSeenAt: at,
      },
    });
  await db.costByDimension.createMany({
    data: FACTS.map(([accountId, month, dimension, value, unblended]) => ({
      accountId,
      month: new Date(month),
      dimension,
      value,
      unblended,
      amortized: unblended,
      net: unblended,
      estimated: false,
    })),
  });
}

describe("showback by charge type and region", () => {
  let tdb: TestDatabase;
  let db: Db;
  const costs = (q: TCostQueryInput, scope: Scope = UNSCOPED) =>
    getCosts(db, scope, ZCostQuery.parse({ from: "2026-03", to: "2026-04", ...q }), NOW);
  const totals = (r: Awaited<ReturnType<typeof costs>>) =>
    Object.fromEntries(r.groups.map((g) => [g.label, g.total]));

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = createPrismaClient(tdb.url);
    await seed(db);
  });
  afterAll(async () => {
    await db.$disconnect();
    await tdb.drop();
  });

  it("groups by charge type with exact totals, credits as their own negative group", async () => {
    const r = await costs({ groupBy: "charge-type" });
    expect(totals(r)).toEqual({
      Usage: "2300.0000000001",
      Credit: "-170.25",
      Tax: "178.49",
      SavingsPlanRecurringFee: "73",
    });
    expect(r.totals.total).toBe("2381.2400000001");
  });

  it("groups by region, with spend that has none in its own bucket", async () => {
    const r = await costs({ groupBy: "region" });
    expect(totals(r)).toEqual({
      "us-east-1": "700.0000000001",
      "eu-west-1": "273",
      global: "234.74",
      "(no region)": "-20",
    });
  });

  it("filters by one charge type, grouped by account or OU", async () => {
    const credits = await costs({ groupBy: "account", chargeType: "Credit" });
    expect(totals(credits)).toEqual({ alpha: "-150.25", beta: "-20" });
    expect(credits.query.chargeType).toBe("Credit");
    const tax = await costs({ groupBy: "ou", chargeType: "Tax" });
    expect(totals(tax)).toEqual({ A: "178.49" });
    const inRegion = await costs({ groupBy: "account", region: "eu-west-1" });
    expect(totals(inRegion)).toEqual({ beta: "273" });
  });

  it("shows a scoped caller only their OUs' charge types", async () => {
    const r = await costs({ groupBy: "charge-type" }, { ouIds: [OU_B] });
    expect(totals(r)).toEqual({ Usage: "200", SavingsPlanRecurringFee: "73", Credit: "-20" });
    await expect(
      costs({ groupBy: "charge-type", account: ALPHA }, { ouIds: [OU_B] }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("refuses what monthly account-level facts cannot answer, naming the reason", async () => {
    await expect(costs({ groupBy: "charge-type", granularity: "daily" })).rejects.toMatchObject({
      status: 400,
      code: "DIMENSION_NEEDS_MONTHLY",
    });
    await expect(costs({ groupBy: "service", chargeType: "Credit" })).rejects.toMatchObject({
      status: 400,
      code: "DIMENSION_FILTER_UNSUPPORTED",
    });
    await expect(costs({ groupBy: "region", chargeType: "Credit" })).rejects.toMatchObject({
      code: "DIMENSION_FILTER_UNSUPPORTED",
    });
    expect(ZCostQuery.safeParse({ chargeType: "x".repeat(101) }).success).toBe(false);
  });
});
