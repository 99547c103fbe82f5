// A collection run: one at a time (advisory lock), progress on the run row, atomic store at the end.
// A run that fails or is killed leaves the last good data untouched.
import pg from "pg";
import type { Db } from "@/lib/db/client";
import { loadSettings } from "@/lib/db/settings";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TSettings } from "@/lib/domain/settings";
import { parseSnapshot, type TSnapshot } from "@/lib/domain/snapshot";
import { ZJson } from "@/lib/domain/json";
import { storeSnapshot } from "./store";
import {
  clearStagedCosts,
  CostStager,
  stageSnapshotCosts,
  withoutCostRows,
  type CostSink,
} from "./store/cost-staging";
import { withJudgedCosts } from "./findings/judged-costs";
import { lockFindings } from "./findings/findings-lock";

/** Arbitrary but fixed key of the "one collection at a time" advisory lock. */
const RUN_LOCK_KEY = 4_224_001;

export interface Progress {
  phase: string;
  done?: number;
  total?: number;
}

/** What a source tells the run besides its snapshot; written on the run even when it fails. */
export interface RunOutcome {
  /** Requests made, by "service:Operation". */
  apiRequests?: Record<string, number>;
  ceRequests?: number;
  /** Price of the Cost Explorer requests, exact decimal USD. */
  ceCostUsd?: string;
  /** Set when a request cap stopped part of the collection: the run ends "capped" with this reason. */
  capped?: string | null;
  /** Parts that could not be read (e.g. Cost Explorer denied): the run ends "partial" with these reasons. */
  degraded?: string[];
  /** Gaps that are no account failure (a call the endpoint does not implement …), kept on the run. */
  notes?: { accountId: string; phase: string; message: string }[];
}

export interface ProduceContext {
  runId: string;
  settings: TSettings;
  progress: (p: Progress) => void;
  report: (outcome: RunOutcome) => void;
  /**
   * Where the source streams its cost rows as it reads them (staged for this run, stored with it);
   * a source may instead leave its rows in the snapshot, and the run stages them the same way.
   */
  costs: CostSink;
}

/**
 * The run engine's input. Production code enters through ./collect.ts, which fixes the evaluation and
 * after-run steps; tests of the engine itself pass their own.
 */
/** A run's source: where its snapshot came from; "re-evaluation" reads back the stored evidence. */
export type TRunSource = TSnapshot["source"] | "re-evaluation";

export interface RunRequest {
  /** "re-evaluation" evaluates the snapshot without storing it (it is the stored evidence already). */
  source: TRunSource;
  /** Resolves to a snapshot (validated by the run), typed loosely so sources may return their input shape. */
  produce: (ctx: ProduceContext) => Promise<unknown>;
  triggeredBy?: string;
  /** Extra atomic writes with the snapshot (findings and KPIs). */
  evaluate?: (
    tx: Prisma.TransactionClient,
    snap: TSnapshot,
    runId: string,
    settings: TSettings,
  ) => Promise<Record<string, unknown>>;
  /** Side effects after the store transaction committed (alerts); runs only then, and its failure never fails the run. */
  afterCommit?: (result: RunResult, runId: string) => Promise<void>;
}

export interface RunResult {
  runId: string;
  status: "succeeded" | "partial" | "failed" | "capped";
  accountsSeen: number;
  accountsAudited: number;
  accountsFailed: number;
  error: string | null;
  ceRequests: number;
  ceCostUsd: string;
  summary: Record<string, unknown>;
}

export class RunAlreadyInProgressError extends Error {
  constructor() {
    super("A collection run is already in progress; try again when it has finished.");
    this.name = "RunAlreadyInProgressError";
  }
}

export async function runCollection(
  db: Db,
  databaseUrl: string,
  req: RunRequest,
): Promise<RunResult> {
  const lock = new pg.Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    const { rows } = await lock.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock($1) AS locked",
      [RUN_LOCK_KEY],
    );
    if (!rows[0]?.locked) throw new RunAlreadyInProgressError();
    // Runs left "running" by a killed process can no longer be running: we hold the lock. Their
    // staged cost rows were never stored and never will be.
    await clearStagedCosts(db);
    await db.collectionRun.updateMany({
      where: { status: "running" },
      data: {
        status: "failed",
        error: "interrupted (process ended before the run finished)",
        finishedAt: new Date(),
      },
    });
    return await execute(db, databaseUrl, req);
  } finally {
    await lock.end();
  }
}

function usageData(o: RunOutcome) {
  return {
    apiRequests: o.apiRequests ?? {},
    ceRequests: o.ceRequests ?? 0,
    ceCostUsd: o.ceCostUsd ?? "0",
  };
}

/** The source's snapshot; rows it kept in memory take the staging path too, and the run holds none. */
async function produceSnapshot(
  req: RunRequest,
  stores: boolean,
  stager: CostStager,
  ctx: ProduceContext,
): Promise<TSnapshot> {
  const produced = parseSnapshot(await req.produce(ctx));
  if (!stores) return produced;
  await stageSnapshotCosts(stager, produced.costs);
  await stager.close();
  return withoutCostRows(produced);
}

async function execute(db: Db, databaseUrl: string, req: RunRequest): Promise<RunResult> {
  const settings = await loadSettings(db);
  const run = await db.collectionRun.create({
    data: { source: req.source, status: "running", triggeredBy: req.triggeredBy ?? null },
  });
  let pending: Promise<unknown> = Promise.resolve();
  let lastWrite = 0;
  const progress = (p: Progress) => {
    const now = Date.now();
    if (now - lastWrite < 250 && p.done !== p.total) return;
    lastWrite = now;
    pending = pending
      .then(() =>
        db.collectionRun.update({
          where: { id: run.id },
          data: {
            phase: p.phase,
            progressDone: p.done ?? 0,
            progressTotal: p.total ?? 0,
            heartbeatAt: new Date(),
          },
        }),
      )
      .catch(() => undefined);
  };
  let outcome: RunOutcome = {};
  const report = (o: RunOutcome) => {
    outcome = { ...outcome, ...o };
  };

  const stager = new CostStager(databaseUrl, run.id);
  const stores = req.source !== "re-evaluation";
  try {
    const snap = await produceSnapshot(req, stores, stager, {
      runId: run.id,
      settings,
      progress,
      report,
      costs: stager,
    });
    await pending;
    const audited = snap.audits.filter((a) => a.status === "audited").length;
    const failed = snap.audits.filter((a) => a.status === "failed");
    await db.collectionRun.update({
      where: { id: run.id },
      data: { phase: "storing", heartbeatAt: new Date() },
    });
    let summary: Record<string, unknown> = {};
    const evaluate = async (tx: Prisma.TransactionClient) => {
      if (!req.evaluate) return;
      // Checks read the judged month's rows, which this transaction has just stored.
      const judged = stores ? await withJudgedCosts(tx, snap) : snap;
      summary = await req.evaluate(tx, judged, run.id, settings);
    };
    if (stores) await storeSnapshot(db, snap, { settings, runId: run.id, after: evaluate });
    else
      await db.$transaction(async (tx) => (await lockFindings(tx), evaluate(tx)), {
        timeout: 30 * 60_000,
        maxWait: 60_000,
      });
    const degraded = outcome.degraded ?? [];
    const status = outcome.capped
      ? "capped"
      : failed.length || degraded.length
        ? "partial"
        : "succeeded";
    const reasons = [outcome.capped, ...degraded].filter((r): r is string => Boolean(r));
    const usage = usageData(outcome);
    await db.collectionRun.update({
      where: { id: run.id },
      data: {
        status,
        phase: "done",
        finishedAt: new Date(),
        accountsSeen: snap.accounts.length,
        accountsAudited: audited,
        accountsFailed: failed.length,
        error: reasons.length ? reasons.join("; ").slice(0, 4000) : null,
        summary: ZJson.parse(summary),
        // Which tag keys' spend this run stored (the runs page shows them).
        costTagKeys: stores ? snap.costs.tagKeys : [],
        ...usage,
        accountErrors: {
          create: [
            ...failed.map((f) => ({
              accountId: f.accountId,
              phase: "audit",
              message: f.error ?? "not audited",
            })),
            ...(outcome.notes ?? []).map((n) => ({
              accountId: n.accountId,
              phase: n.phase,
              message: n.message.slice(0, 4000),
            })),
          ],
        },
      },
    });
    const result: RunResult = {
      runId: run.id,
      status,
      accountsSeen: snap.accounts.length,
      accountsAudited: audited,
      accountsFailed: failed.length,
      error: reasons.length ? reasons.join("; ") : null,
      ceRequests: usage.ceRequests,
      ceCostUsd: usage.ceCostUsd,
      summary,
    };
    if (req.afterCommit)
      await req
        .afterCommit(result, run.id)
        .catch((err: unknown) => console.error("[orglens] after-commit hook failed:", err));
    return result;
  } catch (err) {
    await pending;
    // Nothing of a failed run reaches the cost tables: its staged rows go (best effort; the next run
    // clears leftovers anyway).
    await stager.close().catch(() => undefined);
    await clearStagedCosts(db, run.id).catch(() => undefined);
    const message = err instanceof Error ? err.message : String(err);
    const usage = usageData(outcome);
    await db.collectionRun.update({
      where: { id: run.id },
      data: {
        status: "failed",
        phase: "failed",
        error: message.slice(0, 4000),
        finishedAt: new Date(),
        ...usage,
      },
    });
    return {
      runId: run.id,
      status: "failed",
      accountsSeen: 0,
      accountsAudited: 0,
      accountsFailed: 0,
      error: message,
      ceRequests: usage.ceRequests,
      ceCostUsd: usage.ceCostUsd,
      summary: {},
    };
  }
}
