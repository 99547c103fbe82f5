// Streaming FOCUS CSV reader (1.0 and later): literal NULL and empty cells are null, costs are exact
// decimals, dates UTC. Every original cell is kept (non-standard columns included) for round trips.
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { FOCUS_REQUIRED_ON_IMPORT } from "./columns";
import { parseFocusDecimal } from "./decimal-text";

export interface FocusRow {
  line: number;
  providerName: string;
  billingAccountId: string;
  subAccountId: string | null;
  subAccountName: string | null;
  chargePeriodStart: Date;
  billingPeriodStart: Date;
  serviceName: string | null;
  billedCost: string;
  effectiveCost: string;
  listCost: string;
  /** null cells are stored as 0 in the typed column; the raw row keeps the null. */
  contractedCost: string;
  /** The charge type columns, null when the file leaves them empty. */
  chargeCategory: string | null;
  chargeClass: string | null;
  commitmentDiscountCategory: string | null;
  raw: Record<string, string | null>;
}

export class FocusParseError extends Error {
  constructor(readonly problems: string[]) {
    super(`The FOCUS file has ${problems.length} problem(s):\n${problems.slice(0, 20).join("\n")}`);
    this.name = "FocusParseError";
  }
}

// "2024-09-01 00:00:00", "2024-09-01T00:00:00Z", "2024-09-01T00:00:00.000+00:00", "2024-09-01".
const DATE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseFocusDate(text: string): Date | null {
  const t = text.trim();
  if (!DATE.test(t)) return null;
  const iso = t.length === 10 ? `${t}T00:00:00Z` : t.replace(" ", "T");
  const d = new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

const nullable = (v: string | undefined): string | null =>
  v === undefined || v === "NULL" ? null : v;

function toRow(cells: Record<string, string>, line: number, problems: string[]): FocusRow | null {
  const raw: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(cells)) raw[k] = nullable(v);
  const before = problems.length;
  const text = (col: string) => {
    const v = raw[col];
    return v === null || v === undefined || v.trim() === "" ? null : v;
  };
  const required = (col: string) =>
    text(col) ?? (problems.push(`line ${line}: ${col} is empty`), "");
  const cost = (col: string, allowNull = false) => {
    const v = text(col);
    if (v === null) {
      if (!allowNull) problems.push(`line ${line}: ${col} is empty`);
      return "0";
    }
    const parsed = parseFocusDecimal(v);
    if ("error" in parsed) {
      problems.push(`line ${line}: ${col} ${parsed.error}`);
      return "0";
    }
    return parsed.value;
  };
  const date = (col: string) => {
    const d = parseFocusDate(required(col));
    if (!d) problems.push(`line ${line}: ${col} is not a date`);
    return d ?? new Date(0);
  };
  const row: FocusRow = {
    line,
    providerName: required("ProviderName"),
    billingAccountId: required("BillingAccountId"),
    subAccountId: text("SubAccountId"),
    subAccountName: text("SubAccountName"),
    chargePeriodStart: date("ChargePeriodStart"),
    billingPeriodStart: date("BillingPeriodStart"),
    serviceName: text("ServiceName"),
    billedCost: cost("BilledCost"),
    effectiveCost: cost("EffectiveCost"),
    listCost: cost("ListCost"),
    contractedCost: cost("ContractedCost", true),
    chargeCategory: text("ChargeCategory"),
    chargeClass: text("ChargeClass"),
    commitmentDiscountCategory: text("CommitmentDiscountCategory"),
    raw,
  };
  return problems.length === before ? row : null;
}

/**
 * Yields valid rows until the first invalid one; then only collects problems (up to 1,000) and throws
 * FocusParseError at the end, so the importer stops inserting rows it will roll back anyway.
 */
export async function* readFocusRows(input: Readable): AsyncGenerator<FocusRow> {
  const problems: string[] = [];
  const parser = input.pipe(
    parse({
      bom: true,
      info: true,
      skip_empty_lines: true,
      columns: (header: string[]) => {
        const missing = FOCUS_REQUIRED_ON_IMPORT.filter((c) => !header.includes(c));
        if (missing.length)
          throw new FocusParseError([
            `the header lacks ${missing.join(", ")} (is this a FOCUS file?)`,
          ]);
        return header;
      },
    }),
  );
  for await (const chunk of parser) {
    const { record, info } = chunkOf(chunk);
    const row = toRow(record, info, problems);
    if (row && problems.length === 0) yield row;
    if (problems.length > 1000) break;
  }
  if (problems.length) throw new FocusParseError(problems);
}

function chunkOf(chunk: unknown): { record: Record<string, string>; info: number } {
  if (typeof chunk !== "object" || chunk === null || !("record" in chunk) || !("info" in chunk))
    throw new Error("unexpected CSV parser output");
  const record: Record<string, string> = {};
  if (typeof chunk.record === "object" && chunk.record !== null)
    for (const [k, v] of Object.entries(chunk.record))
      record[k] = typeof v === "string" ? v : String(v);
  const info = chunk.info;
  const line =
    typeof info === "object" && info !== null && "lines" in info && typeof info.lines === "number"
      ? info.lines
      : 0;
  return { record, info: line };
}
