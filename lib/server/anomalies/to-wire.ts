// A stored anomaly as the API answers it.
import "server-only";
import type { TAnomaly } from "@/lib/api/anomalies";
import { ZAnomalyKind, ZAnomalyStatus } from "@/lib/api/anomalies";
import type { CostAnomaly } from "@/lib/generated/prisma/client";
import type { VisibleAccount } from "./visible-accounts";

const day = (d: Date) => d.toISOString().slice(0, 10);

export function anomalyToWire(a: CostAnomaly, account: VisibleAccount | undefined): TAnomaly {
  const expected = Number(a.expected);
  const impact = Number(a.impact);
  return {
    id: a.id,
    accountId: a.accountId,
    accountName: account?.name ?? null,
    ouPath: account?.ouPath ?? null,
    costCenter: account?.costCenter ?? null,
    service: a.service,
    kind: ZAnomalyKind.parse(a.kind),
    firstDay: day(a.firstDay),
    lastDay: day(a.lastDay),
    expected,
    actual: Number(a.actual),
    impact,
    impactPercent: expected > 0 ? Math.round((1000 * impact) / expected) / 10 : null,
    upperBound: Number(a.upperBound),
    status: ZAnomalyStatus.parse(a.status),
    reason: a.reason,
    decidedBy: a.decidedBy,
    decidedAt: a.decidedAt?.toISOString() ?? null,
  };
}
