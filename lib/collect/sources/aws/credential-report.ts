// The IAM credential report: one CSV per account with every user's password and access-key usage,
// and the root user's (its "<root_account>" row).
import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";

export type ReportRow = Record<string, string>;

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== "");
}

export interface CredentialReport {
  users: Map<string, ReportRow>;
  /** The "<root_account>" row; null when the report has none (moto's never does). */
  root: ReportRow | null;
}

export function parseCredentialReport(csv: string): CredentialReport {
  const [header, ...rows] = parseCsv(csv);
  const out: CredentialReport = { users: new Map(), root: null };
  if (!header) return out;
  for (const cells of rows) {
    const row: ReportRow = {};
    header.forEach((name, i) => (row[name] = cells[i] ?? ""));
    if (row.user === "<root_account>") out.root = row;
    else if (row.user) out.users.set(row.user, row);
  }
  return out;
}

/** "N/A", "no_information", "not_supported" and the like mean "no date". */
export function reportDate(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export interface ReportOptions {
  sleep?: (ms: number) => Promise<void>;
  /** Give up after this long: a report takes seconds, rarely a minute. */
  timeoutMs?: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function fetchCredentialReport(
  iam: IAMClient,
  opts: ReportOptions = {},
): Promise<CredentialReport> {
  const sleep = opts.sleep ?? defaultSleep;
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (let delay = 250; ; delay = Math.min(delay * 2, 5_000)) {
    const { State } = await iam.send(new GenerateCredentialReportCommand({}));
    if (State === "COMPLETE") break;
    if (Date.now() > deadline) throw new Error("the IAM credential report was not ready in time");
    await sleep(delay);
  }
  const { Content } = await iam.send(new GetCredentialReportCommand({}));
  return parseCredentialReport(Content ? new TextDecoder().decode(Content) : "");
}
