// Loads the demo organization through the same run → snapshot → store pipeline as real collection.
// It binds no role: only a demo deployment maps the demo sign-in's groups (lib/setup/bind-demo-groups).
import type { Db } from "@/lib/db/client";
import { collect } from "@/lib/collect/collect";
import type { RunResult } from "@/lib/collect/run";
import { seedDemoAccountRequests } from "@/lib/collect/seed-demo-account-requests";
import { seedDemoAllocationRules } from "@/lib/collect/seed-demo-allocation-rules";
import { seedDemoBudgets } from "@/lib/collect/seed-demo-budgets";
import { seedDemoProvisioningRequests } from "@/lib/collect/seed-demo-provisioning-requests";
import { seedDemoRequestProcess } from "@/lib/collect/seed-demo-request-process";
import type { DemoOptions } from "@/lib/collect/sources/demo";
import { lateCorrectionMonth } from "@/lib/collect/sources/demo/late-correction";
import { demoSource } from "@/lib/collect/sources/demo/source";

export interface LoadDemoOptions extends DemoOptions {
  /** `false` skips evaluation (no findings, no KPIs): loads that only need costs. */
  evaluate?: boolean;
  /**
   * Monthly runs before today's, oldest first, so KPI trends and the findings lifecycle have a past
   * (some violations of those months are fixed later). 0 loads today's run only.
   */
  history?: number;
  /**
   * Closes a month's chargeback period (lib/server, passed in: lib/collect does not import it). With
   * history, the month two months back is closed after today's run, then today's snapshot is taken
   * again with a late AWS credit in it: a late correction the runs page and chargeback show.
   */
  closePeriod?: (db: Db, month: string) => Promise<void>;
}

/** Loads the demo and evaluates checks and KPIs, like real runs; resolves to today's (the last) run. */
export async function loadDemo(
  db: Db,
  databaseUrl: string,
  opts: LoadDemoOptions = {},
): Promise<RunResult> {
  const { evaluate = true, history = 0, closePeriod, ...demo } = opts;
  if (!Number.isInteger(history) || history < 0)
    throw new RangeError("history must be a non-negative integer");
  await seedDemoProvisioningRequests(db, demo);
  await seedDemoRequestProcess(db, demo);
  let result: RunResult | null = null;
  for (let monthsAgo = history; monthsAgo >= 0; monthsAgo--) {
    let collectedAt: Date | null = null;
    const source = demoSource({ ...demo, monthsAgo }, (at) => (collectedAt = at));
    result = await collect(db, databaseUrl, source, { triggeredBy: "demo", evaluate });
    if (result.status === "failed") return result;
    if (collectedAt) await backdateRun(db, result.runId, collectedAt);
  }
  if (!result) throw new Error("unreachable: the loop runs at least once");
  if (closePeriod && history > 0) {
    await closePeriod(db, lateCorrectionMonth(demo.now ?? new Date()));
    const source = demoSource({ ...demo, monthsAgo: 0, lateCorrection: true });
    result = await collect(db, databaseUrl, source, { triggeredBy: "demo", evaluate });
    if (result.status === "failed") return result;
  }
  await seedDemoAllocationRules(db);
  await seedDemoBudgets(db, demo.now);
  await seedDemoAccountRequests(db, demo.now);
  return result;
}

/** A history run is dated when its snapshot looked, months ago, not when the loader ran it. */
async function backdateRun(db: Db, runId: string, at: Date): Promise<void> {
  const run = await db.collectionRun.findUniqueOrThrow({
    where: { id: runId },
    select: { startedAt: true, finishedAt: true },
  });
  const took = (run.finishedAt ?? run.startedAt).getTime() - run.startedAt.getTime();
  await db.collectionRun.update({
    where: { id: runId },
    data: {
      startedAt: at,
      heartbeatAt: new Date(at.getTime() + took),
      finishedAt: new Date(at.getTime() + took),
    },
  });
}
