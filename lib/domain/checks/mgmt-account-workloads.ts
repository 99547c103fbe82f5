// The management account is beyond the reach of SCPs: anything running there escapes every guardrail,
// and anyone who may operate it holds the keys to the organization.
import { Decimal } from "decimal.js";
import type { TCheck } from "./types";
import { indexCosts, spendOn } from "./costs";
import { isWorkloadService } from "./services";

export const MGMT_ACCOUNT_WORKLOADS = "MGMT_ACCOUNT_WORKLOADS";

export const mgmtAccountWorkloads: TCheck = {
  definition: {
    id: MGMT_ACCOUNT_WORKLOADS,
    title: "Workloads in the management account",
    category: "segregation",
    defaultSeverity: "high",
    evidenceKind: "organization",
    remediation:
      "Move compute, databases, storage and containers out of the management account into member accounts under Workloads; " +
      "keep the management account for billing, Organizations and Identity Center only.",
  },
  run(snap, settings) {
    const costs = indexCosts(snap, settings);
    const mgmt = snap.organization.managementAccountId;
    const workload = spendOn(costs.spendByAccount.get(mgmt), isWorkloadService);
    if (!workload.amount.gt(new Decimal(settings.mgmtWorkloadSpendThreshold))) return [];
    const month = costs.month?.month ?? "";
    return [
      {
        checkId: MGMT_ACCOUNT_WORKLOADS,
        accountId: mgmt,
        ouId: null,
        resource: "",
        severity: "high",
        title: `${workload.amount.toFixed(2)} USD of workloads in the management account`,
        message:
          `The management account spent ${workload.amount.toFixed(2)} USD on workload services in ${month}` +
          `${costs.month?.estimated ? " (estimated)" : ""}, above the ${settings.mgmtWorkloadSpendThreshold} USD threshold.`,
        evidence: {
          month,
          estimated: costs.month?.estimated ?? null,
          workloadSpend: workload.amount.toFixed(2),
          threshold: settings.mgmtWorkloadSpendThreshold,
          services: workload.services,
        },
      },
    ];
  },
};
