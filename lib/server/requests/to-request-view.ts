import "server-only";
import type { TRequestView } from "@/lib/api/requests";
import { hoursToCompliant, timeline } from "@/lib/domain/requests/state-machine";
import type { AccountRequest } from "@/lib/generated/prisma/client";
import { requestStateOf } from "@/lib/domain/requests/request-state";

export function toRequestView(r: AccountRequest, ouPath: string | undefined): TRequestView {
  const s = requestStateOf(r);
  return {
    id: r.id,
    name: r.name,
    purpose: r.purpose,
    environment: r.environment,
    targetOuId: r.targetOuId,
    targetOuPath: ouPath ?? r.targetOuId,
    owner: r.owner,
    costCenter: r.costCenter,
    monthlyBudget: r.monthlyBudget?.toNumber() ?? null,
    requestedBy: r.requestedBy,
    status: s.status,
    accountId: r.accountId,
    hoursToCompliant: hoursToCompliant(s),
    timeline: timeline(s).map((e) => ({
      status: e.status,
      at: e.at.toISOString(),
      detail: e.detail,
    })),
  };
}
