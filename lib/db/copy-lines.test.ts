import { describe, expect, it } from "vitest";
import { decodeCopyBinary } from "./copy-lines";

/** A one-text-column binary COPY as Postgres frames it (signature, flags, extension, tuples, trailer). */
function framed(values: (string | null)[], extension = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(extension.length, 4);
  const tuples = values.map((v) => {
    const t = Buffer.alloc(6);
    t.writeInt16BE(1, 0);
    if (v === null) {
      t.writeInt32BE(-1, 2);
      return t;
    }
    const bytes = Buffer.from(v);
    t.writeInt32BE(bytes.length, 2);
    return Buffer.concat([t, bytes]);
  });
  const trailer = Buffer.alloc(2);
  trailer.writeInt16BE(-1, 0);
  return Buffer.concat([
    Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"),
    head,
    extension,
    ...tuples,
    trailer,
  ]);
}

async function decode(chunks: Buffer[], stats?: { lines: number }): Promise<string> {
  const out: Buffer[] = [];
  for await (const piece of decodeCopyBinary(chunks, stats)) out.push(piece);
  return Buffer.concat(out).toString("utf8");
}

const LINES = ["a,b\r\n", '"x, ""y""",é☃\r\n', "", "last\r\n"];

describe("decodeCopyBinary", () => {
  it("returns the values' bytes as written, whichever byte the chunks are split at", async () => {
    const whole = framed([...LINES, null]);
    for (let size = 1; size <= whole.length; size++) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < whole.length; i += size) chunks.push(whole.subarray(i, i + size));
      const stats = { lines: 0 };
      expect(await decode(chunks, stats), `chunks of ${size}`).toBe(LINES.join(""));
      expect(stats.lines).toBe(5);
    }
  });

  it("skips a header extension area", async () => {
    expect(await decode([framed(["one\r\n"], Buffer.from("ext!"))])).toBe("one\r\n");
  });

  it("rejects a text-format answer and a stream cut before its trailer", async () => {
    await expect(decode([Buffer.from("a\tb\n".repeat(10))])).rejects.toThrow(/binary/);
    const whole = framed(["one\r\n"]);
    await expect(decode([whole.subarray(0, whole.length - 2)])).rejects.toThrow(/trailer/);
  });
});
