// CSV export throughput against `COPY (the same rows) TO STDOUT WITH CSV`, and the server's memory
// meanwhile. Two exports: the chargeback CSV of every month (one download per month, as finance
// pulls them) and the FOCUS CSV of every cost row over the whole window (the largest export). The
// chargeback is downloaded twice: first with no stored lines (each download computes and stores its
// month: `coldChargeback`, reported apart, no target), then timed against COPY (a read of the stored lines).
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { countLines, downloadLines } from "./download";
import { serverMemory, type BenchServer } from "./server";

export interface ExportCase {
  name: string;
  requests: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  copyRowsPerSecond: number;
  ratioToCopy: number;
}

export interface ExportFigures {
  cases: ExportCase[];
  /** The first download of every month after its lines were emptied: computes, stores, streams. */
  coldChargeback: { requests: number; rows: number; seconds: number; rowsPerSecond: number };
  /** Largest summed VmRSS of the server's process tree seen while the exports ran. */
  peakRssMb: number;
  /** Kernel's high-water mark of the main server process (covers spikes between samples). */
  hwmMb: number;
}

/** The rows the chargeback export reads for one month: its stored lines, in order (closed months: none in the bench). */
const CHARGEBACK_COPY = (month: string) => `
  SELECT to_char(month, 'YYYY-MM-DD'), cost_center, account_id, account_name, ou_path,
         direct_cents, shared_cents, direct_cents + shared_cents, adjusts_month
  FROM chargeback_computed_line WHERE month = '${month}'::date
  ORDER BY position`;

/** The FOCUS export's cost query (lib/focus/export-focus.ts), every row of the window. */
const FOCUS_COPY = (first: string, last: string) => `
  SELECT cm.account_id, a.name, to_char(cm.month, 'YYYY-MM-DD'), cm.service, cm.unblended, cm.amortized, cm.net, cm.source, a.tags
  FROM cost_monthly cm LEFT JOIN account a ON a.id = cm.account_id
  WHERE cm.month BETWEEN '${first}'::date AND '${last}'::date
  ORDER BY cm.month, cm.account_id, cm.service, cm.source`;

/**
 * One download's lines and the seconds it took. A 429 from the per-user export limit (10 a minute)
 * is waited out and retried; only the answered request is timed.
 */
async function download(
  server: BenchServer,
  route: string,
): Promise<{ value: number; seconds: number }> {
  for (;;) {
    const started = performance.now();
    const res = await downloadLines(`${server.baseUrl}${route}`, { cookie: server.cookie });
    if (res.status === 429) {
      const wait = res.retryAfterSeconds ?? 6;
      await new Promise((r) => setTimeout(r, (wait + 0.5) * 1000));
      continue;
    }
    if (res.status < 200 || res.status >= 300)
      throw new Error(`GET ${route}: HTTP ${res.status} ${res.errorText ?? ""}`);
    return { value: res.lines, seconds: (performance.now() - started) / 1000 };
  }
}

async function copyRows(client: pg.Client, query: string): Promise<number> {
  return countLines(client.query(copyTo(`COPY (${query}) TO STDOUT WITH (FORMAT csv, HEADER)`)));
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - started) / 1000 };
}

function exportCase(
  name: string,
  requests: number,
  rows: number,
  seconds: number,
  copy: { rows: number; seconds: number },
): ExportCase {
  const rowsPerSecond = Math.round(rows / seconds);
  const copyRowsPerSecond = Math.round(copy.rows / copy.seconds);
  return {
    name,
    requests,
    rows,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond,
    copyRowsPerSecond,
    ratioToCopy: Math.round((rowsPerSecond / copyRowsPerSecond) * 100) / 100,
  };
}

export async function benchExport(
  server: BenchServer,
  databaseUrl: string,
  months: string[],
): Promise<ExportFigures> {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) throw new Error("no months to export");
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, serverMemory(server.pid).rssMb)), 50);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Rows without the header line of each file, on both sides.
    const downloadAll = async () => {
      const sum = { value: 0, seconds: 0 };
      for (const m of months) {
        const d = await download(server, `/api/v1/chargeback/export?month=${m.slice(0, 7)}`);
        sum.value += d.value - 1;
        sum.seconds += d.seconds;
      }
      return sum;
    };
    // Nothing stored (as after a collection run): each download computes and stores its month.
    await client.query("DELETE FROM chargeback_computed_month");
    const cold = await downloadAll();
    const chargeback = await downloadAll();
    const chargebackCopy = await timed(async () => {
      let rows = 0;
      for (const m of months) rows += (await copyRows(client, CHARGEBACK_COPY(m))) - 1;
      return rows;
    });
    const focusDownload = await download(
      server,
      `/api/v1/chargeback/focus?from=${first.slice(0, 7)}&to=${last.slice(0, 7)}`,
    );
    const focus = { value: focusDownload.value - 1, seconds: focusDownload.seconds };
    const focusCopy = await timed(
      async () => (await copyRows(client, FOCUS_COPY(first, last))) - 1,
    );
    return {
      cases: [
        exportCase(
          `chargeback CSV (stored lines), ${months.length} months`,
          months.length,
          chargeback.value,
          chargeback.seconds,
          { rows: chargebackCopy.value, seconds: chargebackCopy.seconds },
        ),
        exportCase(
          `FOCUS CSV, every cost row of ${months.length} months`,
          1,
          focus.value,
          focus.seconds,
          { rows: focusCopy.value, seconds: focusCopy.seconds },
        ),
      ],
      coldChargeback: {
        requests: months.length,
        rows: cold.value,
        seconds: Math.round(cold.seconds * 100) / 100,
        rowsPerSecond: Math.round(cold.value / cold.seconds),
      },
      peakRssMb: peak,
      hwmMb: serverMemory(server.pid).hwmMb,
    };
  } finally {
    clearInterval(sampler);
    await client.end();
  }
}
