// The SQL that writes a chargeback line's CSV cells after the month (CRLF-terminated), from the
// columns chargeback_line and chargeback_computed_line share: Postgres's orglens_csv_cell and
// orglens_cents_text write them as csv-stringify did (test: exports-identical.int.test.ts).
// Evaluated once per line when an open month is stored (chargeback_computed_line.cells), and per
// line on export only for closed months and lines stored before that column existed.
// No "server-only": the CLI export reaches it through chargeback-csv.ts.
import { CHARGE_GROUPS } from "@/lib/domain/allocation/charge-policy";

/** The component columns of chargeback_line and chargeback_computed_line, in CHARGE_GROUPS order. */
const CHARGE_COLUMNS = CHARGE_GROUPS.map((g) => `${g}_cents`);

export const CHARGEBACK_CELLS_SQL = `orglens_csv_cell(cost_center) || ',' || orglens_csv_cell(account_id) || ','
      || orglens_csv_cell(account_name) || ',' || orglens_csv_cell(ou_path) || ','
      || orglens_cents_text(direct_cents) || ',' || orglens_cents_text(shared_cents) || ','
      || orglens_cents_text(direct_cents + shared_cents) || ','
      || coalesce(to_char(adjusts_month, 'YYYY-MM-DD'), '')
      ${CHARGE_COLUMNS.map((c) => `|| ',' || coalesce(orglens_cents_text(${c}), '')`).join(" ")}
      || E'\\r\\n'`;
