import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNSCOPED } from "@/lib/domain/access";
import { loadDemo } from "@/lib/collect/load-demo";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { addMonths, monthOf } from "@/lib/domain/months";
import { AppError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { closePeriod } from "./close-period";
import { createAllocationRule } from "./create-allocation-rule";
import { listAllocationRules } from "./list-allocation-rules";
import { previewAllocationRule } from "./preview-allocation-rule";
import { retireAllocationRule } from "./retire-allocation-rule";
import { reviseAllocationRule } from "./revise-allocation-rule";
import { seedDemoAllocationRules } from "@/lib/collect/seed-demo-allocation-rules";

const admin = { email: "admin@example.com", scope: { ouIds: null } };
const failure = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? `${e.status} ${e.message}` : String(e)),
  );

describe("shared-cost rules", () => {
  let tdb: TestDatabase;
  let db: Db;
  const current = monthOf(new Date());
  const last = addMonths(current, -1);
  let network = "";
  let workloads = "";

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = createPrismaClient(tdb.url);
    await loadDemo(db, tdb.url, { evaluate: false });
    // These tests define their own shared-cost rules: start from none, not the demo's defaults.
    await db.allocationRule.deleteMany({});
    network = (await db.account.findFirstOrThrow({ where: { name: "shared-network" } })).id;
    workloads = (await db.orgUnit.findFirstOrThrow({ where: { path: "Root/Workloads" } })).id;
  }, 240_000);
  afterAll(async () => {
    await db?.$disconnect();
    await tdb?.drop();
  });

  const draft = (
    targets: { kind: "ou" | "costCenter"; id: string; percent?: number }[],
    method: "proportional" | "even" | "fixed" = "proportional",
  ) => ({ name: "Network hub", sourceAccounts: [network], sourceServices: [], method, targets });

  it("previews a draft without saving it: the pool moves between cost centers, the total does not", async () => {
    const p = await previewAllocationRule(db, admin, {
      month: last,
      rule: draft([{ kind: "ou", id: workloads }]),
    });
    expect(Number(p.pool.source)).toBeGreaterThan(1000);
    expect(p.total.before).toBe(p.total.after);
    const moved = p.costCenters.reduce((s, c) => s + Math.round(Number(c.change) * 100), 0);
    expect(moved).toBe(0);
    expect(p.costCenters.find((c) => c.costCenter === "CC-1000")?.change.startsWith("-")).toBe(
      true,
    );
    expect(await db.allocationRule.count()).toBe(0);
    expect(
      await failure(
        previewAllocationRule(
          db,
          { scope: { ouIds: ["ou-x"] } },
          { month: last, rule: draft([{ kind: "ou", id: workloads }]) },
        ),
      ),
    ).toMatch(/^403/);
  });

  it("versions a rule by month and keeps closed months out of reach", async () => {
    const from = addMonths(current, -6);
    await createAllocationRule(db, admin, {
      validFrom: from,
      rule: draft([{ kind: "ou", id: workloads }]),
    });
    expect(
      await failure(
        reviseAllocationRule(db, admin, "network-hub", {
          validFrom: from,
          rule: draft([{ kind: "ou", id: workloads }], "even"),
        }),
      ),
    ).toMatch(/^409 A new version must start after/);
    await reviseAllocationRule(db, admin, "network-hub", {
      validFrom: addMonths(current, -3),
      rule: draft(
        [
          { kind: "costCenter", id: "CC-1001", percent: 60 },
          { kind: "costCenter", id: "CC-1002", percent: 40 },
        ],
        "fixed",
      ),
    });
    const listed = await listAllocationRules(db, UNSCOPED);
    const rule = listed.rules.find((r) => r.ruleKey === "network-hub");
    expect(rule?.versions.map((v) => [v.version, v.validFrom, v.validTo])).toEqual([
      [2, addMonths(current, -3), null],
      [1, from, addMonths(current, -4)],
    ]);

    await closePeriod(db, admin, addMonths(current, -2));
    expect((await listAllocationRules(db, UNSCOPED)).firstEditableMonth).toBe(last);
    expect(
      await failure(
        reviseAllocationRule(db, admin, "network-hub", {
          validFrom: addMonths(current, -2),
          rule: draft([{ kind: "ou", id: workloads }]),
        }),
      ),
    ).toMatch(/^409 .* is the first month a change can start from/);
    expect(
      await failure(
        createAllocationRule(db, admin, {
          validFrom: last,
          rule: { ...draft([{ kind: "ou", id: "ou-missing" }]), name: "Other" },
        }),
      ),
    ).toMatch(/^400 A target OU does not exist/);

    await retireAllocationRule(db, admin, "network-hub", { from: last });
    const retired = (await listAllocationRules(db, UNSCOPED)).rules.find(
      (r) => r.ruleKey === "network-hub",
    );
    expect(retired).toMatchObject({
      status: "retired",
      current: { version: 2, validTo: addMonths(current, -2) },
    });
    expect(await failure(retireAllocationRule(db, admin, "network-hub", { from: last }))).toMatch(
      /^409 .*already retired/,
    );
    const actions = (
      await db.auditEvent.findMany({
        where: { action: { startsWith: "chargeback.rule" } },
        orderBy: { id: "asc" },
      })
    ).map((e) => e.action);
    expect(actions).toEqual([
      "chargeback.rule.create",
      "chargeback.rule.revise",
      "chargeback.rule.retire",
    ]);
  });

  it("seeds the demo's default rules only when there are none", async () => {
    expect(await seedDemoAllocationRules(db)).toBe(0);
    await db.allocationRule.deleteMany({});
    expect(await seedDemoAllocationRules(db)).toBe(2);
    expect(
      (await db.allocationRule.findMany({ orderBy: { ruleKey: "asc" } })).map((r) => [
        r.ruleKey,
        r.method,
      ]),
    ).toEqual([
      ["aws-support", "fixed"],
      ["shared-network", "proportional"],
    ]);
  });
});
