// CSV hygiene shared by every export: UTF-8, RFC 4180 quoting, ISO dates, `.` decimals, and cells
// that a spreadsheet would run as a formula neutralized. Rows are streamed, never held in memory.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";

export type CsvCell = string | number | bigint | boolean | Date | null | undefined;

/** A plain decimal ("-12.50"): a spreadsheet reads it as a number, never as a formula. */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
/** Leading characters that make Excel, LibreOffice or Sheets evaluate a cell (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that would start a formula gets a leading `'`; plain decimals (negative amounts) stay numbers. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_DECIMAL.test(text) ? `'${text}` : text;
}

/** One cell as text: dates as ISO 8601, numbers with `.` and no exponent, text neutralized. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "true" : "false";
  return neutralizeFormula(value);
}

async function* cellsOf(rows: AsyncIterable<readonly CsvCell[]> | Iterable<readonly CsvCell[]>): AsyncGenerator<string[]> {
  for await (const row of rows) yield row.map(csvCell);
}

const FLUSH_BYTES = 64 * 1024;

/**
 * A byte stream of CSV from rows (the first row is the header). Pulls rows only as fast as the
 * reader consumes them; cancelling the response stops the source.
 */
export function csvStream(rows: AsyncIterable<readonly CsvCell[]> | Iterable<readonly CsvCell[]>): ReadableStream<Uint8Array> {
  const source = Readable.from(cellsOf(rows));
  const stringifier = stringify({ record_delimiter: "windows", quoted_match: /^\s|\s$/ });
  // Failures reach the reader through the stringifier's iterator; this only avoids an unhandled rejection.
  pipeline(source, stringifier).catch(() => undefined);
  const chunks = stringifier[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const bytes = (chunk: unknown) => (chunk instanceof Uint8Array ? chunk : encoder.encode(String(chunk)));
  return new ReadableStream<Uint8Array>({
    // The stringifier yields a chunk per row: hand them on in ~64 KB pieces, not a million tiny ones.
    async pull(controller) {
      const parts: Uint8Array[] = [];
      let size = 0;
      while (size < FLUSH_BYTES) {
        const next: IteratorResult<unknown> = await chunks.next();
        if (next.done) {
          if (size > 0) controller.enqueue(Buffer.concat(parts, size));
          return controller.close();
        }
        const part = bytes(next.value);
        parts.push(part);
        size += part.byteLength;
      }
      controller.enqueue(Buffer.concat(parts, size));
    },
    cancel(reason) {
      source.destroy(reason instanceof Error ? reason : undefined);
      stringifier.destroy();
    },
  });
}

/** `name-2026-03-01.csv`-style names only: nothing a header could be split with. */
export function csvFilename(name: string): string {
  const safe = name.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "");
  return `${safe || "export"}.csv`;
}

/** An attachment response streaming the rows. */
export function csvResponse(filename: string, rows: AsyncIterable<readonly CsvCell[]> | Iterable<readonly CsvCell[]>): Response {
  return new Response(csvStream(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${csvFilename(filename)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
