import { afterEach, describe, expect, it } from "vitest";
import { loadDemo } from "@/lib/collect/load-demo";
import { DEMO_GROUPS } from "@/lib/auth/demo-groups";
import { useTestDatabase } from "@/testing/db";
import { prepareDatabase } from "./prepare-database";

const saved = process.env.ORGLENS_DEPLOYMENT;
afterEach(() => {
  if (saved === undefined) delete process.env.ORGLENS_DEPLOYMENT;
  else process.env.ORGLENS_DEPLOYMENT = saved;
});

describe("the demo's role bindings exist only in a demo deployment", () => {
  const t = useTestDatabase();

  it("refuses to load the demo outside a demo deployment, and binds no demo group", async () => {
    delete process.env.ORGLENS_DEPLOYMENT;
    await expect(
      prepareDatabase(t.url, { demo: true, demoAccounts: 24, demoHistory: 0 }),
    ).rejects.toThrow(/ORGLENS_DEPLOYMENT=demo/);
    expect(await t.db.roleBinding.count()).toBe(0);
    expect(await t.db.organization.count()).toBe(0);
  });

  it("demo data stored by a collection run binds no role: the groups of the demo sign-in stay unmapped", async () => {
    process.env.ORGLENS_DEPLOYMENT = "production";
    const run = await loadDemo(t.db, t.url, { accounts: 24, evaluate: false });
    expect(run.status).not.toBe("failed");
    expect(await t.db.roleBinding.count()).toBe(0);
  }, 120_000);
});

describe("in a demo deployment", () => {
  const t = useTestDatabase();

  it("loading the demo binds the demo sign-in's groups to roles", async () => {
    process.env.ORGLENS_DEPLOYMENT = "demo";
    await prepareDatabase(t.url, { demo: true, demoAccounts: 24, demoHistory: 0 });
    const groups = (await t.db.roleBinding.findMany({ select: { group: true } })).map(
      (b) => b.group,
    );
    expect(groups).toEqual(
      expect.arrayContaining([DEMO_GROUPS.admin, DEMO_GROUPS.analyst, DEMO_GROUPS.viewer]),
    );
  }, 120_000);
});
