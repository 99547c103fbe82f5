// How "Run collection now" collects from each source: the same pipeline as `npm run collect` and the
// demo loader (snapshot → store → findings and KPIs), triggered from the dashboard.
import "server-only";
import { z } from "zod";
import { evaluateRun } from "@/lib/collect/evaluate";
import type { RunRequest } from "@/lib/collect/run";
import { loadAwsConfig } from "@/lib/collect/sources/aws/config";
import { readCostState } from "@/lib/collect/sources/aws/cost-state";
import { produceAwsSnapshot } from "@/lib/collect/sources/aws/source";
import { generateDemoSnapshot, MIN_ACCOUNTS } from "@/lib/collect/sources/demo";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TTriggerSource } from "./choose-run-source";

export async function runRequestFor(db: Db, source: TTriggerSource): Promise<Omit<RunRequest, "triggeredBy">> {
  if (source === "demo") {
    // Same size as the organization already loaded, so a refresh does not remove accounts.
    const accounts = Math.max(MIN_ACCOUNTS, await db.account.count({ where: { removedAt: null } }));
    return {
      source: "demo",
      evaluate: evaluateRun,
      produce: ({ progress }) => {
        progress({ phase: "generating the demo organization", done: 0, total: accounts });
        const snapshot = generateDemoSnapshot({ accounts });
        progress({ phase: "generated the demo organization", done: accounts, total: accounts });
        return Promise.resolve(snapshot);
      },
    };
  }
  let config;
  try {
    config = loadAwsConfig(process.env);
  } catch (err) {
    if (!(err instanceof z.ZodError)) throw err;
    throw new AppError("COLLECTOR_MISCONFIGURED", `The AWS collector is not configured correctly: ${err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return {
    source: "aws",
    evaluate: evaluateRun,
    produce: async ({ runId, settings, progress, report }) => produceAwsSnapshot({ config: { ...config, runId }, costState: await readCostState(db) }, settings, progress, report),
  };
}
