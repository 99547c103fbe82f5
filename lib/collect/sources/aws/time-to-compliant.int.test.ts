// Time to a compliant account on an organization read from moto: the creation time is the
// CreateAccount status's completion as ListCreateAccountStatus reports it; the end is the first run
// that audited the new account through its role and found no open high or critical finding.
import {
  DescribeCreateAccountStatusCommand,
  OrganizationsClient,
  CreateAccountCommand,
} from "@aws-sdk/client-organizations";
import {
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { KPI, ORG_SCOPE } from "@/lib/domain/kpis";
import type { TestDatabase } from "@/testing/db";
import type { MotoServer } from "@/testing/moto";
import { collectAws } from ".";
import { awsConfig, iamIn, presetCostResults } from "@/testing/aws/moto-org";
import { motoCollectOptions } from "@/testing/aws/moto-collect";
import { startMotoOrgDb, stopMotoOrgDb } from "@/testing/aws/moto-org-db";
import { costResult } from "@/testing/aws/ce-results";

const HOUR_MS = 3_600_000;

let moto: MotoServer;
let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  ({ moto, database, db } = await startMotoOrgDb());
}, 240_000);

afterAll(() => stopMotoOrgDb({ moto, database, db }));

async function collect(now: Date) {
  await presetCostResults(moto.endpoint, [costResult([])]);
  const result = await collectAws(
    db,
    database.url,
    motoCollectOptions(moto.endpoint, now, { triggeredBy: "test" }),
  );
  expect(result.status).not.toBe("failed");
  return result;
}

const latest = async (kpiId: string) => {
  const row = await db.kpiSnapshot.findFirstOrThrow({
    where: { kpiId, scopeId: ORG_SCOPE },
    orderBy: { at: "desc" },
  });
  return {
    value: row.value?.toNumber() ?? null,
    denominator: row.denominator?.toNumber() ?? null,
    detail: row.detail,
  };
};

describe("time to a compliant account against moto", () => {
  it("starts at the CreateAccount completion the collector reads, and ends at the first clean audited run", async () => {
    // OrgLens watches first: the accounts buildOrg created before are not measured (unobserved).
    const watching = new Date();
    await collect(watching);
    // buildOrg's created accounts: the clean ones unobserved, prod-app (a critical Security
    // Hub finding) still pending.
    expect(await latest(KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS)).toMatchObject({
      value: null,
      detail: { accounts: 0, unobserved: 4, pending: 1 },
    });

    const orgs = new OrganizationsClient(awsConfig(moto.endpoint));
    const { CreateAccountStatus: request } = await orgs.send(
      new CreateAccountCommand({ AccountName: "shop-dev", Email: "shop-dev@example.com" }),
    );
    const { CreateAccountStatus: status } = await orgs.send(
      new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: request?.Id ?? "" }),
    );
    orgs.destroy();
    const accountId = status?.AccountId ?? "";
    const completedAt = status?.CompletedTimestamp;
    expect(status?.State).toBe("SUCCEEDED");
    if (!completedAt) throw new Error("moto gave no CompletedTimestamp");

    // The new account arrives with a console IAM user (a high finding): not compliant yet.
    const iam = await iamIn(moto.endpoint, accountId);
    await iam.send(new CreateUserCommand({ UserName: "bootstrap" }));
    await iam.send(
      new CreateLoginProfileCommand({ UserName: "bootstrap", Password: "Bootstrap-Passw0rd!" }),
    );
    const blocked = new Date(completedAt.getTime() + 2 * HOUR_MS);
    await collect(blocked);
    expect(await db.accountCreation.findFirstOrThrow({ where: { accountId } })).toMatchObject({
      state: "SUCCEEDED",
      completedAt,
    });
    expect(
      await db.finding.count({
        where: { accountId, status: "open", severity: { in: ["high", "critical"] } },
      }),
    ).toBeGreaterThan(0);
    expect(await latest(KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS)).toMatchObject({
      value: null,
      detail: { pending: 2 },
    });

    // Fixed before the next run, 30 hours after the creation.
    await iam.send(new DeleteLoginProfileCommand({ UserName: "bootstrap" }));
    await iam.send(new DeleteUserCommand({ UserName: "bootstrap" }));
    iam.destroy();
    await collect(new Date(completedAt.getTime() + 30 * HOUR_MS));
    expect(await latest(KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS)).toMatchObject({
      value: 30,
      denominator: 1,
      detail: { accounts: 1, pending: 1, unobserved: 4 },
    });

    // The next (incremental) run changes nothing.
    await collect(new Date(completedAt.getTime() + 54 * HOUR_MS));
    expect(await latest(KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS)).toMatchObject({
      value: 30,
      denominator: 1,
    });
  }, 300_000);
});
