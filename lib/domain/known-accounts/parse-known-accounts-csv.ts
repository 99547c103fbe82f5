// A CMDB export of the accounts the company owns: account id, name, owner. Every bad row gets its own
// message with its line number, so the user can fix the file and import it again.
import { parse } from "csv-parse/sync";
import { z } from "zod";

export const MAX_KNOWN_ACCOUNT_ROWS = 20_000;

export interface TKnownAccountRow {
  line: number;
  accountId: string;
  name: string;
  owner: string;
}

export interface TRowError {
  line: number;
  accountId: string | null;
  message: string;
}

const HEADERS = {
  accountId: ["accountid", "account", "id", "awsaccountid", "awsaccount", "accountnumber"],
  name: ["name", "accountname", "alias", "accountalias"],
  owner: ["owner", "owneremail", "email", "contact", "team"],
} as const;

const normalize = (cell: string) => cell.toLowerCase().replace(/[^a-z0-9]/g, "");
// csv-parse reports the line a record ends on; a quoted field may span lines.
const ZRecords = z.array(
  z.object({ record: z.array(z.string()), info: z.object({ lines: z.number() }) }),
);

/** Normalises "1234-5678-9012" and " 123456789012 "; explains ids a spreadsheet shortened. */
export function accountIdProblem(raw: string): { accountId: string } | { message: string } {
  const id = raw.trim().replace(/[\s-]/g, "");
  if (/^\d{12}$/.test(id)) return { accountId: id };
  if (id === "") return { message: "The account id is empty." };
  if (/^\d{1,11}$/.test(id))
    return {
      message: `Account id ${id} has ${id.length} digits; AWS account ids have 12 (a spreadsheet may have dropped leading zeros).`,
    };
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(id))
    return {
      message: `Account id ${raw.trim()} is in scientific notation; export the column as text.`,
    };
  return { message: `"${raw.trim()}" is not an AWS account id (12 digits).` };
}

function columnsOf(header: string[]): { accountId: number; name: number; owner: number } | null {
  const names = header.map(normalize);
  const find = (keys: readonly string[]) => names.findIndex((n) => keys.includes(n));
  const accountId = find(HEADERS.accountId);
  return accountId < 0 ? null : { accountId, name: find(HEADERS.name), owner: find(HEADERS.owner) };
}

export function parseKnownAccountsCsv(text: string): {
  rows: TKnownAccountRow[];
  errors: TRowError[];
} {
  let records: { cells: string[]; line: number }[];
  try {
    const parsed = ZRecords.parse(
      parse(text, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
        skip_records_with_empty_values: true,
        trim: true,
        info: true,
      }),
    );
    records = parsed.map(({ record, info }) => ({
      cells: record,
      line: info.lines - record.join("").split("\n").length + 1,
    }));
  } catch (err) {
    return {
      rows: [],
      errors: [
        {
          line: 1,
          accountId: null,
          message: `The file is not valid CSV: ${err instanceof Error ? err.message : String(err)}`,
        },
      ],
    };
  }
  const [first] = records;
  if (!first)
    return { rows: [], errors: [{ line: 1, accountId: null, message: "The file has no rows." }] };
  const positional = /^[\d\s-]{12,14}$/.test(first.cells[0] ?? "");
  const cols = positional ? { accountId: 0, name: 1, owner: 2 } : columnsOf(first.cells);
  if (!cols)
    return {
      rows: [],
      errors: [
        {
          line: 1,
          accountId: null,
          message:
            "No account id column: start the file with a header such as account_id,name,owner.",
        },
      ],
    };
  const body = records.slice(positional ? 0 : 1);
  if (body.length > MAX_KNOWN_ACCOUNT_ROWS)
    return {
      rows: [],
      errors: [
        {
          line: 1,
          accountId: null,
          message: `The file has ${body.length} rows; at most ${MAX_KNOWN_ACCOUNT_ROWS} can be imported at once.`,
        },
      ],
    };

  const rows: TKnownAccountRow[] = [];
  const errors: TRowError[] = [];
  const firstLine = new Map<string, number>();
  for (const { cells, line } of body) {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? "") : "");
    const id = accountIdProblem(cell(cols.accountId));
    if ("message" in id) {
      errors.push({ line, accountId: null, message: id.message });
      continue;
    }
    const name = cell(cols.name);
    const owner = cell(cols.owner);
    const seen = firstLine.get(id.accountId);
    if (seen !== undefined)
      errors.push({
        line,
        accountId: id.accountId,
        message: `Account ${id.accountId} is listed twice (first on line ${seen}).`,
      });
    else if (name.length > 200)
      errors.push({
        line,
        accountId: id.accountId,
        message: "The name is longer than 200 characters.",
      });
    else if (owner.length > 200)
      errors.push({
        line,
        accountId: id.accountId,
        message: "The owner is longer than 200 characters.",
      });
    else rows.push({ line, accountId: id.accountId, name, owner });
    if (seen === undefined) firstLine.set(id.accountId, line);
  }
  return { rows, errors };
}
