import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { loadDemo } from "@/lib/collect/load-demo";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { getAccount } from "./get-account";
import { getAccountCosts } from "./get-account-costs";
import { listAccounts } from "./list-accounts";

describe("account reads on the demo organization", () => {
  let tdb: TestDatabase;
  let db: Db;
  let prodId: string;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = createPrismaClient(tdb.url);
    expect((await loadDemo(db, tdb.url)).status).not.toBe("failed");
    prodId = (
      await db.orgUnit.findFirstOrThrow({ where: { path: { endsWith: "/Workloads/Prod" } } })
    ).id;
  });
  afterAll(async () => {
    await db.$disconnect();
    await tdb.drop();
  });

  it("treats an account outside the scope exactly like an unknown one", async () => {
    const outside = await db.account.findFirstOrThrow({
      where: { ou: { NOT: { pathIds: { has: prodId } } } },
    });
    const inside = await db.account.findFirstOrThrow({
      where: { ou: { pathIds: { has: prodId } } },
    });
    const scope = { ouIds: [prodId] };
    expect(await getAccount(db, scope, outside.id)).toBeNull();
    expect(await getAccountCosts(db, scope, outside.id, 14)).toBeNull();
    expect(await getAccount(db, scope, "000000000000")).toBeNull();
    expect((await getAccount(db, scope, inside.id))?.name).toBe(inside.name);
    const list = await listAccounts(db, scope, { limit: 500 });
    expect(list.accounts.every((a) => a.ouPath.includes("/Workloads/Prod"))).toBe(true);
    expect(list.total).toBe(
      await db.account.count({ where: { removedAt: null, ou: { pathIds: { has: prodId } } } }),
    );
  });

  it("sorts findings open first, most severe first, and flags roles trusted from outside", async () => {
    const withOutsideTrust = await db.iamRole.findMany({
      select: { accountId: true, roleName: true, trustPolicy: true },
    });
    const orgIds = new Set((await db.account.findMany({ select: { id: true } })).map((a) => a.id));
    const outsider = withOutsideTrust.find((r) =>
      [...JSON.stringify(r.trustPolicy).matchAll(/arn:aws:iam::(\d{12}):/g)].some(
        (m) => !orgIds.has(m[1] ?? ""),
      ),
    );
    expect(outsider).toBeDefined();
    const account = await getAccount(db, { ouIds: null }, outsider?.accountId ?? "");
    expect(account?.roles.find((r) => r.roleName === outsider?.roleName)?.outsideTrust).toBe(true);
    const statuses = account?.findings.map((f) => f.status) ?? [];
    expect(statuses).toEqual(
      [...statuses].sort((a, b) => Number(b === "open") - Number(a === "open")),
    );
  });

  it("adds up costs: months and services both sum to the total", async () => {
    const top = await db.costMonthly.groupBy({
      by: ["accountId"],
      _count: true,
      orderBy: { _count: { accountId: "desc" } },
      take: 1,
    });
    const costs = await getAccountCosts(db, { ouIds: null }, top[0]?.accountId ?? "", 13);
    expect(costs?.months).toHaveLength(13);
    expect(costs?.months.at(-1)?.estimated).toBe(true);
    const byMonth = costs?.months.reduce((s, m) => s.plus(m.total), new Decimal(0));
    const byService = costs?.services.reduce((s, x) => s.plus(x.total), new Decimal(0));
    expect(byMonth?.equals(costs?.total ?? "0")).toBe(true);
    expect(byService?.equals(costs?.total ?? "0")).toBe(true);
    for (const s of costs?.services ?? [])
      expect(s.byMonth.reduce((a, v) => a.plus(v), new Decimal(0)).equals(s.total)).toBe(true);
  });

  it("searches names, ids and emails literally (no wildcard injection)", async () => {
    const any = await listAccounts(db, { ouIds: null }, { search: "%", limit: 50 });
    expect(any.total).toBe(0);
    const acct = await db.account.findFirstOrThrow({ where: { removedAt: null } });
    const byId = await listAccounts(db, { ouIds: null }, { search: acct.id, limit: 5 });
    expect(byId.accounts.map((a) => a.id)).toContain(acct.id);
  });
});
