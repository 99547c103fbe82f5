// CSV export throughput against COPY of an equivalent query, and the server's memory meanwhile.
// No chargeback export route exists yet: this measures the costs export (/api/v1/costs/export).
// COPY goes to a server-side file: neither psql nor pg-copy-streams is installed.
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { serverMemory, type BenchServer } from "./server";

export interface ExportFigures {
  route: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  copyRowsPerSecond: number;
  ratioToCopy: number;
  peakRssMb: number;
  hwmMb: number;
}

/** Per account, its monthly amounts as one row: the pivot the export writes, from the raw facts. */
const COPY_QUERY = (first: string, last: string) => `
  SELECT c.account_id, a.name, array_agg(c.amount::text ORDER BY c.month) AS amounts, sum(c.amount) AS total
  FROM (SELECT account_id, month, sum(unblended) AS amount FROM cost_monthly WHERE month BETWEEN '${first}' AND '${last}' GROUP BY 1, 2) c
  JOIN account a ON a.id = c.account_id
  GROUP BY 1, 2 ORDER BY 4 DESC`;

export async function benchExport(server: BenchServer, databaseUrl: string, months: { first: string; last: string }): Promise<ExportFigures> {
  const query = `groupBy=account&granularity=monthly&from=${months.first.slice(0, 7)}&to=${months.last.slice(0, 7)}`;
  const route = `/api/v1/costs/export?${query}`;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, serverMemory(server.pid).rssMb)), 50);
  const started = performance.now();
  let rows = 0;
  try {
    const res = await fetch(`${server.baseUrl}${route}`, { headers: { cookie: server.cookie } });
    if (!res.ok || !res.body) throw new Error(`GET ${route}: HTTP ${res.status}`);
    const decoder = new TextDecoder();
    for await (const chunk of res.body) rows += (decoder.decode(chunk, { stream: true }).match(/\n/g) ?? []).length;
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const file = path.join(tmpdir(), `orglens-bench-copy-${process.pid}.csv`);
  let copyRows = 0;
  let copySeconds = 0;
  try {
    const t = performance.now();
    const r = await client.query(`COPY (${COPY_QUERY(months.first, months.last)}) TO '${file}' WITH CSV HEADER`);
    copySeconds = (performance.now() - t) / 1000;
    copyRows = (r.rowCount ?? 0) + 1;
  } finally {
    await client.end();
    rmSync(file, { force: true });
  }
  const rowsPerSecond = Math.round(rows / seconds);
  const copyRowsPerSecond = Math.round(copyRows / copySeconds);
  return { route, rows, seconds: Math.round(seconds * 100) / 100, rowsPerSecond, copyRowsPerSecond, ratioToCopy: Math.round((rowsPerSecond / copyRowsPerSecond) * 100) / 100, peakRssMb: peak, hwmMb: serverMemory(server.pid).hwmMb };
}
