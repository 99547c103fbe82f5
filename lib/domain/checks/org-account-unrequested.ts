// Accounts that joined the organization without an account request: nobody approved them, so they
// may lack the requested OU, tags, budget and owner. Fed by the accounts Organizations lists (with
// their join time and method), the CreateAccount statuses (ListCreateAccountStatus) and OrgLens's
// own request records; an EventBridge event may name the creator, which CreateAccountStatus never does.
import type { TAccount, TSnapshot } from "@/lib/domain/snapshot";
import type { TCheck, TCheckContext, TFinding } from "./types";

export const ORG_ACCOUNT_UNREQUESTED = "ORG_ACCOUNT_UNREQUESTED";

type TCreateAccountStatus = TSnapshot["createAccountStatuses"][number];

export interface TUnrequestedContext {
  managementAccountId: string;
  knownAccountIds: ReadonlySet<string>;
  requestedAccountIds: ReadonlySet<string>;
  /** Accounts that joined before this predate the request process; null: the check is off. */
  since: Date | null;
}

export interface TUnrequestedEvidence {
  /** The CreateAccount request that created the account, when Organizations still lists it. */
  creation: Pick<TCreateAccountStatus, "id" | "requestedAt" | "completedAt"> | null;
  /** The principal that created or invited the account, when an event named it. */
  createdBy: string | null;
}

/** One account's verdict; exported so the event handler judges an account the moment it appears. */
export function unrequestedAccountFinding(
  account: Pick<TAccount, "id" | "name" | "status" | "joinedMethod" | "joinedAt">,
  evidence: TUnrequestedEvidence,
  ctx: TUnrequestedContext,
): TFinding | null {
  if (ctx.since === null) return null;
  if (account.id === ctx.managementAccountId) return null;
  // Suspended and closing accounts are on their way out (ORG_ACCOUNT_OUTSIDE watches where they sit).
  if (account.status !== "ACTIVE") return null;
  if (ctx.knownAccountIds.has(account.id) || ctx.requestedAccountIds.has(account.id)) return null;
  const joinedAt = new Date(account.joinedAt);
  if (joinedAt < ctx.since) return null;
  const how = account.joinedMethod === "CREATED" ? "created" : "invited into the organization";
  const who = evidence.createdBy ? `by ${evidence.createdBy}` : "outside OrgLens";
  const when = evidence.creation?.requestedAt ?? account.joinedAt;
  return {
    checkId: ORG_ACCOUNT_UNREQUESTED,
    accountId: account.id,
    ouId: null,
    resource: "",
    severity: "medium",
    title: `${account.name} was ${how} without an account request`,
    message:
      `${account.name} (${account.id}) was ${how} ${who} at ${when}, with no approved account request. ` +
      "Link it to its request or mark it as a known account.",
    evidence: {
      account: account.id,
      joinedMethod: account.joinedMethod,
      joinedAt: account.joinedAt,
      createdBy: evidence.createdBy,
      createAccountRequestId: evidence.creation?.id ?? null,
      createdAt: evidence.creation?.requestedAt ?? null,
      requestProcessSince: ctx.since.toISOString(),
    },
  };
}

export const orgAccountUnrequested: TCheck = {
  definition: {
    id: ORG_ACCOUNT_UNREQUESTED,
    title: "Accounts created outside the request process",
    category: "organization",
    defaultSeverity: "medium",
    evidenceKind: "organization",
    remediation:
      "Find who created the account and why. If it belongs to an approved request, link it to that " +
      "request (Findings → Link to request) so its OU, tags and budget are checked; if it is a " +
      "legitimate exception, mark it as a known account. Otherwise close it.",
  },
  run(snap, _settings, ctx: TCheckContext) {
    const creationOf = new Map(
      snap.createAccountStatuses.flatMap((c) =>
        c.state === "SUCCEEDED" && c.accountId ? [[c.accountId, c] as const] : [],
      ),
    );
    const rules: TUnrequestedContext = {
      managementAccountId: snap.organization.managementAccountId,
      knownAccountIds: ctx.knownAccountIds,
      requestedAccountIds: ctx.requestedAccountIds ?? new Set(),
      since: ctx.requestProcessSince ?? null,
    };
    return snap.accounts.flatMap((a) => {
      const f = unrequestedAccountFinding(
        a,
        {
          creation: creationOf.get(a.id) ?? null,
          createdBy: ctx.accountCreators?.get(a.id) ?? null,
        },
        rules,
      );
      return f ? [f] : [];
    });
  },
};
