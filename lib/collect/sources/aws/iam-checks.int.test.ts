// The identity-and-access checks end to end: cases built in moto through the real AWS APIs, read by
// the AWS collector, stored and evaluated in a real Postgres; violations flagged, look-alikes not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { TestDatabase } from "@/testing/db";
import type { MotoServer } from "@/testing/moto";
import { collectAws } from ".";
import { presetCostResults, type MotoOrg } from "@/testing/aws/moto-org";
import { motoCollectOptions } from "@/testing/aws/moto-collect";
import { startMotoOrgDb, stopMotoOrgDb } from "@/testing/aws/moto-org-db";
import { addIamCases, type IamCases } from "@/testing/aws/moto-iam";
import { costResult } from "@/testing/aws/ce-results";

let moto: MotoServer;
let database: TestDatabase;
let db: Db;
let org: MotoOrg;
let cases: IamCases;

beforeAll(async () => {
  ({ moto, database, db, org } = await startMotoOrgDb());
  cases = await addIamCases(moto.endpoint, org);
  await presetCostResults(moto.endpoint, [costResult([])]);
  const result = await collectAws(
    db,
    database.url,
    motoCollectOptions(moto.endpoint, new Date("2025-06-15T12:00:00Z"), { triggeredBy: "test" }),
  );
  expect(result.status).toBe("succeeded");
}, 240_000);

afterAll(() => stopMotoOrgDb({ moto, database, db }));

const openFindings = (checkId: string) =>
  db.finding.findMany({
    where: { checkId, status: "open" },
    orderBy: [{ ouId: "asc" }, { accountId: "asc" }],
  });

describe("GUARDRAIL_SCP_BASELINE on an organization read from moto", () => {
  it("reports a region-conditioned deny as partial, a missing one as missing, and an unconditional one not at all", async () => {
    const findings = await openFindings("GUARDRAIL_SCP_BASELINE");
    const byOu = new Map(findings.map((f) => [f.ouId ?? f.accountId, f]));
    expect(cases.scps.conditionalBaseline).toMatch(/^p-/);
    const prod = byOu.get(org.ous.prod);
    expect(prod?.severity).toBe("medium");
    expect(prod?.title).toMatch(/partial/);
    expect(prod?.evidence).toMatchObject({
      missingDenies: [],
      partialDenies: [
        {
          action: "iam:CreateUser",
          policies: [
            {
              policy: "deny-iam-users-outside-eu",
              condition: { StringNotEquals: { "aws:RequestedRegion": "eu-west-1" } },
              resources: ["*"],
            },
          ],
        },
        { action: "iam:CreateAccessKey" },
      ],
    });
    expect(byOu.get(org.ous.sandbox)).toMatchObject({
      severity: "high",
      evidence: {
        missingDenies: ["iam:CreateUser", "iam:CreateAccessKey", "organizations:LeaveOrganization"],
      },
    });
    expect(byOu.has(org.ous.security)).toBe(false);
  });
});

describe("IAM_ROOT_USER on an organization read from moto", () => {
  // moto 5.1's credential report lists IAM users only, never a <root_account> row (the row itself is
  // covered with a played report in audit-account.test.ts and by the check's table tests).
  it("claims nothing about a root user the report does not show, and says so on the run", async () => {
    expect(await db.iamRootUser.count()).toBe(0);
    expect(await openFindings("IAM_ROOT_USER")).toEqual([]);
    const notes = await db.runAccountError.findMany({
      where: { phase: "iam" },
      select: { accountId: true, message: true },
    });
    expect(notes.map((n) => n.accountId).toSorted()).toEqual(
      [org.managementId, ...Object.values(org.accounts)].toSorted(),
    );
    expect(notes[0]?.message).toMatch(/no <root_account> row/);
  });
});

describe("IAM_CROSS_ACCOUNT_TRUST and IAM_LATERAL_ADMIN_TRUST on roles read from moto", () => {
  it("flags the open OIDC trust, the other organization's id and the sandbox into prod admin roles, and none of the look-alikes", async () => {
    const prefix = `arn:aws:iam::${org.accounts.prodApp}:role/`;
    const flagged = await db.finding.findMany({
      where: {
        checkId: { in: ["IAM_CROSS_ACCOUNT_TRUST", "IAM_LATERAL_ADMIN_TRUST"] },
        accountId: org.accounts.prodApp,
        status: "open",
      },
      select: { checkId: true, resource: true, severity: true, evidence: true },
    });
    const byRole = new Map(flagged.map((f) => [f.resource.replace(prefix, ""), f]));
    for (const [name, checkId] of Object.entries(cases.roles))
      expect(byRole.get(name)?.checkId ?? null, name).toBe(checkId);
    expect(byRole.get("vendor-access")?.checkId).toBe("IAM_CROSS_ACCOUNT_TRUST");
    expect(byRole.get("github-deploy")).toMatchObject({
      severity: "critical",
      evidence: { webIdentity: [{ issuer: "token.actions.githubusercontent.com" }] },
    });
    expect(byRole.get("sandbox-everything")?.evidence).toMatchObject({
      adminBecause: expect.stringMatching(/:policy\/everything$/) as unknown,
      lowerEnvironmentAccounts: [{ id: org.accounts.sandbox, environment: "sandbox" }],
    });
    const stored = await db.iamRole.findUniqueOrThrow({
      where: {
        accountId_roleName: { accountId: org.accounts.prodApp, roleName: "sandbox-everything" },
      },
    });
    expect(JSON.stringify(stored.managedPolicies)).toContain('"Action":"*"');
  });
});

describe("IDENTITY_ACCOUNT_DEDICATED on an organization read from moto", () => {
  it("collects and stores each account's SAML and OIDC identity providers", async () => {
    const providers = await db.iamIdentityProvider.findMany({
      select: { accountId: true, type: true, name: true },
      orderBy: { type: "asc" },
    });
    expect(providers).toEqual([
      {
        accountId: org.accounts.prodApp,
        type: "OIDC",
        name: "token.actions.githubusercontent.com",
      },
      { accountId: org.accounts.logArchive, type: "SAML", name: "okta" },
    ]);
  });

  // moto gives every account an Identity Center instance of its own, so the management account always
  // holds one here: without a delegated administrator, it is administered from there (true on moto).
  it("reports administration from the management account only when its Identity Center instance was seen", async () => {
    const instances = await db.identityCenterInstance.count({
      where: { accountId: org.managementId },
    });
    expect(instances).toBe(1);
    const findings = await openFindings("IDENTITY_ACCOUNT_DEDICATED");
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/administered from the management account/) as unknown,
    ]);
  });
});
