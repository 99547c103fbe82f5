// `npm run collect` and the tests call this: one AWS collection run through the one pipeline
// (lib/collect/collect.ts: snapshot → store and evaluate in one transaction → after-run), one run at a time.
import type { Db } from "@/lib/db/client";
import { collect, type Source } from "@/lib/collect/collect";
import type { RunResult } from "@/lib/collect/run";
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
  triggeredBy?: string;
  /** Where the run's after-run steps report (alerts sent, account requests moved). */
  log?: (line: string) => void;
  now?: Date;
  report?: ReportOptions;
  pager?: PagerOptions;
  /** Distributed runs: the auditor of run `runId` (fans member accounts out to workers). */
  auditorFor?: (runId: string) => AuditAccountsFn;
}

/** The AWS Organization of the current credentials as a source of the pipeline. */
export function awsSource(db: Db, opts: AwsCollectionOptions = {}): Source {
  const config = opts.config ?? loadAwsConfig();
  return {
    name: "aws",
    produce: async ({ runId, settings, progress, report, costs }) => {
      const costState = await readCostState(db);
      return produceAwsSnapshot(
        {
          ...opts,
          config: { ...config, runId },
          costState,
          auditAccounts: opts.auditorFor?.(runId),
          costSink: costs,
        },
        settings,
        progress,
        report,
      );
    },
  };
}

export async function collectAws(
  db: Db,
  databaseUrl: string,
  opts: AwsCollectionOptions = {},
): Promise<RunResult> {
  return collect(db, databaseUrl, awsSource(db, opts), {
    triggeredBy: opts.triggeredBy ?? "cli",
    log: opts.log,
  });
}
