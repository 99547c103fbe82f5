// First: lib/db reads the environment when first imported.
import "@/testing/placeholder-server-env";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Principal } from "@/lib/domain/access";
import { SEVERITIES } from "@/lib/domain/checks/types";
import { KPI } from "@/lib/domain/kpis/types";
import { CHECK_PLAYBOOK } from "@/lib/domain/report/playbook-areas";
import { useTestDatabase } from "@/testing/db";
import type { Db } from "@/lib/db/client";
import { buildGapReport } from "./build-gap-report";
import { downloadGapReport } from "./download-gap-report";

// Root → BU (→ Shop) and Root → Sandbox; Sue is an analyst over the BU subtree.
const at = new Date("2025-01-01T00:00:00Z");
const DAY = 86_400_000;
const ou = (id: string, pathIds: string[]) => ({
  id,
  name: id,
  path: ["Root", ...pathIds.slice(1)].join("/"),
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
const sue: Principal = {
  kind: "user",
  email: "sue@corp.example",
  name: null,
  role: "analyst",
  scope: { ouIds: ["bu"] },
};
const admin: Principal = {
  ...sue,
  email: "admin@corp.example",
  role: "admin",
  scope: { ouIds: null },
};

let n = 0;
const finding = (
  checkId: string,
  category: string,
  severity: string,
  accountId: string | null,
  extra: { status?: string; muted?: boolean; owner?: string; dueAt?: Date } = {},
) => ({
  fingerprint: `F:${(n += 1)}`,
  checkId,
  category,
  severity,
  accountId,
  title: `${checkId} #${n}`,
  message: "m",
  status: extra.status ?? "open",
  firstSeenRunId: RUN,
  lastSeenRunId: RUN,
  firstSeenAt: new Date(Date.now() - 20 * DAY),
  lastSeenAt: new Date(),
  mutedUntil: extra.muted ? new Date(Date.now() + 30 * DAY) : null,
  owner: extra.owner ?? null,
  dueAt: extra.dueAt ?? null,
});

const ZCount = z.array(
  z.object({ check_id: z.string(), severity: z.string(), n: z.number().int() }),
);

/** Open, unmuted findings per area and severity, counted straight from the table. */
async function directCounts(db: Db, accountIds: string[] | null, includeOrgWide: boolean) {
  const rows = ZCount.parse(
    await db.$queryRaw`
      SELECT check_id, severity, count(*)::int AS n FROM finding
      WHERE status = 'open' AND (muted_until IS NULL OR muted_until <= now())
        AND ((account_id = ANY(${accountIds ?? [SHOP, SANDBOX]}::text[])) OR (${includeOrgWide} AND account_id IS NULL))
      GROUP BY 1, 2`,
  );
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const area = CHECK_PLAYBOOK[r.check_id]?.area ?? "?";
    const bucket = (out[area] ??= Object.fromEntries(SEVERITIES.map((s) => [s, 0])));
    bucket[r.severity] = (bucket[r.severity] ?? 0) + r.n;
  }
  return out;
}

describe("the gap report", () => {
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
        finding("IAM_ROOT_USER", "identity-access", "critical", SHOP, {
          owner: "secops",
          dueAt: new Date(Date.now() - DAY),
        }),
        finding("IAM_LOCAL_USERS", "identity-access", "high", SHOP),
        finding("IAM_LOCAL_USERS", "identity-access", "high", SANDBOX),
        finding("IAM_STALE_USERS", "identity-access", "medium", SHOP, { muted: true }),
        finding("TAG_POLICY", "cost-tagging", "low", SHOP),
        finding("TAG_POLICY", "cost-tagging", "low", SANDBOX, { status: "resolved" }),
        finding("LOG_ORG_TRAIL", "logging", "high", null),
        finding("GUARDRAIL_SCP_BASELINE", "organization", "medium", SANDBOX),
        finding("ACCOUNT_BASELINE", "organization", "info", SHOP),
      ],
    });
    // Three runs of one identity KPI for the org: rising share of role-based sign-ins.
    for (const [i, v] of [40, 50, 70].entries())
      await db.kpiSnapshot.create({
        data: {
          runId: randomUUID(),
          scopeId: "org",
          kpiId: KPI.ROLE_BASED_LOGINS_PCT,
          at: new Date(Date.now() - (3 - i) * DAY),
          value: v,
          numerator: v,
          denominator: 100,
        },
      });
  });

  it("counts open, unmuted findings per area and severity exactly as the findings table (whole organization)", async () => {
    const r = await buildGapReport(t.db, admin.scope, {});
    const direct = await directCounts(t.db, null, true);
    for (const a of r.areas)
      expect(a.open, a.area).toEqual(
        direct[a.area] ?? Object.fromEntries(SEVERITIES.map((s) => [s, 0])),
      );
    expect(r.totals.openTotal).toBe(7);
    // The muted one is listed apart; the resolved one nowhere.
    expect(r.areas.find((a) => a.area === "identity")?.muted).toBe(1);
    expect(r.totals.muted).toBe(1);
  });

  it("counts one OU's subtree, and scopes a scoped analyst to their OUs", async () => {
    const shop = await buildGapReport(t.db, admin.scope, { ou: "shop" });
    const direct = await directCounts(t.db, [SHOP], false);
    for (const a of shop.areas)
      expect(a.open, a.area).toEqual(
        direct[a.area] ?? Object.fromEntries(SEVERITIES.map((s) => [s, 0])),
      );
    expect(shop.scope).toEqual({ kind: "ou", ouId: "shop", name: "Root/bu/shop" });

    const scoped = await buildGapReport(t.db, sue.scope, {});
    expect(scoped.scope.kind).toBe("scope");
    expect(scoped.areas.map((a) => a.open)).toEqual(shop.areas.map((a) => a.open));
    // The org-wide logging finding is about every OU at once: not in a scoped report.
    expect(scoped.areas.find((a) => a.area === "logging")?.openTotal).toBe(0);
  });

  it("refuses a scoped analyst another OU's report (404), and an unknown OU", async () => {
    await expect(buildGapReport(t.db, sue.scope, { ou: "sandbox" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(downloadGapReport(t.db, sue, { ou: "root" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(buildGapReport(t.db, admin.scope, { ou: "nope" })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("states each area's status by its rule, with owners, due dates and KPI trends", async () => {
    const r = await buildGapReport(t.db, admin.scope, {});
    const area = (id: string) => r.areas.find((a) => a.area === id);
    expect(area("identity")?.status).toBe("not-met");
    expect(area("cost-controls")?.status).toBe("partly");
    expect(area("guardrails")?.status).toBe("partly");
    // Only an info finding (look-alike of an open gap): met.
    expect(area("provisioning")?.status).toBe("met");
    expect(area("segregation")?.status).toBe("met");
    const root = area("identity")?.findings.find((f) => f.checkId === "IAM_ROOT_USER");
    expect(root).toMatchObject({ owner: "secops", overdue: true });
    expect(area("identity")?.overdue).toBe(1);
    const kpi = area("identity")?.kpis.find((k) => k.kpiId === KPI.ROLE_BASED_LOGINS_PCT);
    expect(kpi?.points.map((p) => p.value)).toEqual([40, 50, 70]);
    expect(kpi?.trend).toBe("improving");
    expect(r.statusRule).toMatch(/Not met/);
  });

  it("orders the plan by phase, severity and effort", async () => {
    const r = await buildGapReport(t.db, admin.scope, {});
    expect(r.plan.map((p) => [p.phase, p.checkId, p.severity, p.effort, p.open])).toEqual([
      [1, "IAM_ROOT_USER", "critical", "S", 1],
      [1, "LOG_ORG_TRAIL", "high", "S", 1],
      [2, "IAM_LOCAL_USERS", "high", "M", 2],
      [2, "GUARDRAIL_SCP_BASELINE", "medium", "S", 1],
      [3, "TAG_POLICY", "low", "S", 1],
      [3, "ACCOUNT_BASELINE", "info", "M", 1],
    ]);
    expect(r.plan[0]?.owners).toEqual(["secops"]);
    expect(r.plan.find((p) => p.checkId === "IAM_LOCAL_USERS")?.unassigned).toBe(2);
  });

  it("downloads the same report as Markdown, audited", async () => {
    const res = await downloadGapReport(t.db, admin, { ou: "shop" });
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /attachment; filename="gap-report-shop-/,
    );
    const md = await res.text();
    const report = await buildGapReport(t.db, admin.scope, { ou: "shop" });
    expect(md).toContain("# Governance gap report: Root/bu/shop");
    for (const a of report.areas)
      expect(md).toContain(
        `| ${a.label} | ${a.status === "met" ? "Met" : a.status === "partly" ? "Partly met" : "Not met"} | ${SEVERITIES.map((s) => a.open[s]).join(" | ")} |`,
      );
    expect(md).toContain("### Phase 1: now");
    expect(
      await t.db.auditEvent.count({ where: { action: "report.gap.download", target: "shop" } }),
    ).toBe(1);
  });
});
