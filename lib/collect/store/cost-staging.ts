// A run's Cost Explorer rows go to cost_staging as their pages arrive (COPY on the run's own
// connection), so the collector's memory does not grow with the organization; the store transaction
// moves them into the cost tables (./costs). Sources that build their rows in memory (demo, imports)
// reach the same path through `stageSnapshotCosts`.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZAccountId, type TSnapshot } from "@/lib/domain/snapshot";

/** Which cost table a staged row is for (see the CostStaging model for key and value). */
export type TStagedKind = "monthly" | "daily" | "tag" | "dimension" | "charge";

/** One Cost Explorer group of one period; rows of one fact key are summed when stored. */
export interface StagedCostRow {
  accountId: string;
  /** "YYYY-MM-DD": the month's first day, or the day. */
  period: string;
  key: string;
  value: string;
  estimated: boolean;
  /** Decimal text as Cost Explorer sends it ("12.5", "1.2E-9"): Postgres numeric reads it exactly. */
  unblended: string;
  amortized: string;
  net: string;
}

/** Where a source puts its cost rows while it reads them. */
export interface CostSink {
  stage(kind: TStagedKind, rows: readonly StagedCostRow[]): Promise<void>;
  /** Forgets what this run staged: a read that failed half-way must store none of it. */
  discard(): Promise<void>;
}

const COLUMNS =
  "run_id, kind, account_id, period, key, value, estimated, unblended, amortized, net";
const PERIOD = /^\d{4}-\d{2}-\d{2}$/;

/** COPY text format: backslash, tab and line breaks escaped. */
function field(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

function line(runId: string, kind: TStagedKind, r: StagedCostRow): string {
  // The same refusal the snapshot's schema gave these rows when they were held in memory.
  ZAccountId.parse(r.accountId);
  if (!PERIOD.test(r.period)) throw new Error(`Cost Explorer period "${r.period}" is not a date`);
  return `${runId}\t${kind}\t${r.accountId}\t${r.period}\t${field(r.key)}\t${field(r.value)}\t${r.estimated ? "t" : "f"}\t${field(r.unblended)}\t${field(r.amortized)}\t${field(r.net)}\n`;
}

/** The staging writer of one run: one connection, one COPY per call, awaited (back-pressure). */
export class CostStager implements CostSink {
  private client: pg.Client | null = null;

  constructor(
    private readonly databaseUrl: string,
    readonly runId: string,
  ) {}

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    this.client = client;
    return client;
  }

  async stage(kind: TStagedKind, rows: readonly StagedCostRow[]): Promise<void> {
    if (!rows.length) return;
    const text = rows.map((r) => line(this.runId, kind, r)).join("");
    const client = await this.connection();
    await pipeline(
      Readable.from([text]),
      client.query(copyFrom(`COPY cost_staging (${COLUMNS}) FROM STDIN`)),
    );
  }

  async discard(): Promise<void> {
    const client = await this.connection();
    await client.query("DELETE FROM cost_staging WHERE run_id = $1", [this.runId]);
  }

  async close(): Promise<void> {
    await this.client?.end();
    this.client = null;
  }
}

/** Deletes staged rows: one run's, or (runId omitted, under the run lock) every leftover of crashed runs. */
export async function clearStagedCosts(
  db: Db | Prisma.TransactionClient,
  runId?: string,
): Promise<void> {
  if (runId) await db.$executeRaw`DELETE FROM cost_staging WHERE run_id = ${runId}::uuid`;
  else await db.$executeRaw`DELETE FROM cost_staging`;
}

const CHUNK = 5_000;

async function stageAll<T>(
  sink: CostSink,
  kind: TStagedKind,
  rows: readonly T[],
  toStaged: (row: T) => StagedCostRow,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await sink.stage(kind, rows.slice(i, i + CHUNK).map(toStaged));
}

/** The adapter for sources that hold their cost rows in the snapshot: the same staging path. */
export async function stageSnapshotCosts(sink: CostSink, costs: TSnapshot["costs"]): Promise<void> {
  await stageAll(sink, "monthly", costs.monthly, (r) => ({
    ...r,
    period: r.month,
    key: "",
    value: r.service,
  }));
  await stageAll(sink, "daily", costs.daily, (r) => ({
    ...r,
    period: r.day,
    key: "",
    value: r.service,
    estimated: false,
  }));
  await stageAll(sink, "tag", costs.byTag, (r) => ({
    ...r,
    period: r.month,
    key: r.tagKey,
    value: r.tagValue,
  }));
  await stageAll(sink, "dimension", costs.byDimension, (r) => ({
    ...r,
    period: r.month,
    key: r.dimension,
    value: r.value,
  }));
  await stageAll(sink, "charge", costs.charges, (r) => ({
    ...r,
    period: r.month,
    key: r.recordType,
    value: r.service,
  }));
}

/** The snapshot without its cost rows (they are staged): what the run keeps in memory. */
export function withoutCostRows(snap: TSnapshot): TSnapshot {
  return {
    ...snap,
    costs: { ...snap.costs, monthly: [], daily: [], byTag: [], byDimension: [], charges: [] },
  };
}
