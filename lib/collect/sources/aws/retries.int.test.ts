import { CreateUserCommand } from "@aws-sdk/client-iam";
import { CreateOrganizationCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { parseSnapshot } from "@/lib/domain/snapshot";
import { startMoto, type MotoServer } from "@/testing/moto";
import { loadAwsConfig } from "./config";
import { produceAwsSnapshot } from "./source";
import { awsConfig, BASE_CREDENTIALS, createAccount, iamIn } from "@/testing/aws/moto-org";
import { startThrottlingProxy, type ThrottlingProxy } from "@/testing/aws/throttling-proxy";

let moto: MotoServer;
let proxy: ThrottlingProxy;

beforeAll(async () => {
  moto = await startMoto();
  const orgs = new OrganizationsClient(awsConfig(moto.endpoint));
  await orgs.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
  for (const name of ["a", "b", "c"]) {
    const id = await createAccount(orgs, name);
    const iam = await iamIn(moto.endpoint, id);
    await iam.send(new CreateUserCommand({ UserName: `user-${name}` }));
    iam.destroy();
  }
  orgs.destroy();
  proxy = await startThrottlingProxy(moto.endpoint, [
    { operation: "GetAccountAuthorizationDetails", times: 4, protocol: "query" },
    { operation: "ListAccountsForParent", times: 2, protocol: "json" },
  ]);
});

afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

describe("throttling", () => {
  it("is retried by the SDK's adaptive retries: no account fails", async () => {
    const config = loadAwsConfig(
      {},
      { endpoint: proxy.endpoint, regions: ["us-east-1"], maxAttempts: 6 },
    );
    const snap = parseSnapshot(
      await produceAwsSnapshot(
        {
          config,
          costState: { backfilled: false, estimatedMonths: [], tagKeyMonths: {} },
          credentials: BASE_CREDENTIALS,
          report: { sleep: async () => {} },
        },
        DEFAULT_SETTINGS,
        () => {},
        () => {},
      ),
    );
    expect(proxy.throttled.get("GetAccountAuthorizationDetails")).toBe(4);
    expect(proxy.throttled.get("ListAccountsForParent")).toBe(2);
    expect(snap.accounts).toHaveLength(4);
    expect(snap.audits.map((a) => a.status)).toEqual(["audited", "audited", "audited", "audited"]);
    expect(snap.audits.flatMap((a) => a.iamUsers.map((u) => u.userName)).sort()).toEqual([
      "user-a",
      "user-b",
      "user-c",
    ]);
  });
});
