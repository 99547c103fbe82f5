// The text lines of `COPY (SELECT one text column …) TO STDOUT (FORMAT binary)`, exactly as Postgres
// computed them: binary COPY frames each value with its length and escapes nothing, so an export
// whose lines are built in SQL reaches the client byte for byte, at COPY's speed. Pulled as the
// reader consumes (pg-copy-streams pauses the socket in between), handed out in ~64 KB pieces.
// No "server-only": the CLI exports read through it too.
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";

/** PGCOPY\n\377\r\n\0: the binary COPY signature. */
const SIGNATURE = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]);
const PIECE_BYTES = 64 * 1024;

type Stage = "header" | "extension" | "count" | "length" | "data" | "end";

/** Each line's bytes, concatenated (the SQL adds its own line ends); `sql` selects exactly one text column. */
export async function* copyLines(
  client: pg.ClientBase,
  sql: string,
  stats?: { lines: number },
): AsyncGenerator<Buffer> {
  const stream = client.query(copyTo(`COPY (${sql}) TO STDOUT (FORMAT binary)`));
  try {
    yield* decodeCopyBinary(stream as AsyncIterable<Buffer>, stats);
  } finally {
    stream.destroy();
  }
}

/** The values of a one-column binary COPY, however its bytes are split into chunks. */
export async function* decodeCopyBinary(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  stats?: { lines: number },
): AsyncGenerator<Buffer> {
  let stage: Stage = "header";
  let need = SIGNATURE.length + 8;
  let field: Buffer = Buffer.alloc(0);
  let out: Buffer[] = [];
  let outBytes = 0;
  for await (const chunk of chunks) {
    let pos = 0;
    while (pos < chunk.length && stage !== "end") {
      // The common case, read in place: a whole one-column tuple header (and often its value) in
      // this chunk. The general path below handles headers and values split across chunks.
      if (stage === "count" && field.length === 0 && chunk.length - pos >= 6) {
        const columns = chunk.readInt16BE(pos);
        if (columns === 1) {
          const length = chunk.readInt32BE(pos + 2);
          pos += 6;
          if (stats) stats.lines++;
          if (length > 0) {
            const take = Math.min(length, chunk.length - pos);
            out.push(chunk.subarray(pos, pos + take));
            outBytes += take;
            pos += take;
            if (take < length) [stage, need] = ["data", length - take];
          }
          continue;
        }
      }
      const take = Math.min(need - (stage === "data" ? 0 : field.length), chunk.length - pos);
      const part = chunk.subarray(pos, pos + take);
      pos += take;
      if (stage === "data" || stage === "extension") {
        if (stage === "data") {
          out.push(part);
          outBytes += take;
        }
        need -= take;
        if (need === 0) [stage, need] = ["count", 2];
        continue;
      }
      field = field.length ? Buffer.concat([field, part]) : part;
      if (field.length < need) break;
      const f = field;
      field = Buffer.alloc(0);
      if (stage === "header") {
        if (!f.subarray(0, SIGNATURE.length).equals(SIGNATURE))
          throw new Error("COPY did not answer in binary format");
        const extension = f.readUInt32BE(SIGNATURE.length + 4);
        [stage, need] = extension > 0 ? ["extension", extension] : ["count", 2];
      } else if (stage === "count") {
        const columns = f.readInt16BE(0);
        if (columns === -1) stage = "end";
        else if (columns !== 1) throw new Error(`copyLines: expected 1 column, got ${columns}`);
        else [stage, need] = ["length", 4];
      } else {
        const length = f.readInt32BE(0);
        if (stats) stats.lines++;
        // A NULL line (-1) or an empty one adds nothing.
        [stage, need] = length > 0 ? ["data", length] : ["count", 2];
      }
    }
    if (outBytes >= PIECE_BYTES) {
      yield Buffer.concat(out, outBytes);
      out = [];
      outBytes = 0;
    }
  }
  if (stage !== "end") throw new Error("COPY ended before its trailer");
  if (outBytes > 0) yield Buffer.concat(out, outBytes);
}

/**
 * A temporary text table dropped at the end of the caller's transaction (COPY takes no parameters,
 * so a query's list of ids or per-key cells is joined from here). The first column is the key.
 */
export async function fillTempTable(
  client: pg.ClientBase,
  name: string,
  columns: string[],
  rows: readonly (readonly string[])[],
): Promise<void> {
  const defs = columns.map((c, i) => `${c} text${i === 0 ? " PRIMARY KEY" : ""}`).join(", ");
  await client.query(`CREATE TEMP TABLE ${name} (${defs}) ON COMMIT DROP`);
  await client.query(
    `INSERT INTO ${name} SELECT * FROM unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(", ")})`,
    columns.map((_, i) => rows.map((r) => r[i] ?? null)),
  );
  await client.query(`ANALYZE ${name}`);
}
