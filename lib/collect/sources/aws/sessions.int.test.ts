// Member accounts are read through the least-privilege role by default, and every session names its
// run, so that CloudTrail in the member account ties each call to one OrgLens run.
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { TestDatabase } from "@/testing/db";
import type { MotoServer } from "@/testing/moto";
import { collectAws } from ".";
import { sessionNameFor, stsAssumeRole } from "./sessions";
import { awsConfig, type MotoOrg } from "@/testing/aws/moto-org";
import { motoCollectOptions } from "@/testing/aws/moto-collect";
import { startMotoOrgDb, stopMotoOrgDb } from "@/testing/aws/moto-org-db";

let moto: MotoServer;
let database: TestDatabase;
let db: Db;
let org: MotoOrg;

beforeAll(async () => {
  ({ moto, database, db, org } = await startMotoOrgDb());
});

afterAll(() => stopMotoOrgDb({ moto, database, db }));

describe("member-account sessions", () => {
  it("assume OrgLensAudit by default, in a session named after the run (seen by GetCallerIdentity)", async () => {
    const callers = new Map<string, string>();
    const result = await collectAws(
      db,
      database.url,
      motoCollectOptions(moto.endpoint, new Date("2025-06-15T12:00:00Z"), {
        assumeRole: async (target, base) => {
          const credentials = await stsAssumeRole(target, base);
          const sts = new STSClient(awsConfig(moto.endpoint, credentials));
          const me = await sts.send(new GetCallerIdentityCommand({}));
          sts.destroy();
          callers.set(target.accountId, me.Arn ?? "");
          return credentials;
        },
      }),
    );
    expect(result.status).not.toBe("failed");
    const member = org.accounts.prodApp;
    expect(callers.get(member)).toBe(
      `arn:aws:sts::${member}:assumed-role/OrgLensAudit/orglens-${result.runId}`,
    );
    expect(callers.size).toBeGreaterThan(1);
  });
});

describe("sessionNameFor", () => {
  it("keeps within STS's 64 characters and allowed set, whatever the run id", () => {
    expect(sessionNameFor("0b6f3c55-2f5e-4a43-9b1e-7f1f6a1f0c2d")).toBe(
      "orglens-0b6f3c55-2f5e-4a43-9b1e-7f1f6a1f0c2d",
    );
    expect(sessionNameFor(undefined)).toBe("orglens");
    const odd = sessionNameFor(`run id/with spaces:${"x".repeat(80)}`);
    expect(odd).toMatch(/^orglens-[\w+=,.@-]+$/);
    expect(odd.length).toBeLessThanOrEqual(64);
  });
});
