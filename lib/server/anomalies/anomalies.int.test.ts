// First: lib/db reads the environment when first imported.
import "@/testing/placeholder-server-env";
import { beforeAll, describe, expect, it } from "vitest";
import { detectCostAnomalies } from "@/lib/collect/anomalies/detect-cost-anomalies";
import type { Principal } from "@/lib/domain/access";
import { useTestDatabase } from "@/testing/db";
import { insertDaily } from "@/testing/fixtures/cost-daily";
import { countOpenAnomalies } from "./count-open-anomalies";
import { decideAnomaly } from "./decide-anomaly";
import { getAnomaly } from "./get-anomaly";
import { listAnomalies } from "./list-anomalies";

// Root → BU and Root → Sandbox; the scoped analyst holds BU.
const at = new Date("2025-01-01T00:00:00Z");
const ou = (id: string, pathIds: string[]) => ({
  id,
  name: id,
  path: `Root/${pathIds.slice(1).join("/")}`,
  pathIds,
  depth: pathIds.length - 1,
  firstSeenAt: at,
  lastSeenAt: at,
  ...(pathIds.length > 1 ? { parentId: pathIds.at(-2) } : {}),
});
const account = (id: string, ouId: string, costCenter: string) => ({
  id,
  name: `acct-${id.slice(-2)}`,
  email: `${id}@x.example`,
  status: "ACTIVE",
  joinedMethod: "CREATED",
  joinedAt: at,
  ouId,
  costCenter,
  firstSeenAt: at,
  lastSeenAt: at,
});
const BU = "111111111111";
const SANDBOX = "222222222222";
const who = (email: string, role: Principal["role"], ouIds: string[] | null): Principal => ({
  kind: "user",
  email,
  name: null,
  role,
  scope: { ouIds },
});
const admin = who("admin@corp.example", "admin", null);
const sue = who("sue@corp.example", "analyst", ["bu"]);
const ALL = { status: "all" } as const;

describe("anomalies: list, chart, decisions, scope", () => {
  const t = useTestDatabase(async (db) => {
    await db.orgUnit.createMany({
      data: [
        ou("r-root", ["r-root"]),
        ou("bu", ["r-root", "bu"]),
        ou("sandbox", ["r-root", "sandbox"]),
      ],
    });
    await db.account.createMany({
      data: [account(BU, "bu", "CC-1"), account(SANDBOX, "sandbox", "CC-2")],
    });
    await insertDaily(
      db,
      [
        // a monthly batch on the 14th in BU's EC2; a one-day spike on 9 Sep in Sandbox's RDS
        {
          accountId: BU,
          service: "Amazon EC2",
          level: 100,
          edit: (v) => {
            v[44] = (v[44] ?? 0) + 90;
            v[75] = (v[75] ?? 0) + 90;
          },
        },
        {
          accountId: SANDBOX,
          service: "Amazon RDS",
          level: 50,
          edit: (v) => (v[70] = (v[70] ?? 0) + 60),
        },
      ],
      "2026-07-01",
      90,
    );
    await detectCostAnomalies(db);
  });
  let sandboxSpike: string;
  let buSpikes: string[];

  beforeAll(async () => {
    const all = await listAnomalies(t.db, { ouIds: null }, { status: "open" });
    sandboxSpike = all.items.find((a) => a.accountId === SANDBOX)?.id ?? "";
    buSpikes = all.items.filter((a) => a.accountId === BU).map((a) => a.id);
  });

  it("lists the organization's anomalies largest impact first, rolled up per OU and cost center", async () => {
    const list = await listAnomalies(t.db, admin.scope, { status: "open" });
    expect(list.items.map((a) => [a.accountId, a.kind, a.firstDay])).toEqual([
      [BU, "spike", expect.stringMatching(/^2026-0(8|9)-14$/)],
      [BU, "spike", expect.stringMatching(/^2026-0(8|9)-14$/)],
      [SANDBOX, "spike", "2026-09-09"],
    ]);
    expect(list.rollUps.ou.map((r) => [r.label, r.count])).toEqual([
      ["Root/bu", 2],
      ["Root/sandbox", 1],
    ]);
    expect(list.rollUps.costCenter.map((r) => r.key)).toEqual(["CC-1", "CC-2"]);
    expect(await countOpenAnomalies(t.db, admin.scope)).toMatchObject({ count: 3 });
  });

  it("charts the series with an expected band that the spike day leaves", async () => {
    const detail = await getAnomaly(t.db, admin.scope, sandboxSpike);
    expect(detail.series).toHaveLength(90);
    const day = detail.series.find((p) => p.day === "2026-09-09");
    expect(day?.actual).toBeGreaterThan(day?.upper ?? Infinity);
    expect(detail.anomaly.impactPercent).toBeGreaterThan(90);
  });

  it("attack: a scoped analyst neither sees nor marks another OU's anomaly (404)", async () => {
    const list = await listAnomalies(t.db, sue.scope, ALL);
    expect(list.items.map((a) => a.accountId)).toEqual([BU, BU]);
    expect(await listAnomalies(t.db, sue.scope, { ...ALL, accountId: SANDBOX })).toMatchObject({
      items: [],
    });
    expect(await countOpenAnomalies(t.db, sue.scope)).toMatchObject({ count: 2 });
    await expect(getAnomaly(t.db, sue.scope, sandboxSpike)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      decideAnomaly(t.db, sue, sandboxSpike, { status: "resolved", reason: "not mine" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const untouched = await t.db.costAnomaly.findUniqueOrThrow({ where: { id: sandboxSpike } });
    expect(untouched.status).toBe("open");
  });

  it("marks an anomaly resolved with a reason and who, audited", async () => {
    const done = await decideAnomaly(t.db, sue, buSpikes[1] ?? "", {
      status: "resolved",
      reason: "rightsized",
    });
    expect([done.status, done.reason, done.decidedBy]).toEqual([
      "resolved",
      "rightsized",
      sue.email,
    ]);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { target: done.id } });
    expect([audit.action, audit.actor]).toEqual(["anomaly.resolved", sue.email]);
  });

  it("'expected' teaches the detector: the batch on the 14th is not re-created next time", async () => {
    const [first] = await t.db.costAnomaly.findMany({
      where: { accountId: BU },
      orderBy: { firstDay: "asc" },
    });
    await decideAnomaly(t.db, admin, first?.id ?? "", {
      status: "expected",
      reason: "monthly batch job",
    });
    // the September occurrence is gone from the store; the next detection must not bring it back
    await t.db.costAnomaly.deleteMany({ where: { accountId: BU, status: { not: "expected" } } });
    const run = await detectCostAnomalies(t.db);
    expect(run.created).toEqual([]);
    expect(await t.db.costAnomaly.count({ where: { accountId: BU } })).toBe(1);
    // look-alike: Sandbox's one-off spike is still found
    expect(await t.db.costAnomaly.count({ where: { accountId: SANDBOX } })).toBe(1);
  });
});
