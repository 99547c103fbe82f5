// Re-evaluation of evidence the AWS collector stored from moto: an unchanged setting changes nothing
// (the look-alike), a changed one changes exactly the findings it governs.
import "@/testing/placeholder-server-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectAws } from "@/lib/collect/sources/aws";
import { GUARDRAIL_SCP_BASELINE } from "@/lib/domain/checks/guardrail-scp-baseline";
import { IAM_LONG_LIVED_KEYS } from "@/lib/domain/checks/iam-long-lived-keys";
import type { Db } from "@/lib/db/client";
import { reevaluateNow } from "@/lib/server/runs/reevaluate-now";
import { saveCheckSettings } from "@/lib/server/settings/save-check-settings";
import type { TestDatabase } from "@/testing/db";
import type { MotoServer } from "@/testing/moto";
import { costResult } from "@/testing/aws/ce-results";
import { motoCollectOptions } from "@/testing/aws/moto-collect";
import { presetCostResults, type MotoOrg } from "@/testing/aws/moto-org";
import { startMotoOrgDb, stopMotoOrgDb } from "@/testing/aws/moto-org-db";
import { addIamCases } from "@/testing/aws/moto-iam";

const ADMIN = { email: "admin@example.com", role: "admin" as const, scope: { ouIds: null } };
const DAY = 86_400_000;

let moto: MotoServer;
let database: TestDatabase;
let db: Db;
let org: MotoOrg;

beforeAll(async () => {
  ({ moto, database, db, org } = await startMotoOrgDb());
  await addIamCases(moto.endpoint, org);
  await presetCostResults(moto.endpoint, [costResult([])]);
  // Collected 20 days after moto created the keys: younger than every default threshold.
  const now = new Date(Date.now() + 20 * DAY);
  const result = await collectAws(
    db,
    database.url,
    motoCollectOptions(moto.endpoint, now, { triggeredBy: "test" }),
  );
  expect(result.status).not.toBe("failed");
}, 300_000);

afterAll(() => stopMotoOrgDb({ moto, database, db }));

const states = () =>
  db.finding.findMany({
    select: { fingerprint: true, status: true, severity: true, title: true },
    orderBy: { fingerprint: "asc" },
  });
const open = (checkId: string) =>
  db.finding.findMany({
    where: { checkId, status: "open" },
    select: { accountId: true, ouId: true, resource: true },
    orderBy: [{ ouId: "asc" }, { resource: "asc" }],
  });

describe("Re-evaluate now on evidence collected from moto", () => {
  it("without a settings change opens, reopens and resolves nothing, and leaves the evidence as stored", async () => {
    const before = await states();
    expect(before.length).toBeGreaterThan(0);
    const roles = await db.iamRole.findMany({
      orderBy: [{ accountId: "asc" }, { roleName: "asc" }],
    });
    const keys = await db.accessKey.findMany({
      orderBy: [{ accountId: "asc" }, { userName: "asc" }],
    });

    const run = await reevaluateNow(db, database.url, ADMIN);

    expect(run).toMatchObject({ opened: 0, reopened: 0, resolved: 0, source: "re-evaluation" });
    expect(await states()).toEqual(before);
    expect(
      await db.iamRole.findMany({ orderBy: [{ accountId: "asc" }, { roleName: "asc" }] }),
    ).toEqual(roles);
    expect(
      await db.accessKey.findMany({ orderBy: [{ accountId: "asc" }, { userName: "asc" }] }),
    ).toEqual(keys);
  }, 120_000);

  it("a key age below the keys' age flags exactly the active keys, judged as of the collection", async () => {
    expect(await open(IAM_LONG_LIVED_KEYS)).toEqual([]);
    const active = await db.accessKey.findMany({ where: { active: true } });
    expect(active.length).toBeGreaterThan(0);

    await saveCheckSettings(db, ADMIN, { keyMaxAgeDays: 10 });
    const run = await reevaluateNow(db, database.url, ADMIN);

    expect(run).toMatchObject({ opened: active.length, reopened: 0, resolved: 0 });
    const flagged = await open(IAM_LONG_LIVED_KEYS);
    expect(flagged.map((f) => f.accountId).sort()).toEqual(active.map((k) => k.accountId).sort());
    expect(flagged.map((f) => f.resource)).toContain(
      `arn:aws:iam::${org.accounts.prodApp}:user/deploy-bot#key1`,
    );

    await saveCheckSettings(db, ADMIN, { keyMaxAgeDays: null });
    expect(await reevaluateNow(db, database.url, ADMIN)).toMatchObject({
      opened: 0,
      resolved: active.length,
    });
    expect(await open(IAM_LONG_LIVED_KEYS)).toEqual([]);
  }, 120_000);

  it("a shorter SCP deny list clears the OU whose only gap it drops and keeps the OU with none", async () => {
    const before = await open(GUARDRAIL_SCP_BASELINE);
    const ous = before.map((f) => f.ouId);
    expect(ous).toContain(org.ous.prod);
    expect(ous).toContain(org.ous.sandbox);

    // Workloads (above prod) denies leaving the organization without condition; sandbox denies nothing.
    await saveCheckSettings(db, ADMIN, {
      scpBaselineDeniedActions: ["organizations:LeaveOrganization"],
    });
    const run = await reevaluateNow(db, database.url, ADMIN);

    const after = (await open(GUARDRAIL_SCP_BASELINE)).map((f) => f.ouId);
    expect(after).not.toContain(org.ous.prod);
    expect(after).toContain(org.ous.sandbox);
    expect(run).toMatchObject({ opened: 0, reopened: 0, resolved: before.length - after.length });

    await saveCheckSettings(db, ADMIN, { scpBaselineDeniedActions: null });
    await reevaluateNow(db, database.url, ADMIN);
    expect(await open(GUARDRAIL_SCP_BASELINE)).toEqual(before);
  }, 120_000);
});
