import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "./request-body";

function streamOf(
  chunks: number,
  chunkBytes: number,
  pulled: { bytes: number },
): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ >= chunks) return controller.close();
      pulled.bytes += chunkBytes;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
  });
}

// Node's fetch needs `duplex: "half"` to send a stream body; the DOM typings do not know it yet.
const init: RequestInit & { duplex: "half" } = { method: "POST", duplex: "half" };
const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/x", { ...init, body, headers });

async function error(p: Promise<unknown>): Promise<AppError> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe("readJsonBody", () => {
  it("parses a small JSON body", async () => {
    expect(await readJsonBody(post('{"name":"a"}'), 1024)).toEqual({ name: "a" });
  });

  it("refuses a body over the limit by its Content-Length, without reading it", async () => {
    const pulled = { bytes: 0 };
    const err = await error(
      readJsonBody(
        post(streamOf(20, 1024 * 1024, pulled), { "content-length": String(20 * 1024 * 1024) }),
        256 * 1024,
      ),
    );
    expect(err.status).toBe(413);
    expect(err.message).toMatch(/too large.*256 KB/);
    expect(pulled.bytes).toBeLessThanOrEqual(1024 * 1024);
  });

  it("stops reading a streamed body (no or a lying Content-Length) once it passes the limit", async () => {
    const pulled = { bytes: 0 };
    const err = await error(
      readJsonBody(post(streamOf(20, 64 * 1024, pulled), { "content-length": "10" }), 256 * 1024),
    );
    expect(err.status).toBe(413);
    expect(pulled.bytes).toBeLessThan(512 * 1024);
  });

  it("says so when the body is not JSON, or empty", async () => {
    expect((await error(readJsonBody(post("name=a"), 1024))).status).toBe(400);
    expect((await error(readJsonBody(post(""), 1024))).message).toMatch(/must be JSON/);
  });
});
