// The AWS source: organization → costs → Security Hub aggregator → member accounts → snapshot.
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { costTagKeys } from "@/lib/domain/checks/costs";
import type { TSettings } from "@/lib/domain/settings";
import type { TCommitments, TSnapshotInput } from "@/lib/domain/snapshot";
import type { Progress, RunOutcome } from "@/lib/collect/run";
import { auditAccounts, type AuditAccountsFn } from "./audit";
import type { PagerOptions } from "./ce-pager";
import { AwsClients, type CredentialSource } from "./clients";
import type { AwsCollectorConfig } from "./config";
import { readCommitments } from "./commitments";
import { planCommitmentFetch, planCostFetch, type CostState } from "./cost-plan";
import { readCosts, streamCosts, type CostsResult } from "./costs";
import type { CostSink } from "@/lib/collect/store/cost-staging";
import type { ReportOptions } from "./credential-report";
import { describeAwsError } from "./errors";
import { CeRequestCapReachedError, RequestMeter } from "./meter";
import { RunNotes } from "./notes";
import { readOrgPolicies } from "./org-policies";
import { readOrgTree } from "./org-tree";
import { GUARDDUTY_PRINCIPAL, readGuardDutyOrganization } from "./guardduty-organization";
import { readSecurityHub, type HubSummary } from "./security-hub";
import { AccountSessions, type AssumeRoleFn } from "./sessions";

export interface AwsSourceOptions {
  config: AwsCollectorConfig;
  costState: CostState;
  /** Default: the SDK's default credential chain. */
  credentials?: CredentialSource;
  /** Default: sts:AssumeRole; tests and external credential brokers replace it. */
  assumeRole?: AssumeRoleFn;
  now?: Date;
  report?: ReportOptions;
  pager?: PagerOptions;
  /** Default: audits member accounts in this process; distributed runs fan them out to workers. */
  auditAccounts?: AuditAccountsFn;
  /** The run's cost staging: cost rows stream there page by page. Without it they are held in the snapshot. */
  costSink?: CostSink;
}

/** A streamed read's snapshot holds no cost rows: they are in the run's staging. */
const NO_ROWS = { monthly: [], daily: [], byTag: [], byDimension: [], charges: [] };

const NO_COSTS: CostsResult = {
  currency: "USD",
  months: [],
  days: [],
  tagKeys: [],
  tagKeyMonths: {},
  dimensionMonths: {},
  ...NO_ROWS,
};

async function hubFor(
  sessions: AccountSessions,
  accountId: string,
  region: string,
  notes: RunNotes,
): Promise<HubSummary | null> {
  try {
    const clients = await sessions.clientsFor(accountId);
    try {
      return await readSecurityHub(clients, region, notes);
    } finally {
      sessions.release(clients);
    }
  } catch (err) {
    notes.add(
      accountId,
      "securityhub",
      `Security Hub aggregator not read: ${describeAwsError(err)}`,
    );
    return null;
  }
}

/** Unread (denied, unsupported): members then count only with a detector of their own. */
async function guardDutyOrganizationOf(
  sessions: AccountSessions,
  adminId: string,
  regions: readonly string[],
  notes: RunNotes,
) {
  try {
    const clients = await sessions.clientsFor(adminId);
    try {
      return await readGuardDutyOrganization(clients, regions);
    } finally {
      sessions.release(clients);
    }
  } catch (err) {
    notes.add(
      adminId,
      "guardduty",
      `GuardDuty organization configuration not read: ${describeAwsError(err)}`,
    );
    return [];
  }
}

export async function produceAwsSnapshot(
  opts: AwsSourceOptions,
  settings: TSettings,
  progress: (p: Progress) => void,
  report: (o: RunOutcome) => void,
): Promise<TSnapshotInput> {
  const { config } = opts;
  const now = opts.now ?? new Date();
  const meter = new RequestMeter(config.ceMaxRequests, config.cePricePerRequestUsd);
  const notes = new RunNotes();
  const credentials = opts.credentials ?? fromNodeProviderChain();
  const bootstrap = new AwsClients("base", credentials, config, meter);
  let sessions: AccountSessions | undefined;
  let capped: string | null = null;
  const degraded: string[] = [];
  try {
    progress({ phase: "reading the organization" });
    const tree = await readOrgTree(
      bootstrap.organizations(),
      config.concurrency,
      now.toISOString(),
    );
    const managementId = tree.organization.managementAccountId;
    const caller = await bootstrap.sts(bootstrap.homeRegion).send(new GetCallerIdentityCommand({}));
    sessions = new AccountSessions(
      caller.Account ?? managementId,
      tree.partition,
      config,
      meter,
      credentials,
      opts.assumeRole,
    );
    const org = await readOrgPolicies(
      bootstrap.organizations(),
      managementId,
      config.concurrency,
      notes,
    );

    let costs = NO_COSTS;
    let commitments: TCommitments = {
      months: [],
      coverage: [],
      usage: [],
      orgMonths: [],
      status: [],
    };
    try {
      const plan = planCostFetch(
        now,
        config.historyMonths,
        opts.costState,
        costTagKeys(settings),
        config.forceBackfill,
        settings.dailyCostHistoryDays,
        settings.lateCorrectionMonths,
      );
      // Read into locals: a cap reached while reading commitments must not leave the costs read so
      // far in the snapshot (a capped run stores no costs, and the next run backfills anyway).
      const readCostSet: CostsResult = opts.costSink
        ? {
            ...(await streamCosts(
              bootstrap.costExplorer(),
              meter,
              plan,
              config.dailyByService,
              (phase) => progress({ phase }),
              opts.costSink,
              opts.pager,
            )),
            ...NO_ROWS,
          }
        : await readCosts(
            bootstrap.costExplorer(),
            meter,
            plan,
            config.dailyByService,
            (phase) => progress({ phase }),
            opts.pager,
          );
      const readCommitmentSet = await readCommitments(
        bootstrap.costExplorer(),
        meter,
        planCommitmentFetch(now, config.historyMonths, opts.costState, plan),
        (phase) => progress({ phase }),
        opts.pager,
      );
      costs = readCostSet;
      commitments = readCommitmentSet;
      for (const s of commitments.status)
        if (s.status !== "ok")
          notes.add(
            managementId,
            "ce",
            `${s.kind === "savings_plan" ? "Savings Plans" : "Reserved Instances"} not read (${s.status}): ${s.message}`,
          );
    } catch (err) {
      // All or nothing: months half-fetched would replace good data with incomplete data, so the
      // pages staged so far go too.
      await opts.costSink?.discard();
      if (err instanceof CeRequestCapReachedError) capped = err.message;
      else degraded.push(`Cost Explorer not read, costs not updated: ${describeAwsError(err)}`);
    }

    const hubAccount =
      config.securityHubAccountId ??
      org.delegatedAdmins.find((d) => d.servicePrincipal === "securityhub.amazonaws.com")
        ?.accountId ??
      managementId;
    progress({ phase: "reading Security Hub" });
    const hub = await hubFor(sessions, hubAccount, bootstrap.homeRegion, notes);

    const guardDutyAdmin = org.delegatedAdmins.find(
      (d) => d.servicePrincipal === GUARDDUTY_PRINCIPAL,
    )?.accountId;
    const guardDutyOrganization = guardDutyAdmin
      ? await guardDutyOrganizationOf(sessions, guardDutyAdmin, config.regions, notes)
      : [];

    const audit = opts.auditAccounts ?? auditAccounts;
    const { audits, buckets } = await audit(
      {
        sessions,
        config,
        notes,
        hub,
        now,
        report: opts.report,
        meter,
        keyUsageDays: settings.keyUsageWindowDays,
      },
      tree.accounts,
      (done, total) => progress({ phase: "auditing accounts", done, total }),
    );

    return {
      source: "aws",
      collectedAt: now.toISOString(),
      organization: tree.organization,
      orgUnits: tree.orgUnits,
      accounts: tree.accounts,
      policies: org.policies,
      delegatedAdmins: org.delegatedAdmins,
      createAccountStatuses: org.createAccountStatuses,
      costs,
      commitments,
      audits,
      buckets,
      guardDutyOrganization,
    };
  } finally {
    report({ ...meter.report(), capped, degraded, notes: notes.list });
    sessions?.base.destroy();
    bootstrap.destroy();
  }
}
