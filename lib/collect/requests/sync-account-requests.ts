// Moves approved requests to provisioned when their account appears (an account_creation of the same
// name, or a newly seen account of that name), and provisioned ones to compliant once the account's
// latest audit shows no open high or critical finding. A fixed step after every collection run
// (lib/collect/after-run); the dashboard also runs it on demand through lib/server/requests.
import type { Db } from "@/lib/db/client";
import { transition } from "@/lib/domain/requests/state-machine";
import { requestStateOf } from "@/lib/domain/requests/request-state";

const norm = (s: string) => s.trim().toLowerCase();

export async function syncAccountRequests(
  db: Db,
): Promise<{ provisioned: number; compliant: number }> {
  let provisioned = 0;
  let compliant = 0;
  const claimed = new Set(
    (
      await db.accountRequest.findMany({
        where: { accountId: { not: null } },
        select: { accountId: true },
      })
    ).flatMap((r) => (r.accountId ? [r.accountId] : [])),
  );

  // Requests OrgLens vends itself are provisioned by their vending run, never matched by name here.
  const approved = await db.accountRequest.findMany({
    where: { status: "approved", vendingStatus: null },
    orderBy: { requestedAt: "asc" },
  });
  const since = approved[0]?.requestedAt;
  if (since) {
    // Everything any approved request could match, read once (requests are oldest first).
    const creations = await db.accountCreation.findMany({
      where: { state: "SUCCEEDED", accountId: { not: null }, requestedAt: { gte: since } },
      orderBy: { requestedAt: "asc" },
    });
    // A creation counts once the collector sees its account in the organization, not before.
    const known = new Set(
      (
        await db.account.findMany({
          where: {
            id: { in: creations.flatMap((c) => (c.accountId ? [c.accountId] : [])) },
            removedAt: null,
          },
          select: { id: true },
        })
      ).map((a) => a.id),
    );
    const newAccounts = await db.account.findMany({
      where: { firstSeenAt: { gte: since }, removedAt: null },
      select: { id: true, name: true, firstSeenAt: true },
      orderBy: { firstSeenAt: "asc" },
    });
    for (const r of approved) {
      const creation = creations.find(
        (c) =>
          c.requestedAt >= r.requestedAt &&
          norm(c.accountName) === norm(r.name) &&
          c.accountId &&
          known.has(c.accountId) &&
          !claimed.has(c.accountId),
      );
      const seen = creation
        ? undefined
        : newAccounts.find(
            (a) =>
              a.firstSeenAt >= r.requestedAt && norm(a.name) === norm(r.name) && !claimed.has(a.id),
          );
      const accountId = creation?.accountId ?? seen?.id;
      if (!accountId) continue;
      const at = creation?.completedAt ?? seen?.firstSeenAt ?? new Date();
      await db.accountRequest.update({
        where: { id: r.id },
        data: transition(requestStateOf(r), { kind: "provision", accountId, at }),
      });
      claimed.add(accountId);
      provisioned++;
    }
  }

  const live = await db.accountRequest.findMany({
    where: { status: "provisioned", accountId: { not: null } },
  });
  const ids = live.flatMap((r) => (r.accountId ? [r.accountId] : []));
  const [accounts, blocking] = await Promise.all([
    db.account.findMany({
      where: { id: { in: ids } },
      select: { id: true, auditStatus: true, auditedAt: true },
    }),
    db.finding.groupBy({
      by: ["accountId"],
      where: { accountId: { in: ids }, status: "open", severity: { in: ["high", "critical"] } },
      _count: true,
    }),
  ]);
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const blocked = new Set(blocking.map((b) => b.accountId));
  for (const r of live) {
    if (!r.accountId || !r.provisionedAt) continue;
    const account = accountById.get(r.accountId);
    if (account?.auditStatus !== "audited" || !account.auditedAt) continue;
    if (blocked.has(r.accountId)) continue;
    const at = account.auditedAt > r.provisionedAt ? account.auditedAt : r.provisionedAt;
    await db.accountRequest.update({
      where: { id: r.id },
      data: transition(requestStateOf(r), { kind: "comply", at }),
    });
    compliant++;
  }
  return { provisioned, compliant };
}
