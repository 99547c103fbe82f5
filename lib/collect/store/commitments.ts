// Savings Plans / Reserved Instances: for each kind read in this run, the snapshot's months replace
// exactly those months of that kind; a kind that was denied or failed keeps what earlier runs stored
// and records why, so the page can say "not permitted" instead of showing zeros.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TSnapshot } from "@/lib/domain/snapshot";

export async function storeCommitments(tx: Prisma.TransactionClient, snap: TSnapshot) {
  const { commitments: c } = snap;
  const at = new Date(snap.collectedAt);
  for (const s of c.status) {
    await tx.commitmentFetch.upsert({
      where: { kind: s.kind },
      create: { kind: s.kind, status: s.status, message: s.message, at },
      update: { status: s.status, message: s.message, at },
    });
    if (s.status !== "ok" || !c.months.length) continue;
    const months = c.months.map((m) => new Date(`${m}T00:00:00Z`));
    await tx.commitmentCoverage.deleteMany({ where: { kind: s.kind, month: { in: months } } });
    await tx.commitmentUsage.deleteMany({ where: { kind: s.kind, month: { in: months } } });
    await tx.commitmentOrgMonth.deleteMany({ where: { kind: s.kind, month: { in: months } } });
    const wanted = new Set(c.months);
    await tx.commitmentCoverage.createMany({
      data: c.coverage
        .filter((r) => r.kind === s.kind && wanted.has(r.month))
        .map((r) => ({ ...r, month: new Date(`${r.month}T00:00:00Z`) })),
    });
    await tx.commitmentUsage.createMany({
      data: c.usage
        .filter((r) => r.kind === s.kind && wanted.has(r.month))
        .map((r) => ({
          ...r,
          month: new Date(`${r.month}T00:00:00Z`),
          startsAt: r.startsAt ? new Date(r.startsAt) : null,
          endsAt: r.endsAt ? new Date(r.endsAt) : null,
        })),
    });
    await tx.commitmentOrgMonth.createMany({
      data: c.orgMonths
        .filter((r) => r.kind === s.kind && wanted.has(r.month))
        .map((r) => ({ ...r, month: new Date(`${r.month}T00:00:00Z`) })),
    });
  }
}
