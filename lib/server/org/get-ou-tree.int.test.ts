import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { loadDemo } from "@/lib/collect/load-demo";
import type { TOuTree, TOuTreeNode } from "@/lib/api/org";
import { resolvePeriod, type Period } from "@/lib/domain/org/period";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { getOuTree } from "./get-ou-tree";

function lastFullMonth(): Period {
  const p = resolvePeriod({}, new Date());
  if (!p.ok) throw new Error(p.error);
  return p.period;
}

describe("getOuTree on the demo organization", () => {
  let tdb: TestDatabase;
  let db: Db;
  let tree: TOuTree;
  const children = (id: string) => tree.nodes.filter((n) => n.parentId === id);

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = createPrismaClient(tdb.url);
    const run = await loadDemo(db, tdb.url);
    expect(run.status).not.toBe("failed");
    tree = await getOuTree(db, { ouIds: null }, lastFullMonth());
  });
  afterAll(async () => {
    await db.$disconnect();
    await tdb.drop();
  });

  it("rolls every OU up from its children: accounts, spend, compliant accounts", () => {
    const ous = tree.nodes.filter((n) => n.kind === "ou");
    expect(ous.length).toBeGreaterThan(3);
    for (const ou of ous) {
      const kids = children(ou.id);
      expect(ou.accountCount, ou.name).toBe(kids.reduce((s, k) => s + k.accountCount, 0));
      expect(ou.compliantAccounts, ou.name).toBe(kids.reduce((s, k) => s + k.compliantAccounts, 0));
      expect(
        new Decimal(ou.spend).equals(kids.reduce((s, k) => s.plus(k.spend), new Decimal(0))),
        ou.name,
      ).toBe(true);
    }
  });

  it("matches the database at the root: accounts, spend and open findings", async () => {
    const root = tree.nodes.find((n) => n.parentId === null);
    const period = lastFullMonth();
    const [spend] = await db.$queryRaw<{ total: string }[]>`
      SELECT coalesce(sum(c.unblended), 0)::text AS total FROM cost_monthly c JOIN account a ON a.id = c.account_id
      WHERE a.removed_at IS NULL AND c.month = ${period.from}::date`;
    const open = await db.finding.count({
      where: {
        status: "open",
        severity: { not: "info" },
        OR: [{ mutedUntil: null }, { mutedUntil: { lte: new Date() } }],
      },
    });
    expect(root?.accountCount).toBe(await db.account.count({ where: { removedAt: null } }));
    expect(new Decimal(root?.spend ?? "0").equals(spend?.total ?? "0")).toBe(true);
    const f = root?.findings;
    expect((f?.critical ?? 0) + (f?.high ?? 0) + (f?.medium ?? 0) + (f?.low ?? 0)).toBe(open);
  });

  it("passes SCPs down: an account inherits its OU's attached and inherited policies", () => {
    const byId = new Map(tree.nodes.map((n) => [n.id, n]));
    for (const acct of tree.nodes.filter((n) => n.kind === "account")) {
      const parent = byId.get(acct.parentId ?? "");
      expect(new Set(acct.inheritedScpIds)).toEqual(
        new Set([...(parent?.inheritedScpIds ?? []), ...(parent?.attachedScpIds ?? [])]),
      );
    }
    const referenced = new Set(
      tree.nodes.flatMap((n) => [...n.attachedScpIds, ...n.inheritedScpIds]),
    );
    expect(new Set(tree.policies.map((p) => p.id))).toEqual(referenced);
  });

  it("leaves out a muted finding until its mute expires", async () => {
    const finding = await db.finding.findFirstOrThrow({
      where: { status: "open", accountId: { not: null }, severity: "high" },
    });
    const highs = (t: TOuTree, id: string) => t.nodes.find((n) => n.id === id)?.findings.high ?? 0;
    const before = highs(tree, finding.accountId ?? "");
    await db.finding.update({
      where: { id: finding.id },
      data: { mutedUntil: new Date(Date.now() + 86_400_000) },
    });
    expect(
      highs(await getOuTree(db, { ouIds: null }, lastFullMonth()), finding.accountId ?? ""),
    ).toBe(before - 1);
    await db.finding.update({
      where: { id: finding.id },
      data: { mutedUntil: new Date(Date.now() - 1000) },
    });
    expect(
      highs(await getOuTree(db, { ouIds: null }, lastFullMonth()), finding.accountId ?? ""),
    ).toBe(before);
  });

  it("gives a scoped caller only their subtrees, with their OUs at the top and no parent ids beyond", async () => {
    const prod = await db.orgUnit.findFirstOrThrow({
      where: { path: { endsWith: "/Workloads/Prod" } },
    });
    const scoped = await getOuTree(db, { ouIds: [prod.id] }, lastFullMonth());
    const inScope = await db.account.count({
      where: { removedAt: null, ou: { pathIds: { has: prod.id } } },
    });
    const tops: TOuTreeNode[] = scoped.nodes.filter((n) => n.parentId === null);
    expect(tops.map((n) => n.id)).toEqual([prod.id]);
    expect(scoped.nodes.filter((n) => n.kind === "account")).toHaveLength(inScope);
    const full = tree.nodes.find((n) => n.id === prod.id);
    expect(tops[0]?.spend).toBe(full?.spend);
    expect(tops[0]?.inheritedScpIds).toEqual(full?.inheritedScpIds);
  });
});
