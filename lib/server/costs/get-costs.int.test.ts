import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZCostPageQuery, ZCostQuery, ZCostReport } from "@/lib/api/costs";
import type { z } from "zod";
import { UNSCOPED, type Scope } from "@/lib/domain/access";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { csvStream } from "@/lib/export/csv";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { exportCostsCsv } from "./export-costs-csv";
import { getCosts } from "./get-costs";
import { prepareCostReport } from "./prepare-cost-report";

// A small organization with one move: beta left OU A for B/B1 on 15 March, so its charge-month OU is
// A for January and February and B1 from March (the OU at the month's end).
const NOW = new Date("2026-05-10T12:00:00Z");
const ALPHA = "111111111111";
const BETA = "222222222222";
const GAMMA = "333333333333";
const EVIL = '=HYPERLINK("http://evil.example","click")';
const MONTHS = ["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"];
/** Unblended per account and month (two services each: 60% S1, 40% S2). */
const SPEND: Record<string, number[]> = {
  [ALPHA]: [100, 110, 120, 130, 40],
  [BETA]: [10, 20, 30, 40, 5],
  [GAMMA]: [1, 2, 3, 4, 0.5],
};

async function seed(db: Db) {
  const at = new Date("2025-01-01T00:00:00Z");
  const ous = [
    { id: "r-root", parentId: null, name: "Root", path: "Root", pathIds: ["r-root"], depth: 0 },
    {
      id: "ou-root-aaaaaaaa",
      parentId: "r-root",
      name: "A",
      path: "Root/A",
      pathIds: ["r-root", "ou-root-aaaaaaaa"],
      depth: 1,
    },
    {
      id: "ou-root-bbbbbbbb",
      parentId: "r-root",
      name: "B",
      path: "Root/B",
      pathIds: ["r-root", "ou-root-bbbbbbbb"],
      depth: 1,
    },
    {
      id: "ou-root-b1b1b1b1",
      parentId: "ou-root-bbbbbbbb",
      name: "B1",
      path: "Root/B/B1",
      pathIds: ["r-root", "ou-root-bbbbbbbb", "ou-root-b1b1b1b1"],
      depth: 2,
    },
  ];
  for (const ou of ous)
    await db.orgUnit.create({ data: { ...ou, firstSeenAt: at, lastSeenAt: at } });
  const account = (id: string, name: string, ouId: string, costCenter: string | null) => ({
    id,
    name,
    email: `${id}@example.com`,
    status: "ACTIVE",
    joinedMethod: "CREATED",
    joinedAt: at,
    ouId,
    costCenter,
    firstSeenAt: at,
    lastSeenAt: at,
  });
  await db.account.createMany({
    data: [
      account(ALPHA, "alpha", "ou-root-aaaaaaaa", "cc-1"),
      account(BETA, "beta", "ou-root-b1b1b1b1", null),
      account(GAMMA, EVIL, "ou-root-bbbbbbbb", null),
    ],
  });
  const moved = new Date("2026-03-15T09:00:00Z");
  await db.accountPlacement.createMany({
    data: [
      { accountId: ALPHA, ouId: "ou-root-aaaaaaaa", validFrom: at, validTo: null },
      { accountId: BETA, ouId: "ou-root-aaaaaaaa", validFrom: at, validTo: moved },
      { accountId: BETA, ouId: "ou-root-b1b1b1b1", validFrom: moved, validTo: null },
      { accountId: GAMMA, ouId: "ou-root-bbbbbbbb", validFrom: at, validTo: null },
    ],
  });
  const monthly = Object.entries(SPEND).flatMap(([accountId, amounts]) =>
    MONTHS.flatMap((m, i) => {
      const u = amounts[i] ?? 0;
      const estimated = m === "2026-05-01";
      return [
        {
          accountId,
          month: new Date(m),
          service: "S1",
          unblended: (u * 0.6).toFixed(4),
          amortized: (u * 0.5).toFixed(4),
          net: (u * 0.55).toFixed(4),
          estimated,
          source: "demo",
        },
        {
          accountId,
          month: new Date(m),
          service: "S2",
          unblended: (u * 0.4).toFixed(4),
          amortized: (u * 0.5).toFixed(4),
          net: (u * 0.35).toFixed(4),
          estimated,
          source: "demo",
        },
      ];
    }),
  );
  await db.costMonthly.createMany({ data: monthly });
  await db.costDaily.createMany({
    data: [
      {
        accountId: ALPHA,
        day: new Date("2026-05-01"),
        service: "S1",
        unblended: "3.25",
        amortized: "3",
        net: "3",
      },
      {
        accountId: BETA,
        day: new Date("2026-05-02"),
        service: "S2",
        unblended: "1.5",
        amortized: "1",
        net: "1",
      },
    ],
  });
  await db.costByTag.createMany({
    data: MONTHS.flatMap((m, i) => [
      {
        accountId: ALPHA,
        month: new Date(m),
        tagKey: "team",
        tagValue: "red",
        unblended: String(SPEND[ALPHA]?.[i] ?? 0),
        amortized: "0",
        net: "0",
        estimated: false,
      },
      {
        accountId: BETA,
        month: new Date(m),
        tagKey: "team",
        tagValue: "",
        unblended: String(SPEND[BETA]?.[i] ?? 0),
        amortized: "0",
        net: "0",
        estimated: false,
      },
    ]),
  });
}

describe("getCosts", () => {
  let tdb: TestDatabase;
  let db: Db;
  const costs = (q: z.input<typeof ZCostPageQuery>, scope: Scope = UNSCOPED) =>
    getCosts(db, scope, ZCostPageQuery.parse({ from: "2026-01", to: "2026-05", ...q }), NOW);

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = createPrismaClient(tdb.url);
    await seed(db);
  });
  afterAll(async () => {
    await db.$disconnect();
    await tdb.drop();
  });

  it("keeps the cost_account_month rollup equal to cost_monthly through inserts, upserts, updates and deletes", async () => {
    await db.$executeRaw`UPDATE cost_monthly SET unblended = unblended + 1 WHERE account_id = ${GAMMA} AND service = 'S2'`;
    await db.$executeRaw`DELETE FROM cost_monthly WHERE account_id = ${GAMMA} AND service = 'S2'`;
    await db.$executeRaw`INSERT INTO cost_monthly (account_id, month, service, unblended, amortized, net, estimated, source)
      SELECT account_id, month, 'S2', unblended * 2 / 3, amortized, net * 35 / 55, estimated, 'demo' FROM cost_monthly WHERE account_id = ${GAMMA} AND service = 'S1'`;
    const mismatches = async () => {
      const rows: { n: number }[] = await db.$queryRaw`
        SELECT count(*)::int AS n FROM (
          SELECT account_id, month, sum(unblended) u, sum(amortized) a, sum(net) n, count(*)::int c, (count(*) FILTER (WHERE estimated))::int e
          FROM cost_monthly GROUP BY 1, 2
        ) x FULL JOIN cost_account_month r USING (account_id, month)
        WHERE r.unblended IS DISTINCT FROM x.u OR r.amortized IS DISTINCT FROM x.a OR r.net IS DISTINCT FROM x.n
           OR r.row_count IS DISTINCT FROM x.c OR r.estimated_count IS DISTINCT FROM x.e`;
      return rows[0]?.n;
    };
    expect(await mismatches()).toBe(0);
    // A key that appears, changes through an upsert, and disappears again leaves no row behind.
    await db.$executeRaw`INSERT INTO cost_monthly (account_id, month, service, unblended, amortized, net, estimated, source)
      VALUES (${GAMMA}, '2025-12-01', 'S9', 1, 1, 1, true, 'focus'), (${GAMMA}, '2025-12-01', 'S8', 2, 2, 2, false, 'focus')`;
    await db.$executeRaw`INSERT INTO cost_monthly (account_id, month, service, unblended, amortized, net, estimated, source)
      VALUES (${GAMMA}, '2025-12-01', 'S9', 5, 5, 5, false, 'focus')
      ON CONFLICT (account_id, month, service, source) DO UPDATE SET unblended = EXCLUDED.unblended, estimated = EXCLUDED.estimated`;
    expect(await mismatches()).toBe(0);
    await db.$executeRaw`DELETE FROM cost_monthly WHERE account_id = ${GAMMA} AND month = '2025-12-01'`;
    expect(await mismatches()).toBe(0);
    expect(
      await db.costAccountMonth.count({
        where: { accountId: GAMMA, month: new Date("2025-12-01") },
      }),
    ).toBe(0);
  });

  it("groups by the OU of the charge month, so a move does not rewrite history", async () => {
    const r = await costs({ groupBy: "ou" });
    expect(r.periods.map((p) => p.key)).toEqual(MONTHS);
    expect(r.periods.map((p) => p.estimated)).toEqual([false, false, false, false, true]);
    const byKey = Object.fromEntries(r.groups.map((g) => [g.key, g]));
    expect(byKey["ou-root-aaaaaaaa"]?.values).toEqual(["110", "130", "120", "130", "40"]);
    expect(byKey["ou-root-b1b1b1b1"]?.values).toEqual(["0", "0", "30", "40", "5"]);
    expect(byKey["ou-root-b1b1b1b1"]?.label).toBe("B/B1");
    expect(r.totals.total).toBe("615.5");
    expect(r.groups[0]?.key).toBe("ou-root-aaaaaaaa");
  });

  it("groups by today's OU when asked", async () => {
    const r = await costs({ groupBy: "ou-today" });
    expect(r.groups.find((g) => g.key === "ou-root-b1b1b1b1")?.total).toBe("105");
    expect(r.totals.total).toBe("615.5");
  });

  it("groups by account, service, cost center and tag with exact totals", async () => {
    const accounts = await costs({ groupBy: "account", metric: "amortized" });
    expect(accounts.groups.map((g) => g.label)).toEqual(["alpha", "beta", EVIL]);
    expect(accounts.totals.total).toBe("615.5");
    const services = await costs({ groupBy: "service" });
    expect(services.groups.map((g) => [g.key, g.total])).toEqual([
      ["S1", "369.3"],
      ["S2", "246.2"],
    ]);
    const centers = await costs({ groupBy: "cost-center", metric: "net" });
    expect(centers.groups.map((g) => [g.label, g.total])).toEqual([
      ["cc-1", "450"],
      ["unallocated", "103.95"],
    ]);
    const tags = await costs({ groupBy: "tag:team" });
    expect(tags.groups.map((g) => [g.label, g.total])).toEqual([
      ["red", "500"],
      ["(untagged)", "105"],
    ]);
    expect(tags.untaggedShare).toBe("0.173554");
  });

  it("groups days from cost_daily", async () => {
    const r = await costs({
      groupBy: "account",
      granularity: "daily",
      from: "2026-05",
      to: "2026-05",
    });
    expect(r.periods).toEqual([
      { key: "2026-05-01", estimated: true },
      { key: "2026-05-02", estimated: true },
    ]);
    expect(r.totals).toEqual({ values: ["3.25", "1.5"], total: "4.75" });
  });

  it("filters by OU subtree (charge month or today) and by account", async () => {
    const inA = await costs({ groupBy: "account", ou: "ou-root-aaaaaaaa" });
    expect(inA.groups.map((g) => [g.key, g.total])).toEqual([
      [ALPHA, "500"],
      [BETA, "30"],
    ]);
    expect(inA.filters.ou).toEqual({ id: "ou-root-aaaaaaaa", label: "A" });
    const inAToday = await costs({ groupBy: "account", ou: "ou-root-aaaaaaaa", ouAt: "today" });
    expect(inAToday.groups.map((g) => g.key)).toEqual([ALPHA]);
    const beta = await costs({ groupBy: "service", account: BETA });
    expect(beta.totals.total).toBe("105");
    expect(beta.filters.account).toEqual({ id: BETA, label: "beta" });
  });

  it("shows a scoped caller only the accounts under their OUs, and 404s filters outside them", async () => {
    const scope = { ouIds: ["ou-root-bbbbbbbb"] };
    const r = await costs({ groupBy: "account" }, scope);
    expect(r.groups.map((g) => g.key).sort()).toEqual([BETA, GAMMA]);
    await expect(costs({ groupBy: "account", account: ALPHA }, scope)).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      costs({ groupBy: "account", ou: "ou-root-aaaaaaaa" }, scope),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("answers in the wire schema, unpaged unless a limit is asked for", async () => {
    const r = await costs({ groupBy: "account" });
    expect(ZCostReport.parse(r)).toEqual(r);
    expect(r.page).toEqual({ offset: 0, limit: null, groupCount: 3 });
    const none = await costs({ groupBy: "account", from: "2025-01", to: "2025-02" });
    expect(ZCostReport.parse(none)).toEqual(none);
    expect(none.groups).toEqual([]);
    expect(none.totals).toEqual({ values: ["0", "0"], total: "0" });
    expect(none.page.groupCount).toBe(0);
  });

  it("pages groups largest first, with totals and the count over every group", async () => {
    const all = await costs({ groupBy: "account" });
    const first = await costs({ groupBy: "account", limit: 2 });
    expect(first.groups.map((g) => g.key)).toEqual([ALPHA, BETA]);
    expect(first.page).toEqual({ offset: 0, limit: 2, groupCount: 3 });
    expect(first.totals).toEqual(all.totals);
    const rest = await costs({ groupBy: "account", limit: 2, offset: 2 });
    expect(rest.groups.map((g) => g.key)).toEqual([GAMMA]);
    expect([...first.groups, ...rest.groups]).toEqual(all.groups);
    const past = await costs({ groupBy: "account", limit: 2, offset: 10 });
    expect(past.groups).toEqual([]);
    expect(past.page.groupCount).toBe(3);
    expect(past.totals.total).toBe("615.5");
  });

  it("keeps the untagged share of every group when the untagged bucket is on another page", async () => {
    const tags = await costs({ groupBy: "tag:team", limit: 1 });
    expect(tags.groups.map((g) => g.label)).toEqual(["red"]);
    expect(tags.untaggedShare).toBe("0.173554");
    expect(tags.totals.total).toBe("605");
  });

  it("pages a scoped caller's groups within their OUs only, counting only those", async () => {
    const scope = { ouIds: ["ou-root-bbbbbbbb"] };
    const first = await costs({ groupBy: "account", limit: 1 }, scope);
    expect(first.groups.map((g) => g.key)).toEqual([BETA]);
    expect(first.page.groupCount).toBe(2);
    expect(first.totals.total).toBe("115.5");
    const next = await costs({ groupBy: "account", limit: 1, offset: 1 }, scope);
    expect(next.groups.map((g) => g.key)).toEqual([GAMMA]);
    const past = await costs({ groupBy: "account", limit: 5, offset: 2 }, scope);
    expect(past.groups).toEqual([]);
    expect(past.page.groupCount).toBe(2);
  });

  it("refuses a page size out of range, naming the field", () => {
    for (const limit of ["0", "1001", "abc", "2.5"]) {
      const parsed = ZCostPageQuery.safeParse({ limit });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(["limit"]);
    }
    expect(ZCostPageQuery.safeParse({ offset: "-1" }).error?.issues[0]?.path).toEqual(["offset"]);
    // An offset alone would be ignored (every group is answered): refused instead.
    const alone = ZCostPageQuery.safeParse({ offset: "200" });
    expect(alone.error?.issues[0]?.path).toEqual(["offset"]);
    expect(alone.error?.issues[0]?.message).toMatch(/needs a limit/);
    expect(ZCostPageQuery.safeParse({ offset: "", limit: "" }).success).toBe(true);
    // The export's schema knows no page: a CSV is always complete.
    expect(ZCostQuery.parse({ limit: "1" })).not.toHaveProperty("limit");
  });

  it("rejects tag grouping by day and inverted windows", async () => {
    await expect(costs({ groupBy: "tag:team", granularity: "daily" })).rejects.toMatchObject({
      status: 400,
    });
    await expect(costs({ from: "2026-05", to: "2026-01" })).rejects.toMatchObject({ status: 400 });
  });

  it("exports the same numbers as CSV, formulas neutralized", async () => {
    // A page size on the export's URL is not part of its schema: the file holds every group.
    const plan = await prepareCostReport(
      db,
      UNSCOPED,
      ZCostQuery.parse({ groupBy: "account", from: "2026-01", to: "2026-05", limit: "1" }),
      NOW,
    );
    const { filename, rows } = exportCostsCsv(plan, tdb.url);
    expect(filename).toBe("orglens-costs-account-unblended-monthly-2026-01-to-2026-05");
    const text = await new Response(csvStream(rows)).text();
    const [header, ...body]: string[][] = parse(text);
    expect(header).toEqual(["Account", "Account ID", ...MONTHS, "Total"]);
    expect(body.at(-1)).toEqual(["Total", "", "111", "132", "153", "174", "45.5", "615.5"]);
    expect(body.find((r) => r[1] === GAMMA)?.[0]).toBe(`'${EVIL}`);
    expect(body.map((r) => r[1])).toEqual([ALPHA, BETA, GAMMA, ""]);
    const view = await costs({ groupBy: "account" });
    expect(view.totals.total).toBe(body.at(-1)?.at(-1));
  });
});
