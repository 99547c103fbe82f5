// Governance evidence read by the AWS source from a moto organization, and the checks over it: the
// account baseline (ACCOUNT_BASELINE). Tag policies are tested in org-policies.test.ts: moto 5.1
// answers CreatePolicy(TAG_POLICY) with NotImplementedError.
import {
  OrganizationsClient,
  RegisterDelegatedAdministratorCommand,
} from "@aws-sdk/client-organizations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountBaseline } from "@/lib/domain/checks/account-baseline";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { parseSnapshot, type TSnapshot } from "@/lib/domain/snapshot";
import { startMoto, type MotoServer } from "@/testing/moto";
import type { RunOutcome } from "@/lib/collect/run";
import { produceAwsSnapshot } from "./source";
import { applyBaseline } from "@/testing/aws/moto-baseline";
import { awsConfig, BASE_CREDENTIALS, buildOrg, type MotoOrg } from "@/testing/aws/moto-org";
import { motoConfig } from "@/testing/aws/moto-collect";

let moto: MotoServer;
let org: MotoOrg;
let snap: TSnapshot;
let outcome: RunOutcome | undefined;
const NOW = new Date("2025-06-15T12:00:00Z");

beforeAll(async () => {
  moto = await startMoto();
  org = await buildOrg(moto.endpoint);
  const { prodApp, sandbox, stray, logArchive } = org.accounts;
  await applyBaseline(moto.endpoint, org.managementId);
  await applyBaseline(moto.endpoint, logArchive);
  // The GuardDuty delegated administrator: members get a detector from its auto-enable.
  const orgs = new OrganizationsClient(awsConfig(moto.endpoint));
  await orgs.send(
    new RegisterDelegatedAdministratorCommand({
      AccountId: logArchive,
      ServicePrincipal: "guardduty.amazonaws.com",
    }),
  );
  orgs.destroy();
  await applyBaseline(moto.endpoint, prodApp);
  await applyBaseline(moto.endpoint, stray);
  // The gap: a sandbox with GuardDuty only.
  await applyBaseline(moto.endpoint, sandbox, ["guardduty"]);
  const input = await produceAwsSnapshot(
    {
      config: motoConfig(moto.endpoint, { historyMonths: 0 }),
      costState: { backfilled: false, estimatedMonths: [], tagKeyMonths: {} },
      credentials: BASE_CREDENTIALS,
      now: NOW,
      report: { sleep: async () => {} },
    },
    DEFAULT_SETTINGS,
    () => {},
    (o) => {
      outcome = o;
    },
  );
  snap = parseSnapshot(input);
}, 300_000);

afterAll(async () => {
  await moto?.stop();
});

describe("account baseline against moto", () => {
  it("reads every control of a baselined member account through its role", () => {
    const prod = snap.audits.find((a) => a.accountId === org.accounts.prodApp);
    expect(prod?.baseline.map((c) => [c.control, c.region, c.status])).toEqual([
      ["guardduty", "us-east-1", "on"],
      ["config-recorder", "us-east-1", "on"],
      ["ebs-default-encryption", "us-east-1", "on"],
      ["s3-account-public-access-block", null, "on"],
      ["iam-password-policy", null, "on"],
    ]);
    expect(outcome?.apiRequests).toMatchObject({
      "s3control:GetPublicAccessBlock": 5,
      "iam:GetAccountPasswordPolicy": 5,
    });
  });

  it("flags the account missing part of the baseline, and no baselined account", () => {
    const findings = accountBaseline.run(snap, DEFAULT_SETTINGS, {
      knownAccountIds: new Set(),
      now: NOW,
    });
    expect(findings.map((f) => f.accountId)).toEqual([org.accounts.sandbox]);
    expect(findings[0]?.evidence.missing).toEqual([
      "AWS Config recorder (us-east-1)",
      "EBS default encryption (us-east-1)",
      "S3 account Block Public Access",
      "IAM password policy",
    ]);
  });

  it("notes that moto cannot give GuardDuty's organization configuration instead of guessing", () => {
    expect(snap.guardDutyOrganization).toEqual([]);
    expect(
      (outcome?.notes ?? []).some(
        (n) => n.accountId === org.accounts.logArchive && n.phase === "guardduty",
      ),
    ).toBe(true);
  });
});
