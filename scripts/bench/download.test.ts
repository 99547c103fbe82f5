import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countLines, downloadLines } from "./download";

const LINES = 20_000;
const body = Buffer.from(
  Array.from({ length: LINES }, (_, i) => `row ${i},"a, b",${i * 3}\n`).join(""),
  "utf8",
);

/** Writes `bytes` in pieces of `size`, as a stream that is flushed often does. */
function writeInPieces(res: http.ServerResponse, bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) res.write(bytes.subarray(i, i + size));
  res.end();
}

let server: http.Server;
let base = "";
const seen: Array<string | undefined> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers["accept-encoding"]);
    if (req.headers.cookie !== "s=1") {
      res.writeHead(401, { "content-type": "application/json" });
      res.end('{"error":"sign in"}');
      return;
    }
    switch (req.url) {
      case "/plain":
        res.writeHead(200, { "content-type": "text/csv" });
        return writeInPieces(res, body, 7);
      case "/gzip":
        res.writeHead(200, { "content-type": "text/csv", "content-encoding": "gzip" });
        return writeInPieces(res, gzipSync(body), 13);
      case "/deflate":
        res.writeHead(200, { "content-type": "text/csv", "content-encoding": "deflate" });
        return writeInPieces(res, deflateSync(body), 4096);
      case "/br":
        res.writeHead(200, { "content-type": "text/csv", "content-encoding": "br" });
        return writeInPieces(res, brotliCompressSync(body), 1000);
      case "/zstd":
        res.writeHead(200, { "content-type": "text/csv", "content-encoding": "zstd" });
        return writeInPieces(res, body, 65536);
      case "/limited":
        res.writeHead(429, { "retry-after": "7", "content-type": "application/json" });
        res.end('{"error":"too many exports"}');
        return;
      default:
        res.writeHead(404);
        res.end();
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe("bench download", () => {
  it("counts newlines however the bytes are split, in Buffers and plain Uint8Arrays", async () => {
    function* pieces(size: number, asUint8: boolean) {
      for (let i = 0; i < body.length; i += size) {
        const piece = body.subarray(i, i + size);
        yield asUint8 ? new Uint8Array(piece) : piece;
      }
    }
    expect(await countLines(pieces(1, false))).toBe(LINES);
    expect(await countLines(pieces(5, true))).toBe(LINES);
    expect(await countLines(pieces(body.length, false))).toBe(LINES);
    expect(await countLines([])).toBe(0);
    expect(await countLines([Buffer.from("no line end")])).toBe(0);
  });

  it("offers gzip, deflate and br as a browser does and counts the decoded lines of each", async () => {
    for (const route of ["/plain", "/gzip", "/deflate", "/br"]) {
      const got = await downloadLines(`${base}${route}`, { cookie: "s=1" });
      expect({ route, status: got.status, lines: got.lines }).toEqual({
        route,
        status: 200,
        lines: LINES,
      });
    }
    expect(seen.at(-1)).toBe("gzip, deflate, br");
  });

  it("hands back a 429's Retry-After and an error's body instead of counting it", async () => {
    const limited = await downloadLines(`${base}/limited`, { cookie: "s=1" });
    expect(limited).toMatchObject({ status: 429, lines: 0, retryAfterSeconds: 7 });
    const refused = await downloadLines(`${base}/gzip`);
    expect(refused).toMatchObject({ status: 401, lines: 0, errorText: '{"error":"sign in"}' });
  });

  it("refuses an encoding it cannot decode instead of counting compressed bytes", async () => {
    await expect(downloadLines(`${base}/zstd`, { cookie: "s=1" })).rejects.toThrow(
      "unsupported Content-Encoding zstd",
    );
  });

  it("fails on a connection refused instead of hanging", async () => {
    const closed = http.createServer();
    closed.listen(0, "127.0.0.1");
    await once(closed, "listening");
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    await expect(downloadLines(`http://127.0.0.1:${port}/`)).rejects.toThrow(/ECONNREFUSED/);
  });
});
