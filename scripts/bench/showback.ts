// Showback: the real route over HTTP against the same aggregation as naive SQL on the raw fact
// table (cost_monthly, ~1.5M rows), in this process, against the same database.
import pg from "pg";
import type { BenchServer } from "./server";
import { parseServerTiming } from "../../lib/server/http/server-timing";
import { percentile } from "../../lib/domain/kpis/scopes";
import { COST_GROUPS_PAGE } from "../../lib/api/costs";
import { timeRepeated, type Timing } from "./measure";

export interface ShowbackCase {
  name: string;
  api: Timing;
  naiveSql: Timing;
  ratio: number;
  /** p50 of each Server-Timing span of the timed answers (ms): where the API's server time goes. */
  serverTiming: Record<string, number>;
}

/** OU of the charge month from the placement history, summed per OU and month: what the API answers. */
const NAIVE_BY_OU = `
  SELECT p.ou_id, c.month, sum(c.unblended) AS amount
  FROM cost_monthly c
  JOIN account_placement p ON p.account_id = c.account_id
    AND p.valid_from < c.month + interval '1 month' AND (p.valid_to IS NULL OR p.valid_to >= c.month + interval '1 month')
  WHERE c.month BETWEEN $1::date AND $2::date
  GROUP BY 1, 2 ORDER BY 3 DESC`;

const NAIVE_BY_ACCOUNT = `
  SELECT c.account_id, a.name, sum(c.unblended) AS amount
  FROM cost_monthly c JOIN account a ON a.id = c.account_id
  WHERE c.month = $1::date
  GROUP BY 1, 2 ORDER BY 3 DESC`;

export async function benchShowback(
  server: BenchServer,
  databaseUrl: string,
  months: { first: string; last: string },
  runs: number,
): Promise<ShowbackCase[]> {
  // Server-Timing spans of every timed answer, so the report can say where the time goes.
  let spans: Record<string, number>[] = [];
  const get = async (query: string) => {
    // no-cache: the server computes every answer (its per-data-version response cache is measured by the read load).
    const res = await fetch(`${server.baseUrl}/api/v1/costs?${query}`, {
      headers: { cookie: server.cookie, "cache-control": "no-cache" },
    });
    if (!res.ok)
      throw new Error(
        `GET /api/v1/costs?${query}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`,
      );
    await res.arrayBuffer();
    spans.push(parseServerTiming(res.headers.get("server-timing")));
  };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ym = (d: string) => d.slice(0, 7);
    // As the showback page asks: the largest groups first, a page at a time (totals over all of them).
    const page = `limit=${COST_GROUPS_PAGE}`;
    const cases = [
      {
        name: "by OU, 14 months",
        query: `groupBy=ou&from=${ym(months.first)}&to=${ym(months.last)}&${page}`,
        sql: NAIVE_BY_OU,
        params: [months.first, months.last],
      },
      {
        name: "by account, 1 month",
        query: `groupBy=account&from=${ym(months.last)}&to=${ym(months.last)}&${page}`,
        sql: NAIVE_BY_ACCOUNT,
        params: [months.last],
      },
    ];
    const out: ShowbackCase[] = [];
    for (const c of cases) {
      spans = [];
      const api = await timeRepeated(() => get(c.query), runs);
      const serverTiming = spanMedians(spans);
      console.error(`[bench] showback ${c.name}: Server-Timing p50 ${spanText(serverTiming)}`);
      const naiveSql = await timeRepeated(
        () => client.query(c.sql, c.params),
        Math.min(runs, 15),
        2,
      );
      out.push({
        name: c.name,
        api,
        naiveSql,
        ratio: Math.round((api.p50 / naiveSql.p50) * 100) / 100,
        serverTiming,
      });
    }
    return out;
  } finally {
    await client.end();
  }
}

/** p50 per span over every answer (a span an answer lacks counts as 0). */
function spanMedians(all: Record<string, number>[]): Record<string, number> {
  const names = [...new Set(all.flatMap((s) => Object.keys(s)))];
  return Object.fromEntries(
    names.map((n) => {
      const p50 = percentile(
        all.map((s) => s[n] ?? 0).sort((a, b) => a - b),
        50,
      );
      return [n, Math.round((p50 ?? 0) * 10) / 10];
    }),
  );
}

/** "session 0.4 ms, sql 12.1 ms, ..." */
export function spanText(spans: Record<string, number>): string {
  return Object.entries(spans)
    .map(([n, ms]) => `${n} ${ms} ms`)
    .join(", ");
}
