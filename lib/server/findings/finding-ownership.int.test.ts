// First: lib/db reads the environment when first imported.
import "@/testing/placeholder-server-env";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Principal } from "@/lib/domain/access";
import { ZAssignBody, ZFindingsQuery } from "@/lib/api/findings";
import { useTestDatabase } from "@/testing/db";
import { assignFindings } from "./assign-findings";
import { countOverdueByOu } from "./count-overdue-by-ou";
import { exportFindingsCsv } from "./export-findings-csv";
import { listFindings } from "./list-findings";

// Root → BU (→ Shop) and Root → Sandbox; Sue is an analyst over the BU subtree.
const at = new Date("2025-01-01T00:00:00Z");
const DAY = 86_400_000;
const ou = (id: string, pathIds: string[]) => ({
  id,
  name: id,
  path: `Root/${pathIds.slice(1).join("/")}`.replace(/\/$/, ""),
  pathIds,
  depth: pathIds.length - 1,
  firstSeenAt: at,
  lastSeenAt: at,
  ...(pathIds.length > 1 ? { parentId: pathIds.at(-2) } : {}),
});
const account = (id: string, ouId: string) => ({
  id,
  name: `acct-${id.slice(-2)}`,
  email: `${id}@x.example`,
  status: "ACTIVE",
  joinedMethod: "CREATED",
  joinedAt: at,
  ouId,
  firstSeenAt: at,
  lastSeenAt: at,
});
const SHOP = "111111111111";
const SANDBOX = "222222222222";
const RUN = randomUUID();
const who = (
  email: string,
  role: Principal["role"],
  ouIds: string[] | null,
  groups: string[] = [],
): Principal => ({ kind: "user", email, name: null, role, scope: { ouIds }, groups });
const ana = who("ana@corp.example", "analyst", null, ["secops"]);
const sue = who("sue@corp.example", "analyst", ["bu"]);

const ids = {
  shopCritical: randomUUID(),
  shopHigh: randomUUID(),
  shopMuted: randomUUID(),
  shopResolved: randomUUID(),
  sandboxHigh: randomUUID(),
  orgWide: randomUUID(),
};
const finding = (
  id: string,
  severity: string,
  accountId: string | null,
  extra: { status?: string; mutedUntil?: Date; firstSeenAt?: Date } = {},
) => ({
  id,
  fingerprint: `F:${id}`,
  checkId: "IAM_LOCAL_USERS",
  category: "identity-access",
  severity,
  accountId,
  title: `t-${id.slice(0, 4)}`,
  message: "m",
  status: extra.status ?? "open",
  firstSeenRunId: RUN,
  lastSeenRunId: RUN,
  firstSeenAt: extra.firstSeenAt ?? new Date(Date.now() - 10 * DAY),
  lastSeenAt: new Date(),
  mutedUntil: extra.mutedUntil ?? null,
});

const body = (b: unknown) => ZAssignBody.parse(b);
const query = (q: Record<string, string>) => ZFindingsQuery.parse(q);

async function csv(gen: AsyncGenerator<readonly unknown[]>): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  for await (const r of gen) rows.push([...r]);
  return rows;
}

describe("finding ownership", () => {
  const t = useTestDatabase(async (db) => {
    await db.orgUnit.createMany({
      data: [
        ou("root", ["root"]),
        ou("bu", ["root", "bu"]),
        ou("shop", ["root", "bu", "shop"]),
        ou("sandbox", ["root", "sandbox"]),
      ],
    });
    await db.account.createMany({ data: [account(SHOP, "shop"), account(SANDBOX, "sandbox")] });
    await db.finding.createMany({
      data: [
        finding(ids.shopCritical, "critical", SHOP),
        finding(ids.shopHigh, "high", SHOP),
        finding(ids.shopMuted, "critical", SHOP, { mutedUntil: new Date(Date.now() + 5 * DAY) }),
        finding(ids.shopResolved, "low", SHOP, { status: "resolved" }),
        finding(ids.sandboxHigh, "high", SANDBOX),
        finding(ids.orgWide, "medium", null),
      ],
    });
  });

  it("assigns with the severity's default due date counted from when the finding opened, records the event and the audit", async () => {
    const res = await assignFindings(
      t.db,
      sue,
      body({
        ids: [ids.shopCritical],
        owner: "sue@corp.example",
        ticketUrl: "https://t.example/1",
      }),
    );
    expect(res).toEqual({ updated: 1 });
    const f = await t.db.finding.findUniqueOrThrow({ where: { id: ids.shopCritical } });
    expect(f.owner).toBe("sue@corp.example");
    expect(f.ticketUrl).toBe("https://t.example/1");
    expect(f.assignedBy).toBe("sue@corp.example");
    // Critical: 7 days (default settings) after it opened 10 days ago, so already overdue.
    expect(f.dueAt?.getTime()).toBe(f.firstSeenAt.getTime() + 7 * DAY);
    const events = await t.db.findingEvent.findMany({ where: { findingId: ids.shopCritical } });
    expect(events.map((e) => [e.kind, e.actor])).toEqual([["assigned", "sue@corp.example"]]);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "finding.assign", target: ids.shopCritical },
    });
    expect(audit.actor).toBe("sue@corp.example");
  });

  it("takes the due days from settings and an explicit due date over the default", async () => {
    await t.db.setting.create({
      data: {
        key: "findingDueDays",
        value: { critical: 7, high: 60, medium: 90, low: 180, info: 365 },
      },
    });
    await assignFindings(t.db, ana, body({ ids: [ids.shopHigh], owner: "secops" }));
    const high = await t.db.finding.findUniqueOrThrow({ where: { id: ids.shopHigh } });
    expect(high.dueAt?.getTime()).toBe(high.firstSeenAt.getTime() + 60 * DAY);

    await assignFindings(
      t.db,
      ana,
      body({ ids: [ids.sandboxHigh], owner: "Ana@corp.example", dueAt: "2099-12-31" }),
    );
    const sandbox = await t.db.finding.findUniqueOrThrow({ where: { id: ids.sandboxHigh } });
    expect(sandbox.dueAt?.toISOString()).toBe("2099-12-31T23:59:59.999Z");
  });

  it("refuses a scoped analyst another OU's finding: alone or hidden in a batch, nothing changes (404)", async () => {
    const before = await t.db.finding.findUniqueOrThrow({ where: { id: ids.sandboxHigh } });
    await expect(
      assignFindings(t.db, sue, body({ ids: [ids.sandboxHigh], owner: "attacker" })),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      assignFindings(t.db, sue, body({ ids: [ids.shopHigh, ids.sandboxHigh], owner: "attacker" })),
    ).rejects.toMatchObject({ status: 404 });
    // Unassigning is a write too.
    await expect(
      assignFindings(t.db, sue, body({ ids: [ids.sandboxHigh], owner: null })),
    ).rejects.toMatchObject({ status: 404 });
    // Organization-wide findings belong to no OU: only unscoped callers see them.
    await expect(
      assignFindings(t.db, sue, body({ ids: [ids.orgWide], owner: "attacker" })),
    ).rejects.toMatchObject({ status: 404 });
    const after = await t.db.finding.findUniqueOrThrow({ where: { id: ids.sandboxHigh } });
    expect(after.owner).toBe(before.owner);
    expect((await t.db.finding.findUniqueOrThrow({ where: { id: ids.shopHigh } })).owner).toBe(
      "secops",
    );
    expect(await t.db.finding.count({ where: { owner: "attacker" } })).toBe(0);
  });

  it("refuses to assign a resolved finding (409)", async () => {
    await expect(
      assignFindings(t.db, ana, body({ ids: [ids.shopResolved], owner: "x@corp.example" })),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('filters "mine" by email or IdP group (case-insensitive) and "overdue" (open, not muted, past due)', async () => {
    await assignFindings(
      t.db,
      ana,
      body({ ids: [ids.shopMuted], owner: "secops", dueAt: "2020-01-01" }),
    );
    const mineAna = await listFindings(t.db, ana, query({ mine: "1", status: "all" }));
    // Ana owns the sandbox one by email (stored as typed: Ana@…) and two shop ones through her group.
    expect(mineAna.items.map((i) => i.id).sort()).toEqual(
      [ids.sandboxHigh, ids.shopHigh, ids.shopMuted].sort(),
    );
    const mineSue = await listFindings(t.db, sue, query({ mine: "1" }));
    expect(mineSue.items.map((i) => i.id)).toEqual([ids.shopCritical]);

    const overdue = await listFindings(t.db, ana, query({ overdue: "1", status: "all" }));
    // The muted one is past due but muted: not overdue. The high ones are due in the future.
    expect(overdue.items.map((i) => i.id)).toEqual([ids.shopCritical]);
    expect(overdue.items[0]?.overdue).toBe(true);
    expect(overdue.total).toBe(1);
  });

  it("exports owner, due date, overdue and ticket in the CSV", async () => {
    const rows = await csv(exportFindingsCsv(t.db, sue.scope, { status: "open" }));
    const header = rows[0] ?? [];
    for (const col of ["owner", "due_at", "overdue", "ticket_url"]) expect(header).toContain(col);
    const col = (name: string) => header.indexOf(name);
    const crit = rows.find((r) => r[0] === ids.shopCritical);
    const f = await t.db.finding.findUniqueOrThrow({ where: { id: ids.shopCritical } });
    expect(crit?.[col("owner")]).toBe("sue@corp.example");
    expect(crit?.[col("due_at")]).toBe(f.dueAt?.toISOString());
    expect(crit?.[col("overdue")]).toBe(true);
    expect(crit?.[col("ticket_url")]).toBe("https://t.example/1");
    // An unassigned row carries no owner and is not overdue (never blank).
    const all = await csv(exportFindingsCsv(t.db, { ouIds: null }, { status: "all" }));
    const bare = all.find((r) => r[0] === ids.shopResolved);
    expect([bare?.[col("owner")], bare?.[col("due_at")], bare?.[col("overdue")]]).toEqual([
      null,
      null,
      false,
    ]);
    expect(all.filter((r) => r[col("overdue")] === null)).toEqual([]);
    // Scoped: the sandbox finding is not in Sue's export.
    expect(rows.some((r) => r[0] === ids.sandboxHigh)).toBe(false);
  });

  it("counts overdue findings per OU exactly as a direct SQL count, within the caller's scope", async () => {
    // One more overdue finding, in the sandbox, and an org-wide one.
    await assignFindings(
      t.db,
      ana,
      body({ ids: [ids.sandboxHigh, ids.orgWide], owner: "ops", dueAt: "2020-06-01" }),
    );
    const direct = z.array(z.object({ ou_id: z.string().nullable(), n: z.number().int() })).parse(
      await t.db.$queryRaw`
          SELECT coalesce(f.ou_id, a.ou_id) AS ou_id, count(*)::int AS n
          FROM finding f LEFT JOIN account a ON a.id = f.account_id
          WHERE f.status = 'open' AND (f.muted_until IS NULL OR f.muted_until <= now()) AND f.due_at < now()
          GROUP BY 1`,
    );
    const org = await countOverdueByOu(t.db, { ouIds: null });
    expect(
      org
        .map((r) => ({ ou_id: r.ouId, n: r.overdue }))
        .sort((a, b) => String(a.ou_id).localeCompare(String(b.ou_id))),
    ).toEqual(direct.sort((a, b) => String(a.ou_id).localeCompare(String(b.ou_id))));
    expect(org.find((r) => r.ouId === "shop")?.overdue).toBe(1);
    expect(org.find((r) => r.ouId === "sandbox")?.overdue).toBe(1);
    expect(org.find((r) => r.ouId === null)?.ouPath).toBe("Organization");
    // Sue sees her subtree only.
    expect(await countOverdueByOu(t.db, sue.scope)).toEqual([
      { ouId: "shop", ouPath: "Root/bu/shop", overdue: 1 },
    ]);
  });

  it("unassigns: owner, due date and ticket cleared, an 'unassigned' event kept", async () => {
    await assignFindings(t.db, sue, body({ ids: [ids.shopCritical], owner: null }));
    const f = await t.db.finding.findUniqueOrThrow({ where: { id: ids.shopCritical } });
    expect([f.owner, f.dueAt, f.ticketUrl, f.assignedAt]).toEqual([null, null, null, null]);
    const kinds = (
      await t.db.findingEvent.findMany({
        where: { findingId: ids.shopCritical },
        orderBy: { id: "asc" },
      })
    ).map((e) => e.kind);
    expect(kinds).toEqual(["assigned", "unassigned"]);
  });
});
