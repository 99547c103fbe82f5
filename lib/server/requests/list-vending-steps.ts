import "server-only";
import type { Db } from "@/lib/db/client";
import { VENDING_STEPS } from "@/lib/domain/requests/vending";

export interface TVendingStepRow {
  step: string;
  status: "ok" | "failed";
  at: Date;
  detail: string;
}

const order = (s: string) => VENDING_STEPS.findIndex((x) => x === s);

/**
 * The vending logs of some requests, each oldest first; steps written in the same millisecond keep
 * the pipeline's order. The caller has authorized the requests (its list or its vending run).
 */
export async function listVendingSteps(
  db: Db,
  requestIds: readonly string[],
): Promise<Map<string, TVendingStepRow[]>> {
  const out = new Map<string, TVendingStepRow[]>();
  if (!requestIds.length) return out;
  const rows = await db.accountRequestStep.findMany({
    where: { requestId: { in: [...requestIds] } },
    orderBy: { at: "asc" },
    select: { requestId: true, step: true, status: true, at: true, detail: true },
  });
  const sorted = rows.toSorted(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      order(a.step) - order(b.step) ||
      (a.status === b.status ? 0 : a.status === "ok" ? -1 : 1),
  );
  for (const r of sorted) {
    const list = out.get(r.requestId) ?? [];
    list.push({
      step: r.step,
      status: r.status === "ok" ? "ok" : "failed",
      at: r.at,
      detail: r.detail,
    });
    out.set(r.requestId, list);
  }
  return out;
}
