import {
  AWSOrganizationsNotInUseException,
  CreateAccountCommand,
  CreateOrganizationCommand,
  DescribeCreateAccountStatusCommand,
  DescribeOrganizationCommand,
  ListAccountsCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMoto, type MotoServer } from "./moto";

let moto: MotoServer;
let client: OrganizationsClient;

beforeAll(async () => {
  moto = await startMoto();
  client = new OrganizationsClient({
    endpoint: moto.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  });
});

afterAll(async () => {
  client?.destroy();
  await moto?.stop();
});

describe("moto server", () => {
  it("emulates AWS Organizations", async () => {
    const created = await client.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
    const orgId = created.Organization?.Id;
    expect(orgId).toMatch(/^o-[a-z0-9]+$/);

    const request = await client.send(
      new CreateAccountCommand({ AccountName: "workload-prod", Email: "prod@example.com" }),
    );
    const status = await client.send(
      new DescribeCreateAccountStatusCommand({
        CreateAccountRequestId: request.CreateAccountStatus?.Id,
      }),
    );
    expect(status.CreateAccountStatus?.State).toBe("SUCCEEDED");

    const described = await client.send(new DescribeOrganizationCommand({}));
    expect(described.Organization?.Id).toBe(orgId);
    const accounts = await client.send(new ListAccountsCommand({}));
    expect(accounts.Accounts?.map((a) => a.Name)).toContain("workload-prod");
  });

  it("reset() clears all state", async () => {
    await moto.reset();
    await client.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
    await moto.reset();
    await expect(client.send(new DescribeOrganizationCommand({}))).rejects.toBeInstanceOf(
      AWSOrganizationsNotInUseException,
    );
  });
});
