import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { ListUsersCommand } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLatencyProxy, type LatencyProxy } from "@/testing/aws/latency-proxy";
import { BASE_CREDENTIALS } from "@/testing/aws/moto-org";
import { motoConfig } from "@/testing/aws/moto-collect";
import { startMoto, type MotoServer } from "@/testing/moto";
import { AwsClients } from "./clients";
import { RequestMeter } from "./meter";

let moto: MotoServer;
let proxy: LatencyProxy;

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startLatencyProxy(moto.endpoint, { delayMs: 0 });
});

afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

describe("shared keep-alive connections", () => {
  it("carries calls of clients created and destroyed one account after another over one connection", async () => {
    const config = motoConfig(proxy.endpoint);
    const meter = new RequestMeter(0, "0");
    for (const account of ["111111111111", "222222222222", "333333333333"]) {
      const clients = new AwsClients(account, BASE_CREDENTIALS, config, meter);
      const who = await clients.sts(clients.homeRegion).send(new GetCallerIdentityCommand({}));
      expect(who.Account).toMatch(/^\d{12}$/);
      const users = await clients.iam().send(new ListUsersCommand({}));
      expect(users.Users).toEqual([]);
      // What the audit does after each account: the clients go, their sockets must not.
      clients.destroy();
    }
    expect(proxy.requests).toBe(6);
    expect(proxy.connections).toBe(1);
  });
});
