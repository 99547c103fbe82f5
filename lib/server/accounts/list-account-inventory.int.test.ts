import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ZAccountInventoryQuery } from "@/lib/api/accounts";
import { loadDemo } from "@/lib/collect/load-demo";
import { selectInventory } from "@/lib/domain/accounts/select-inventory";
import { useTestDatabase } from "@/testing/db";
import { exportAccountInventoryCsv } from "./export-account-inventory-csv";
import { listAccountInventory } from "./list-account-inventory";

const ZSeverity = z.enum(["critical", "high", "medium", "low", "info"]);
const now = new Date("2026-03-18T09:00:00.000Z");
const query = (q: Record<string, string> = {}) => ZAccountInventoryQuery.parse(q);

describe("the accounts list", () => {
  const t = useTestDatabase();
  let prodOu = "";
  beforeAll(async () => {
    expect((await loadDemo(t.db, t.url, { now })).status).not.toBe("failed");
    prodOu = (
      await t.db.orgUnit.findFirstOrThrow({ where: { path: { endsWith: "/Workloads/Prod" } } })
    ).id;
  }, 180_000);

  it("lists every account of the organization with spend, change, open findings and audit status as stored", async () => {
    const list = await listAccountInventory(t.db, { ouIds: null }, now);
    expect(list.month).toBe("2026-02-01");
    expect(list.accounts).toHaveLength(await t.db.account.count({ where: { removedAt: null } }));
    const top = await t.db.costAccountMonth.findFirstOrThrow({
      where: { month: new Date("2026-02-01") },
      orderBy: { unblended: "desc" },
    });
    const row = list.accounts.find((a) => a.id === top.accountId);
    expect(Number(row?.spend)).toBeCloseTo(top.unblended.toNumber(), 6);
    const prev = await t.db.costAccountMonth.findUniqueOrThrow({
      where: { accountId_month: { accountId: top.accountId, month: new Date("2026-01-01") } },
    });
    expect(row?.changePct).toBeCloseTo(
      ((top.unblended.toNumber() - prev.unblended.toNumber()) / prev.unblended.toNumber()) * 100,
      0,
    );
    const open = await t.db.finding.groupBy({
      by: ["accountId", "severity"],
      where: {
        status: "open",
        accountId: { not: null },
        OR: [{ mutedUntil: null }, { mutedUntil: { lte: now } }],
      },
      _count: true,
    });
    for (const g of open) {
      const a = list.accounts.find((x) => x.id === g.accountId);
      expect(a?.findings[ZSeverity.parse(g.severity)], `${g.accountId} ${g.severity}`).toBe(
        g._count,
      );
    }
    expect(
      list.accounts.reduce(
        (s, a) =>
          s +
          a.findings.critical +
          a.findings.high +
          a.findings.medium +
          a.findings.low +
          a.findings.info,
        0,
      ),
    ).toBe(open.reduce((s, g) => s + g._count, 0));
    const owner = await t.db.account.findFirstOrThrow({
      where: { removedAt: null, tags: { path: ["owner"], not: "null" } },
    });
    expect(list.accounts.find((a) => a.id === owner.id)?.owner).toBeTruthy();
  });

  it("shows a scoped user only the accounts under their OUs", async () => {
    const scoped = await listAccountInventory(t.db, { ouIds: [prodOu] }, now);
    expect(scoped.accounts.length).toBe(
      await t.db.account.count({ where: { removedAt: null, ou: { pathIds: { has: prodOu } } } }),
    );
    expect(scoped.accounts.length).toBeGreaterThan(0);
    expect(scoped.accounts.every((a) => a.ouPath.includes("/Workloads/Prod"))).toBe(true);
  });

  it("searches, filters and sorts, rows without a value last", async () => {
    const { accounts } = await listAccountInventory(t.db, { ouIds: null }, now);
    const bySpend = selectInventory(accounts, query({ sort: "spend", dir: "desc" }));
    expect(bySpend.map((a) => Number(a.spend))).toEqual(
      accounts.map((a) => Number(a.spend)).toSorted((a, b) => b - a),
    );
    const byChange = selectInventory(accounts, query({ sort: "change", dir: "asc" }));
    const firstNull = byChange.findIndex((a) => a.changePct === null);
    if (firstNull >= 0)
      expect(byChange.slice(firstNull).every((a) => a.changePct === null)).toBe(true);
    const prod = selectInventory(accounts, query({ environment: "prod" }));
    expect(prod.length).toBe(
      await t.db.account.count({ where: { removedAt: null, environment: "prod" } }),
    );
    const search = selectInventory(accounts, query({ search: "PAYMENTS" }));
    expect(search.length).toBeGreaterThan(0);
    expect(
      search.every((a) =>
        [a.name, a.ouPath, a.owner, a.email, a.costCenter].some((v) =>
          v?.toLowerCase().includes("payments"),
        ),
      ),
    ).toBe(true);
    const byFindings = selectInventory(accounts, query({ sort: "findings", dir: "desc" }));
    expect(byFindings[0]?.findings.critical).toBe(
      Math.max(...accounts.map((a) => a.findings.critical)),
    );
  });

  it("downloads the same selection and order as CSV, scoped like the list", async () => {
    const rows: (readonly unknown[])[] = [];
    for await (const r of exportAccountInventoryCsv(
      t.db,
      { ouIds: [prodOu] },
      query({ sort: "spend", dir: "desc" }),
      now,
    ))
      rows.push(r);
    const [header, ...body] = rows;
    expect(header?.slice(0, 3)).toEqual(["account_id", "name", "email"]);
    expect(header).toContain("spend_2026-02");
    const list = selectInventory(
      (await listAccountInventory(t.db, { ouIds: [prodOu] }, now)).accounts,
      query({ sort: "spend", dir: "desc" }),
    );
    expect(body.map((r) => r[0])).toEqual(list.map((a) => a.id));
  });
});
