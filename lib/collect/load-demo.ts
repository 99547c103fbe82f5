// Loads the demo organization through the same run → snapshot → store pipeline as real collection.
// It binds no role: only a demo deployment maps the demo sign-in's groups (lib/setup/bind-demo-groups).
import type { Db } from "@/lib/db/client";
import { seedDemoAccountRequests } from "@/lib/collect/seed-demo-account-requests";
import { seedDemoAllocationRules } from "@/lib/collect/seed-demo-allocation-rules";
import { seedDemoBudgets } from "@/lib/collect/seed-demo-budgets";
import type { DemoOptions } from "@/lib/collect/sources/demo";
import { generatePastDemoSnapshot } from "@/lib/collect/sources/demo/past-snapshot";
import { evaluateRun } from "@/lib/collect/evaluate";
import { runCollection, type RunRequest, type RunResult } from "@/lib/collect/run";

export interface LoadDemoOptions extends DemoOptions {
  /** `null` skips evaluation (no findings, no KPIs). */
  evaluate?: RunRequest["evaluate"] | null;
  /**
   * Monthly runs before today's, oldest first, so KPI trends and the findings lifecycle have a past
   * (some violations of those months are fixed later). 0 loads today's run only.
   */
  history?: number;
}

/** Loads the demo and evaluates checks and KPIs, like real runs; resolves to today's (the last) run. */
export async function loadDemo(db: Db, databaseUrl: string, opts: LoadDemoOptions = {}): Promise<RunResult> {
  const { evaluate = evaluateRun, history = 0, ...demo } = opts;
  if (!Number.isInteger(history) || history < 0) throw new RangeError("history must be a non-negative integer");
  let result: RunResult | null = null;
  for (let monthsAgo = history; monthsAgo >= 0; monthsAgo--) {
    result = await runCollection(db, databaseUrl, {
      source: "demo",
      triggeredBy: "demo",
      produce: ({ progress }) => {
        progress({ phase: monthsAgo ? `generating demo organization (${monthsAgo} months ago)` : "generating demo organization" });
        return Promise.resolve(generatePastDemoSnapshot({ ...demo, monthsAgo }));
      },
      evaluate: evaluate ?? undefined,
    });
    if (result.status === "failed") return result;
  }
  if (!result) throw new Error("unreachable: the loop runs at least once");
  await seedDemoAllocationRules(db);
  await seedDemoBudgets(db, demo.now);
  await seedDemoAccountRequests(db, demo.now);
  return result;
}
