// `npm run collect` and the tests call this: one AWS collection run through the shared pipeline
// (snapshot → store in one transaction), one run at a time.
import type { Db } from "@/lib/db/client";
import { runCollection, type RunRequest, type RunResult } from "@/lib/collect/run";
import type { AuditAccountsFn } from "./audit";
import type { PagerOptions } from "./ce-pager";
import type { CredentialSource } from "./clients";
import { loadAwsConfig, type AwsCollectorConfig } from "./config";
import { readCostState } from "./cost-state";
import type { ReportOptions } from "./credential-report";
import { produceAwsSnapshot } from "./source";
import type { AssumeRoleFn } from "./sessions";

export { loadAwsConfig, type AwsCollectorConfig } from "./config";
export { RunAlreadyInProgressError } from "@/lib/collect/run";

export interface AwsCollectionOptions {
  config?: AwsCollectorConfig;
  credentials?: CredentialSource;
  assumeRole?: AssumeRoleFn;
  evaluate?: RunRequest["evaluate"];
  /** Follow-up after the store transaction committed (alerts, account requests: lib/collect/after-run). */
  afterCommit?: RunRequest["afterCommit"];
  triggeredBy?: string;
  now?: Date;
  report?: ReportOptions;
  pager?: PagerOptions;
  /** Distributed runs: the auditor of run `runId` (fans member accounts out to workers). */
  auditorFor?: (runId: string) => AuditAccountsFn;
}

export async function collectAws(db: Db, databaseUrl: string, opts: AwsCollectionOptions = {}): Promise<RunResult> {
  const config = opts.config ?? loadAwsConfig();
  return runCollection(db, databaseUrl, {
    source: "aws",
    triggeredBy: opts.triggeredBy ?? "cli",
    evaluate: opts.evaluate,
    afterCommit: opts.afterCommit,
    produce: async ({ runId, settings, progress, report }) => {
      const costState = await readCostState(db);
      return produceAwsSnapshot({ ...opts, config: { ...config, runId }, costState, auditAccounts: opts.auditorFor?.(runId) }, settings, progress, report);
    },
  });
}
