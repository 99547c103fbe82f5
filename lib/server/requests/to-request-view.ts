import "server-only";
import { z } from "zod";
import type { TRequestView } from "@/lib/api/requests";
import { hoursToCompliant, timeline } from "@/lib/domain/requests/state-machine";
import type { AccountRequest } from "@/lib/generated/prisma/client";
import { requestStateOf } from "@/lib/domain/requests/request-state";
import { failedStep, VENDING_STEP_LABELS, VENDING_STEPS } from "@/lib/domain/requests/vending";
import type { TVendingStepRow } from "./list-vending-steps";

const ZVendingStatus = z.enum(["running", "failed", "done"]);

export function toRequestView(
  r: AccountRequest,
  ouPath: string | undefined,
  steps: readonly TVendingStepRow[],
): TRequestView {
  const s = requestStateOf(r);
  const vendingStatus = ZVendingStatus.safeParse(r.vendingStatus);
  const known = steps.flatMap((x) => {
    const step = VENDING_STEPS.find((k) => k === x.step);
    return step ? [{ ...x, step }] : [];
  });
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
    vending: vendingStatus.success
      ? {
          status: vendingStatus.data,
          failedStep: vendingStatus.data === "failed" ? failedStep(known) : null,
          steps: known.map((x) => ({
            step: x.step,
            label: VENDING_STEP_LABELS[x.step],
            status: x.status,
            at: x.at.toISOString(),
            detail: x.detail,
          })),
        }
      : null,
  };
}
