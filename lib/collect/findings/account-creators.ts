// Who created or invited each account, from the ingested Organizations events: CreateAccountStatus
// never names the caller, but the CreateAccount call's CloudTrail record does (its response carries the
// request id "car-…" that CreateAccountResult and ListCreateAccountStatus repeat), and so does the
// InviteAccountToOrganization call whose handshake the invited account accepts.
import { ZCloudTrailDetail, actorOf, textAt } from "@/lib/domain/events/cloudtrail";
import type { Prisma } from "@/lib/generated/prisma/client";

const NAMES = [
  "CreateAccount",
  "CreateAccountResult",
  "InviteAccountToOrganization",
  "AcceptHandshake",
];

/**
 * accountId → the creator's or inviter's principal. `statuses` (the collected CreateAccount statuses)
 * link request ids to accounts when the CreateAccountResult event was not ingested.
 */
export async function accountCreators(
  tx: Prisma.TransactionClient,
  statuses: readonly { id: string; accountId?: string | null }[] = [],
): Promise<Map<string, string>> {
  const rows = await tx.ingestedEvent.findMany({
    where: { eventName: { in: NAMES }, source: "aws.organizations" },
    orderBy: [{ eventTime: "asc" }, { id: "asc" }],
    select: { body: true },
  });
  const callerOf = new Map<string, string>();
  const accountOf = new Map<string, string>(
    statuses.flatMap((s) => (s.accountId ? [[s.id, s.accountId] as const] : [])),
  );
  for (const row of rows) {
    const body = row.body;
    const raw =
      typeof body === "object" && body !== null && !Array.isArray(body) ? body["detail"] : null;
    const parsed = ZCloudTrailDetail.safeParse(raw);
    if (!parsed.success || parsed.data.errorCode) continue;
    const d = parsed.data;
    if (d.eventName === "CreateAccount") {
      const id = textAt(d.responseElements, "createAccountStatus", "id");
      if (id) callerOf.set(id, actorOf(d));
    } else if (d.eventName === "InviteAccountToOrganization") {
      const id = textAt(d.responseElements, "handshake", "id");
      if (id) callerOf.set(id, actorOf(d));
    } else if (d.eventName === "CreateAccountResult") {
      const status = d.serviceEventDetails?.["createAccountStatus"];
      const id = textAt(status, "id");
      const accountId = textAt(status, "accountId");
      if (id && accountId) accountOf.set(id, accountId);
    } else {
      const id = textAt(d.requestParameters, "handshakeId");
      const accountId = d.userIdentity?.accountId ?? d.recipientAccountId ?? null;
      if (id && accountId) accountOf.set(id, accountId);
    }
  }
  const creators = new Map<string, string>();
  for (const [id, accountId] of accountOf) {
    const caller = callerOf.get(id);
    if (caller) creators.set(accountId, caller);
  }
  return creators;
}
