// CSV hygiene shared by every export: UTF-8, RFC 4180 quoting, ISO dates, `.` decimals, and cells
// that a spreadsheet would run as a formula neutralized. Rows are streamed, never held in memory.
import { stringify } from "csv-stringify/sync";

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

const OPTIONS = { record_delimiter: "windows", quoted_match: /^\s|\s$/ } as const;
/** Rows written per piece: ~64 KB of CSV for a typical export row, one pass of the stringifier. */
const ROWS_PER_PIECE = 500;

/** A download whose reader has not asked for more for this long is cut off (its connection freed). */
export const EXPORT_STALL_TIMEOUT_MS = 60_000;

export interface CsvStreamOptions {
  /** Cut the download off when the reader stops pulling for this long (default EXPORT_STALL_TIMEOUT_MS). */
  stallTimeoutMs?: number;
  rowsPerPiece?: number;
}

/** One row's CSV text without its line end: the exact cells `csvStream` would write for it. */
export function csvFields(cells: readonly CsvCell[]): string {
  return stringify([cells.map(csvCell)], OPTIONS).slice(0, -2);
}

/** The CSV line (with its CRLF) of one row, as `csvStream` writes it. */
export function csvLine(cells: readonly CsvCell[]): string {
  return stringify([cells.map(csvCell)], OPTIONS);
}

async function* csvPieces(
  rows: AsyncIterable<readonly CsvCell[]> | Iterable<readonly CsvCell[]>,
  rowsPerPiece: number,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let piece: string[][] = [];
  for await (const row of rows) {
    piece.push(row.map(csvCell));
    if (piece.length >= rowsPerPiece) {
      yield encoder.encode(stringify(piece, OPTIONS));
      piece = [];
    }
  }
  if (piece.length > 0) yield encoder.encode(stringify(piece, OPTIONS));
}

/**
 * A byte stream of CSV from rows (the first row is the header). Pulls rows only as fast as the
 * reader consumes them, a few hundred at a time; cancelling the response stops the source, and so
 * does a reader that stops reading: a stalled download must not hold a database cursor forever.
 */
export function csvStream(
  rows: AsyncIterable<readonly CsvCell[]> | Iterable<readonly CsvCell[]>,
  opts: CsvStreamOptions = {},
): ReadableStream<Uint8Array> {
  return byteStream(csvPieces(rows, opts.rowsPerPiece ?? ROWS_PER_PIECE), opts);
}

/**
 * A byte stream from pieces of an export (CSV already written, e.g. by Postgres): one piece per
 * pull, so nothing is read ahead of the reader; the same stall cut-off and cancellation as csvStream.
 */
export function byteStream(
  pieces: AsyncIterable<Uint8Array>,
  opts: Pick<CsvStreamOptions, "stallTimeoutMs"> = {},
): ReadableStream<Uint8Array> {
  const { stallTimeoutMs = EXPORT_STALL_TIMEOUT_MS } = opts;
  const source = pieces[Symbol.asyncIterator]();
  // Armed while the stream waits for the reader (between pulls), never while it waits for the source.
  let stall: ReturnType<typeof setTimeout> | undefined;
  const disarm = () => clearTimeout(stall);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        disarm();
        const next = await source.next();
        if (next.done) return controller.close();
        controller.enqueue(next.value);
        stall = setTimeout(() => {
          controller.error(
            new Error(
              `export stalled: the reader took more than ${stallTimeoutMs / 1000} s to read on`,
            ),
          );
          void Promise.resolve(source.return?.()).catch(() => undefined);
        }, stallTimeoutMs);
      },
      async cancel() {
        disarm();
        // Runs the source's finally blocks (a cursor closed, a connection released).
        await source.return?.();
      },
    },
    // One piece queued at most: the next is produced only when the reader has taken this one.
    { highWaterMark: 1 },
  );
}

/** `name-2026-03-01.csv`-style names only: nothing a header could be split with. */
export function csvFilename(name: string): string {
  const safe = name.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "");
  return `${safe || "export"}.csv`;
}

/** An attachment response streaming the rows. */
export function csvResponse(
  filename: string,
  rows: AsyncIterable<readonly CsvCell[]> | Iterable<readonly CsvCell[]>,
): Response {
  return csvBytesResponse(filename, csvStream(rows));
}

/** An attachment response streaming CSV bytes (see byteStream). */
export function csvBytesResponse(filename: string, body: ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${csvFilename(filename)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
