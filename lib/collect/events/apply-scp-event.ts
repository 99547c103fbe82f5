import { guardrailScpBaseline } from "@/lib/domain/checks/guardrail-scp-baseline";
import type { TEventChange } from "@/lib/domain/events/interpret-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TEventOrigin } from "./event-source";
import type { TApplied } from "./apply-event";
import { judgeStoredState, mergeApplied } from "./judge-stored-state";

type TScpChange = Extract<TEventChange, { kind: "scp" }>;

/**
 * DetachPolicy removes the stored attachment, DeletePolicy the stored policy; then the baseline
 * guardrail check judges the stored tree and SCPs as the next collection will, and every OU or
 * account the change left without a baseline deny gets its finding at once (same fingerprint).
 */
export async function applyScpEvent(
  tx: Prisma.TransactionClient,
  change: TScpChange,
  origin: TEventOrigin,
): Promise<TApplied> {
  const policy = await tx.policy.findUnique({
    where: { id: change.policyId },
    select: { id: true, name: true },
  });
  if (!policy) return ignored(`policy ${change.policyId} is not collected yet`);
  if (change.action === "detached") {
    const { count } = await tx.policyTarget.deleteMany({
      where: { policyId: policy.id, targetId: change.targetId ?? "" },
    });
    if (!count) return ignored(`${policy.name} is not attached to ${change.targetId ?? ""}`);
  } else {
    await tx.policy.delete({ where: { id: policy.id } });
  }
  const what = `${policy.name} ${change.action}${change.targetId ? ` from ${change.targetId}` : ""}`;
  const results = await judgeStoredState(tx, [guardrailScpBaseline], origin);
  const merged = mergeApplied(results, `${what}: no baseline guardrail is lost`);
  return { ...merged, status: "applied", outcome: `${what}; ${merged.outcome}` };
}

const ignored = (outcome: string): TApplied => ({ status: "ignored", outcome });
