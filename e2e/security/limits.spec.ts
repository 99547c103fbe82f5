// Resource exhaustion by a signed-in user: oversized bodies are cut off while streaming (413, whatever
// Content-Length says), and exports are rate-limited per caller (429 with Retry-After).
import http from "node:http";
import { expect, request as newRequest, test } from "@playwright/test";
import { signInDemo } from "../support/auth";

test("a 20 MB JSON body to a small route is refused with 413 and a clear message", async ({
  baseURL,
}) => {
  const ctx = await newRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL ?? "" } });
  await signInDemo(ctx, "analyst");
  const name = "x".repeat(20 * 1024 * 1024);
  const started = Date.now();
  const res = await ctx.post("/api/tokens", { data: { name } });
  expect(res.status()).toBe(413);
  expect(((await res.json()) as { error: string }).error).toMatch(/too large/i);
  expect(Date.now() - started).toBeLessThan(15_000);
  await ctx.dispose();
});

test("a chunked body without Content-Length is cut off at the limit too", async ({ baseURL }) => {
  const ctx = await newRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL ?? "" } });
  await signInDemo(ctx, "analyst");
  const cookie = (await ctx.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const url = new URL("/api/tokens", baseURL);
  const chunk = Buffer.alloc(1024 * 1024, "a");
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        headers: {
          cookie,
          origin: url.origin,
          "content-type": "application/json",
          "transfer-encoding": "chunked",
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    // The server may answer and close while we are still writing: that is the point.
    req.on("error", (err) =>
      err.message.includes("EPIPE") || err.message.includes("ECONNRESET") ? undefined : reject(err),
    );
    req.write('{"name":"');
    let sent = 0;
    const pump = () => {
      while (sent < 20 && !req.destroyed) {
        sent++;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!req.destroyed) req.end('"}');
    };
    pump();
  });
  expect(status).toBe(413);
  await ctx.dispose();
});

test("exports are rate-limited per API token with 429 and Retry-After", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const analyst = await newRequest.newContext({
    baseURL,
    extraHTTPHeaders: { origin: baseURL ?? "" },
  });
  await signInDemo(analyst, "analyst");
  const created = await analyst.post("/api/tokens", {
    data: { name: "export rate limit", expiresInDays: 1 },
  });
  expect(created.status()).toBe(200);
  const { secret } = (await created.json()) as { secret: string };
  const api = await newRequest.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${secret}` },
  });
  const statuses: number[] = [];
  let retryAfter: string | undefined;
  let message = "";
  for (let i = 0; i < 15; i++) {
    const res = await api.get("/api/v1/findings/export?severity=critical");
    statuses.push(res.status());
    if (res.status() === 429) {
      retryAfter = res.headers()["retry-after"];
      message = ((await res.json()) as { error: string }).error;
      break;
    }
  }
  expect(statuses).toContain(200);
  expect(statuses.at(-1)).toBe(429);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  expect(message).toMatch(/too many exports/i);
  // Another caller is not held back by this token's exports.
  expect((await analyst.get("/api/v1/findings/export?severity=critical")).status()).toBe(200);
  await Promise.all([api.dispose(), analyst.dispose()]);
});
