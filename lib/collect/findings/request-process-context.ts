// What ORG_ACCOUNT_UNREQUESTED needs besides the snapshot: the accounts OrgLens requests name, and
// from when the request process applies. That start is the admins' "request process since" setting,
// else OrgLens's first collection run: accounts already in the organization when OrgLens was
// installed predate the process, so a 500-account organization does not open 500 findings.
import { REQUEST_SETTINGS_KEY, ZRequestSettings } from "@/lib/api/requests";
import type { TCheckContext } from "@/lib/domain/checks/types";
import type { Prisma } from "@/lib/generated/prisma/client";

export async function requestProcessContext(
  tx: Prisma.TransactionClient,
  /** CreateAccount request ids → accounts: a request being vended knows its "car-…" id before its account. */
  statuses: readonly { id: string; accountId?: string | null }[] = [],
): Promise<Pick<TCheckContext, "requestedAccountIds" | "requestProcessSince">> {
  const [requests, setting, firstRun] = await Promise.all([
    tx.accountRequest.findMany({
      where: { OR: [{ accountId: { not: null } }, { createAccountRequestId: { not: null } }] },
      select: { accountId: true, createAccountRequestId: true },
    }),
    tx.setting.findUnique({ where: { key: REQUEST_SETTINGS_KEY }, select: { value: true } }),
    tx.collectionRun.findFirst({
      where: { status: { not: "failed" } },
      orderBy: { startedAt: "asc" },
      select: { startedAt: true },
    }),
  ]);
  const configured = ZRequestSettings.safeParse(setting?.value ?? {});
  const since = configured.success ? configured.data.processSince : null;
  const accountOf = new Map(statuses.map((s) => [s.id, s.accountId ?? null]));
  const requested = requests.flatMap((r) => {
    const vended = r.createAccountRequestId ? accountOf.get(r.createAccountRequestId) : null;
    return [r.accountId, vended].filter((id): id is string => Boolean(id));
  });
  return {
    requestedAccountIds: new Set(requested),
    requestProcessSince: since ? new Date(since) : (firstRun?.startedAt ?? null),
  };
}
