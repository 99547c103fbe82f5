import { createServer, request, type Server } from "node:http";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMoto, type MotoServer } from "@/testing/moto";
import { startLatencyProxy } from "./latency-proxy";
import { awsConfig } from "./moto-org";

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let upstream: Server;
let upstreamUrl: string;
const seen: Seen[] = [];
// Not valid UTF-8 on purpose: a proxy that decodes and re-encodes text would change it.
const REPLY = Buffer.from([0x00, 0xff, 0xfe, 0x41, 0x0d, 0x0a, 0x80, 0x7f]);
let moto: MotoServer;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      res.writeHead(418, {
        "x-amzn-requestid": "req-1",
        "content-type": "application/octet-stream",
      });
      res.end(REPLY);
    });
  });
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
  const address = upstream.address();
  upstreamUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  moto = await startMoto();
});

afterAll(async () => {
  await new Promise<void>((r) => upstream.close(() => r()));
  await moto?.stop();
});

function send(
  endpoint: string,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${endpoint}/some/path?Action=Probe&x=%2F`,
      { method: "POST", headers: { "x-amz-target": "Test.Probe", "content-length": body.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("latency proxy", () => {
  it("forwards requests and responses byte for byte and counts them", async () => {
    const proxy = await startLatencyProxy(upstreamUrl, { delayMs: 5 });
    try {
      const payload = Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x0a, 0xc3, 0x28]);
      const a = await send(proxy.endpoint, payload);
      const b = await send(proxy.endpoint, Buffer.alloc(0));

      expect(proxy.requests).toBe(2);
      expect(seen).toHaveLength(2);
      expect(seen[0]?.method).toBe("POST");
      expect(seen[0]?.url).toBe("/some/path?Action=Probe&x=%2F");
      expect(seen[0]?.headers["x-amz-target"]).toBe("Test.Probe");
      expect(seen[0]?.body.equals(payload)).toBe(true);
      expect(seen[1]?.body.length).toBe(0);
      for (const r of [a, b]) {
        expect(r.status).toBe(418);
        expect(r.headers["x-amzn-requestid"]).toBe("req-1");
        expect(r.body.equals(REPLY)).toBe(true);
      }
    } finally {
      await proxy.close();
    }
  });

  it("answers 502 when its upstream is gone, and still counts the request", async () => {
    const dead = await startLatencyProxy("http://127.0.0.1:9", { delayMs: 0 });
    try {
      const r = await send(dead.endpoint, Buffer.from("x"));
      expect(r.status).toBe(502);
      expect(r.body.toString()).toContain("upstream failed");
      expect(dead.requests).toBe(1);
    } finally {
      await dead.close();
    }
  });

  it("carries SDK calls to moto: the same answer as moto gives directly", async () => {
    const proxy = await startLatencyProxy(moto.endpoint, { delayMs: 5 });
    const sts = new STSClient(awsConfig(proxy.endpoint));
    try {
      const direct = new STSClient(awsConfig(moto.endpoint));
      const viaProxy = await sts.send(new GetCallerIdentityCommand({}));
      const straight = await direct.send(new GetCallerIdentityCommand({}));
      direct.destroy();
      expect(viaProxy.Account).toBe(straight.Account);
      expect(viaProxy.Arn).toBe(straight.Arn);
      expect(proxy.requests).toBe(1);
    } finally {
      sts.destroy();
      await proxy.close();
    }
  });
});
