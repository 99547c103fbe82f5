import type { TCheck, TFinding } from "@/lib/domain/checks/types";
import { fingerprintOf } from "@/lib/domain/checks/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadSettings } from "@/lib/db/settings";
import { readStoredSnapshot } from "@/lib/collect/sources/stored/read-stored-snapshot";
import type { TEventOrigin } from "./event-source";
import type { TApplied } from "./apply-event";
import { writeEventFinding } from "./apply-iam-user-event";

/**
 * Runs `checks` over the stored state (which the event has just changed), as the next collection will
 * over AWS, and writes what the event changed: findings that are new, not open, or open with another
 * severity or message. Findings the change left as they were get no history row and no alert.
 */
export async function judgeStoredState(
  tx: Prisma.TransactionClient,
  checks: readonly TCheck[],
  origin: TEventOrigin,
  pick: (f: TFinding) => boolean = () => true,
): Promise<TApplied[]> {
  const [snap, settings, known] = await Promise.all([
    readStoredSnapshot(tx, "aws"),
    loadSettings(tx),
    tx.knownAccount.findMany({ select: { accountId: true } }),
  ]);
  const ctx = { knownAccountIds: new Set(known.map((k) => k.accountId)), now: origin.at };
  const findings = checks.flatMap((c) => c.run(snap, settings, ctx)).filter(pick);
  const results: TApplied[] = [];
  for (const finding of findings) {
    const stored = await tx.finding.findUnique({
      where: { fingerprint: fingerprintOf(finding) },
      select: { id: true, status: true, severity: true, message: true },
    });
    const unchanged =
      stored?.status === "open" &&
      stored.severity === finding.severity &&
      stored.message === finding.message;
    if (!unchanged) results.push(await writeEventFinding(tx, finding, stored ?? null, origin));
  }
  return results;
}

/** The outcome of several writes as one. */
export function mergeApplied(results: readonly TApplied[], none: string): TApplied {
  if (!results.length) return { status: "ignored", outcome: none };
  return {
    status: "applied",
    outcome: results.map((r) => r.outcome).join("; "),
    alert: results.flatMap((r) => r.alert ?? []),
  };
}
