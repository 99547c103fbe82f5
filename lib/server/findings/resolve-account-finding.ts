import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Resolves an account's open finding of one check now, when an admin action removed its cause (the
 * account linked to a request, or marked as known), instead of at the next collection run. The
 * next run agrees: the check no longer fires for that account.
 */
export async function resolveAccountFinding(
  tx: Prisma.TransactionClient,
  input: { checkId: string; accountId: string; actor: string; reason: string },
): Promise<number> {
  const open = await tx.finding.findMany({
    where: { checkId: input.checkId, accountId: input.accountId, status: "open" },
    select: { id: true },
  });
  if (!open.length) return 0;
  const at = new Date();
  await tx.finding.updateMany({
    where: { id: { in: open.map((f) => f.id) }, status: "open" },
    data: { status: "resolved", resolvedAt: at, stale: false },
  });
  await tx.findingEvent.createMany({
    data: open.map((f) => ({
      findingId: f.id,
      kind: "resolved",
      at,
      actor: input.actor,
      detail: { reason: input.reason },
    })),
  });
  return open.length;
}
